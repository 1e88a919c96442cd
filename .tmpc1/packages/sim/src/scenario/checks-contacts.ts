import { type CheckIssue, checkUniqueIds } from "./check-issue.js";
import type { Scenario, ScenarioLayer } from "./schema.js";

type Dist = ScenarioLayer["durationMinutes"];

function checkDistribution(d: Dist, path: (string | number)[], issues: CheckIssue[]): void {
  if (d.family === "fixed") return;
  if (d.min !== undefined && d.max !== undefined && d.min > d.max) {
    issues.push({ path: [...path, "max"], message: `must be at least min (${d.min})` });
  }
}

export function checkLayers(s: Scenario, issues: CheckIssue[]): void {
  checkUniqueIds(issues, s.layers, "layers", "layer");
  const bandIds = s.ageBands.map((b) => b.id);
  s.layers.forEach((layer, i) => {
    const at = ["layers", i];
    const c = layer.contactsPerDay;
    const forms = [c.mean, c.byAgeBand, c.allHouseholdMembers].filter((x) => x !== undefined);
    if (forms.length !== 1) {
      issues.push({
        path: [...at, "contactsPerDay"],
        message: "must give exactly one of mean, byAgeBand, allHouseholdMembers",
      });
    }
    if (c.allHouseholdMembers && layer.kind !== "household") {
      issues.push({
        path: [...at, "contactsPerDay", "allHouseholdMembers"],
        message: "only a household layer can use it",
      });
    }
    if (c.byAgeBand) {
      for (const key of Object.keys(c.byAgeBand)) {
        if (!bandIds.includes(key)) {
          issues.push({
            path: [...at, "contactsPerDay", "byAgeBand", key],
            message: `unknown age band "${key}"`,
          });
        }
      }
      const missing = bandIds.find((id) => !(id in c.byAgeBand!));
      if (missing !== undefined) {
        issues.push({
          path: [...at, "contactsPerDay", "byAgeBand"],
          message: `missing age band "${missing}"`,
        });
      }
    }
    if (layer.cluster && layer.cluster.minAge > layer.cluster.maxAge) {
      issues.push({
        path: [...at, "cluster", "maxAge"],
        message: `must be at least minAge (${layer.cluster.minAge})`,
      });
    }
    if (layer.hours && layer.hours[0] >= layer.hours[1]) {
      issues.push({
        path: [...at, "hours"],
        message: "must be [fromHour, toHour] with fromHour before toHour",
      });
    }
    checkDistribution(layer.durationMinutes, [...at, "durationMinutes"], issues);
    checkDistribution(layer.distanceMeters, [...at, "distanceMeters"], issues);
  });
}
