import type { Role } from "../types.js";
import type { Write } from "../writes.js";

/** A person counts once, at their highest role: F0 > F1 > F2 (> none). */
export const ROLE_RANK: Readonly<Record<Role, number>> = { F2: 1, F1: 2, F0: 3 };

export function roleRank(role: Role | null): number {
  return role === null ? 0 : ROLE_RANK[role];
}

/** Moves a phone from `from` to `to`, keeping the per-role counts (a phone counts once). */
export function moveRole(phoneId: string, from: Role | null, to: Role): Write[] {
  return [
    { op: "setRole", phoneId, role: to },
    ...(from === null ? [] : [{ op: "count", field: from, by: -1 } as const]),
    { op: "count", field: to, by: 1 },
  ];
}
