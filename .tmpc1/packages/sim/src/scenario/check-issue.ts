/** One broken cross-field rule: where (a path into the scenario) and which rule. */
export interface CheckIssue {
  path: (string | number)[];
  message: string;
}

/** Tolerance for shares that must add up to 1. */
export const SUM_TOLERANCE = 1e-6;

/** A number as a person would write it in a message: at most 6 significant digits. */
export function show(x: number): string {
  return Number.parseFloat(x.toPrecision(6)).toString();
}

export function sumOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Pushes an issue when `shares` do not add up to 1 within SUM_TOLERANCE. */
export function checkSumsToOne(
  issues: CheckIssue[],
  path: (string | number)[],
  what: string,
  shares: readonly number[],
): void {
  const s = sumOf(shares);
  if (Math.abs(s - 1) > SUM_TOLERANCE) {
    issues.push({ path, message: `${what} must add up to 1 (they add up to ${show(s)})` });
  }
}

/** Pushes an issue for every id seen before; returns the set of ids. */
export function checkUniqueIds(
  issues: CheckIssue[],
  items: readonly { id: string }[],
  at: string,
  what: string,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      issues.push({ path: [at, i, "id"], message: `duplicate ${what} id "${item.id}"` });
    }
    seen.add(item.id);
  });
  return seen;
}
