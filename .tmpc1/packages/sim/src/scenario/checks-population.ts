import { type CheckIssue, checkSumsToOne, checkUniqueIds, show, sumOf } from "./check-issue.js";
import type { Scenario } from "./schema.js";

/** The age at which the letters' "adults" (dân số trưởng thành) begin. */
export const ADULT_AGE = 18;

/** Bands run from age 0 without gaps, the last one open, and one of them starts at 18. */
export function checkAgeBands(s: Scenario, issues: CheckIssue[]): void {
  const bands = s.ageBands;
  checkUniqueIds(issues, bands, "ageBands", "age band");
  bands.forEach((b, i) => {
    const expectedMin = i === 0 ? 0 : (bands[i - 1]!.maxAge ?? Number.NaN) + 1;
    if (b.minAge !== expectedMin) {
      const rule =
        i === 0
          ? "must be 0 (the first band starts at birth)"
          : `must be ${expectedMin} (the previous band's maxAge + 1)`;
      issues.push({ path: ["ageBands", i, "minAge"], message: rule });
    }
    const last = i === bands.length - 1;
    if (last && b.maxAge !== null) {
      issues.push({
        path: ["ageBands", i, "maxAge"],
        message: "must be null (the last band is open-ended)",
      });
    }
    if (!last && (b.maxAge === null || b.maxAge < b.minAge)) {
      issues.push({
        path: ["ageBands", i, "maxAge"],
        message: `must be a whole number of years, at least minAge (${b.minAge})`,
      });
    }
  });
  if (!bands.some((b) => b.minAge === ADULT_AGE)) {
    issues.push({
      path: ["ageBands"],
      message: `one band must start at age ${ADULT_AGE} so adults can be counted`,
    });
  }
  checkSumsToOne(
    issues,
    ["ageBands"],
    "age-band shares",
    bands.map((b) => b.share),
  );
}

/** Sizes run 1, 2, …, N; shares add up to 1; the stated mean matches them within 0.15. */
export function checkHouseholds(s: Scenario, issues: CheckIssue[]): void {
  const h = s.households;
  h.sizeShares.forEach((e, i) => {
    if (e.size !== i + 1) {
      issues.push({
        path: ["households", "sizeShares", i, "size"],
        message: `must be ${i + 1} (sizes run 1, 2, 3, … without gaps)`,
      });
    }
  });
  checkSumsToOne(
    issues,
    ["households", "sizeShares"],
    "household-size shares",
    h.sizeShares.map((e) => e.share),
  );
  const implied = sumOf(h.sizeShares.map((e) => e.size * e.share));
  if (Math.abs(implied - h.meanSize) > 0.15) {
    issues.push({
      path: ["households", "meanSize"],
      message: `must be within 0.15 of the mean the size shares imply (${show(implied)})`,
    });
  }
}

export function checkPlatforms(s: Scenario, issues: CheckIssue[]): void {
  checkSumsToOne(issues, ["platforms"], "android and ios shares", [
    s.platforms.android,
    s.platforms.ios,
  ]);
}

export function checkRegions(s: Scenario, issues: CheckIssue[]): Set<string> {
  s.regions.forEach((r, i) => {
    if (r.populationYear === undefined && r.populationNote === undefined) {
      issues.push({
        path: ["regions", i, "populationYear"],
        message: "is required (or say in populationNote why the source gives no year)",
      });
    }
  });
  return checkUniqueIds(issues, s.regions, "regions", "region");
}
