import { type CheckIssue, checkUniqueIds, sumOf } from "./check-issue.js";
import type { Scenario } from "./schema.js";

interface Amount {
  count?: number | undefined;
  share?: number | undefined;
  of?: string | undefined;
}

/** An amount of app users needs a count, or a share together with its denominator. */
function checkAmount(a: Amount, path: (string | number)[], issues: CheckIssue[]): void {
  if (a.share !== undefined && a.of === undefined) {
    issues.push({
      path: [...path, "of"],
      message: "is required when share is given (its denominator)",
    });
  } else if (a.of !== undefined && a.share === undefined) {
    issues.push({ path: [...path, "share"], message: "is required when of is given" });
  } else if (a.count === undefined && a.share === undefined) {
    issues.push({ path, message: "must give a count, or a share with its denominator (of)" });
  }
}

export function checkAdoption(s: Scenario, regionIds: Set<string>, issues: CheckIssue[]): void {
  const a = s.adoption;
  checkAmount(a, ["adoption"], issues);
  const total = sumOf(s.regions.map((r) => r.population));
  if (a.count !== undefined && a.count > total) {
    issues.push({
      path: ["adoption", "count"],
      message: `must not exceed the population (${total})`,
    });
  }
  const byRegion = a.byRegion ?? [];
  const seen = new Set<string>();
  byRegion.forEach((e, i) => {
    const path = ["adoption", "byRegion", i];
    checkAmount(e, path, issues);
    if (!regionIds.has(e.region)) {
      issues.push({ path: [...path, "region"], message: `unknown region "${e.region}"` });
    } else if (seen.has(e.region)) {
      issues.push({ path: [...path, "region"], message: `region "${e.region}" is listed twice` });
    }
    seen.add(e.region);
    const region = s.regions.find((r) => r.id === e.region);
    if (region && e.count !== undefined && e.count > region.population) {
      issues.push({
        path: [...path, "count"],
        message: `must not exceed the region's population (${region.population})`,
      });
    }
  });
  checkDiscrepancy(s, issues);
  let previous = "";
  (a.timeline ?? []).forEach((p, i) => {
    checkAmount(p, ["adoption", "timeline", i], issues);
    if (p.date < previous) {
      issues.push({
        path: ["adoption", "timeline", i, "date"],
        message: `must not be before the previous point (${previous})`,
      });
    }
    previous = p.date;
  });
  if (a.rank && a.rank.position > a.rank.of) {
    issues.push({
      path: ["adoption", "rank", "position"],
      message: `must be at most ${a.rank.of}`,
    });
  }
}

/** Per-region counts that do not add up to the stated total must be flagged, not hidden. */
function checkDiscrepancy(s: Scenario, issues: CheckIssue[]): void {
  const a = s.adoption;
  const counts = (a.byRegion ?? []).map((e) => e.count);
  const allCounts = counts.length > 0 && counts.every((c) => c !== undefined);
  const sum = allCounts ? sumOf(counts as number[]) : undefined;
  if (a.countDiscrepancy) {
    if (sum === undefined || sum !== a.countDiscrepancy.byRegionSum) {
      issues.push({
        path: ["adoption", "countDiscrepancy", "byRegionSum"],
        message:
          sum === undefined
            ? "needs adoption.byRegion entries that all give a count"
            : `must be ${sum} (the sum of the adoption.byRegion counts)`,
      });
    }
  } else if (sum !== undefined && a.count !== undefined && sum !== a.count) {
    issues.push({
      path: ["adoption", "byRegion"],
      message: `counts add up to ${sum}, not the stated ${a.count}: keep both and record adoption.countDiscrepancy`,
    });
  }
}

export function checkGroupsAndTargets(s: Scenario, issues: CheckIssue[]): void {
  const groupIds = checkUniqueIds(issues, s.groups, "groups", "group");
  const targets: [string | number, typeof s.target][] = [["target", s.target]];
  (s.otherTargets ?? []).forEach((t, i) => {
    targets.push([i, t]);
  });
  for (const [where, t] of targets) {
    if (t.group !== undefined && !groupIds.has(t.group)) {
      const path = where === "target" ? ["target", "group"] : ["otherTargets", where, "group"];
      issues.push({ path, message: `unknown group "${t.group}"` });
    }
  }
}
