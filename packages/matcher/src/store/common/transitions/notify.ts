import type { NotifyInput, Role } from "../types.js";
import { type Transition, unchanged, type Write } from "../writes.js";
import { moveRole, roleRank } from "./role.js";

/**
 * Notifies a phone if the role outranks its current one; a notified F1 becomes an index
 * person (its keys are pushed next). False if it already had that role or a higher one.
 */
export function notify(current: Role | null, input: NotifyInput): Transition<boolean> {
  const role = input.notification.role;
  if (roleRank(role) <= roleRank(current)) return unchanged(false);
  const writes: Write[] = [
    ...moveRole(input.phoneId, current, role),
    { op: "addNotification", phoneId: input.phoneId, notification: input.notification },
    { op: "count", field: "notificationsSent", by: 1 },
  ];
  if (role === "F1" && input.newIndex !== null) {
    writes.push({
      op: "addIndex",
      index: {
        indexId: input.newIndex.indexId,
        phoneId: input.phoneId,
        role: "F1",
        windowEnd: input.newIndex.windowEnd,
        // Journals from before causal windows have none: the F1's window is then not causal.
        windowStart: input.newIndex.windowStart ?? null,
        createdAt: input.newIndex.createdAt,
        pushSeq: null,
      },
    });
  }
  return { result: true, writes };
}
