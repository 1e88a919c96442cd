import type { IndexState } from "../records.js";
import { type Transition, unchanged } from "../writes.js";

/**
 * An F1 found a contact of another F0 with an earlier exposure: its windowStart becomes the
 * earlier one. True if it moved (the flow then pushes and decides again).
 */
export function lowerWindowStart(
  index: IndexState | null,
  windowStart: number,
): Transition<boolean> {
  const current = index?.windowStart ?? null;
  if (index === null || current === null || windowStart >= current) return unchanged(false);
  return { result: true, writes: [{ op: "updateIndex", indexId: index.indexId, windowStart }] };
}
