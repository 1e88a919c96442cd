import { type CheckIssue, checkUniqueIds } from "./check-issue.js";
import type { Scenario } from "./schema.js";

/** Keys whose string value names an entry of `sources[]`. */
const REF_KEYS = new Set(["source", "populationSource", "smartphoneSource", "sizeSource"]);

/** Every number's source id must exist in `sources[]`; source ids are unique. */
export function checkSources(s: Scenario, issues: CheckIssue[]): void {
  const ids = checkUniqueIds(issues, s.sources, "sources", "source");
  if (!ids.has(s.source.id)) {
    issues.push({
      path: ["source", "id"],
      message: `unknown source "${s.source.id}" (not in sources[])`,
    });
  }
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, [...path, i]);
      });
      return;
    }
    if (value === null || typeof value !== "object") return;
    for (const [key, v] of Object.entries(value)) {
      if (REF_KEYS.has(key) && typeof v === "string" && !ids.has(v)) {
        issues.push({ path: [...path, key], message: `unknown source "${v}" (not in sources[])` });
      } else if (key === "sources" && path.length > 0 && Array.isArray(v)) {
        v.forEach((ref, i) => {
          if (typeof ref === "string" && !ids.has(ref)) {
            issues.push({
              path: [...path, key, i],
              message: `unknown source "${ref}" (not in sources[])`,
            });
          }
        });
      } else {
        visit(v, [...path, key]);
      }
    }
  };
  visit(s, []);
}
