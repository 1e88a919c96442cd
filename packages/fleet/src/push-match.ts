import { fromHex, getIdScheme, indexWindow, type KeyPush } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import type { PhoneLogs } from "./phone-logs.js";

const SECONDS_PER_DAY = 86_400;

/**
 * The phones whose own logs hold a pushed index person's IDs, each ID only inside its own
 * slot and inside the index person's window (from an F1's windowStart on; docs/PROTOCOL.md
 * step 4). The IDs are derived once for all the fleet's phones (docs/PROTOCOL.md, "Step 4 for
 * many phones"): the same set each phone would find by deriving them itself and scanning its
 * own log.
 */
export function phonesWithHits(push: KeyPush, logs: PhoneLogs, windowDays: number): Set<number> {
  const scheme = getIdScheme(push.scheme);
  // An F1's window starts at its exposure day: sightings before it are no hit.
  const window = indexWindow(push.windowEnd, windowDays, push.windowStart);
  const hits = new Set<number>();
  for (const k of push.keys) {
    const ids = scheme.ids(fromHex(k.key), k.unixDay, 0, scheme.slotsPerDay, nodeCrypto);
    for (let slot = 0; slot < scheme.slotsPerDay; slot++) {
      const from = k.unixDay * SECONDS_PER_DAY + slot * scheme.slotSeconds;
      const to = from + scheme.slotSeconds;
      const id = ids.subarray(slot * scheme.idLength, (slot + 1) * scheme.idLength);
      logs.forEachSightingOf(id, (i) => {
        const e = logs.entry(i);
        if (e.time >= from && e.time < to && e.time >= window.start && e.time < window.end)
          hits.add(e.phone);
      });
    }
  }
  return hits;
}
