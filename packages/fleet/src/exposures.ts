import { EVENTS, type Notification, notificationSchema } from "@tracebed/protocol";
import type { EmitEvent, FleetEvent } from "./events.js";
import type { PushMatch, PushMatches } from "./push-matches.js";

/**
 * The index persons phone p matched in one frame of key pushes, in the frame's order; a frame
 * that is not an array, or an invalid push in it, is reported as an error and skipped.
 */
export function matchedIndexIds(
  raw: unknown,
  p: number,
  matches: PushMatches,
  emit: EmitEvent,
): string[] {
  if (!Array.isArray(raw)) {
    emit({ type: "error", message: `${EVENTS.keyPushes}: must be an array of key pushes` });
    return [];
  }
  const matched: string[] = [];
  for (const item of raw) {
    let match: PushMatch;
    try {
      match = matches.arrived(item);
    } catch (err) {
      emit({ type: "error", message: `${EVENTS.keyPushes}: ${(err as Error).message}` });
      continue;
    }
    if (match.hits.has(p)) matched.push(match.indexId);
  }
  return matched;
}

/** Each index person is named in one exposure upload of a phone: the first that names it. */
export class ExposureLedger {
  private readonly named = new Set<string>();

  /**
   * The index persons among `indexIds` this phone has not named yet, each once (a frame may
   * carry a push twice), now marked named.
   */
  firstNamed(phoneId: string, indexIds: readonly string[]): string[] {
    const fresh: string[] = [];
    for (const indexId of indexIds) {
      const key = `${indexId}-${phoneId}`;
      if (this.named.has(key)) continue;
      this.named.add(key);
      fresh.push(indexId);
    }
    return fresh;
  }
}

/** A phone's notification as the run's event; null if the payload is not a notification. */
export function notifiedEvent(raw: unknown, agent: number, at: number): FleetEvent | null {
  const n = notificationSchema.safeParse(raw);
  if (!n.success) return null;
  const note: Notification = n.data;
  return { type: "notified", agent, role: note.role, indexId: note.indexId, at };
}
