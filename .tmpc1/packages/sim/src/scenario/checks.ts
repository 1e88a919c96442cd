import type * as z from "zod";
import type { CheckIssue } from "./check-issue.js";
import { checkLayers } from "./checks-contacts.js";
import { checkAdoption, checkGroupsAndTargets } from "./checks-policy.js";
import {
  checkAgeBands,
  checkHouseholds,
  checkPlatforms,
  checkRegions,
} from "./checks-population.js";
import { checkSources } from "./checks-sources.js";
import type { Scenario } from "./schema.js";

/** The rules that span fields: sums, contiguity, references between sections. */
export function crossCheckIssues(s: Scenario): CheckIssue[] {
  const issues: CheckIssue[] = [];
  checkSources(s, issues);
  const regionIds = checkRegions(s, issues);
  checkAgeBands(s, issues);
  checkHouseholds(s, issues);
  checkPlatforms(s, issues);
  checkAdoption(s, regionIds, issues);
  checkGroupsAndTargets(s, issues);
  checkLayers(s, issues);
  return issues;
}

/** Zod refinement form of {@link crossCheckIssues}. */
export function crossCheck(s: Scenario, ctx: z.RefinementCtx): void {
  for (const issue of crossCheckIssues(s)) {
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input: s });
  }
}
