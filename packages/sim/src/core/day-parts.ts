import { ContactRecords } from "./contacts.js";
import type { DayScan } from "./engine.js";

/**
 * One day's scan from its parts (`scanDay` with part 0 … of − 1, in that order): each layer's
 * records are the parts' records of that layer, part after part, which is the order of the
 * whole day's scan, so the result does not depend on how the day was split.
 */
export function mergeDayParts(parts: readonly DayScan[]): DayScan {
  if (parts.length === 1) return parts[0]!;
  const layers = parts[0]!.pairsByLayer.length;
  const pairsByLayer = new Array<number>(layers).fill(0);
  let length = 0;
  for (const p of parts) {
    length += p.records.length;
    p.pairsByLayer.forEach((n, l) => {
      pairsByLayer[l]! += n;
    });
  }
  const out = new ContactRecords(Math.max(256, length));
  // Each part's records are in layer order (scanDay scans the layers one after another).
  const cursor = new Uint32Array(parts.length);
  for (let l = 0; l < layers; l++) {
    parts.forEach((p, i) => {
      const r = p.records;
      let end = cursor[i]!;
      while (end < r.length && r.layer[end] === l) end++;
      const from = cursor[i]!;
      out.layer.set(r.layer.subarray(from, end), out.length);
      out.a.set(r.a.subarray(from, end), out.length);
      out.b.set(r.b.subarray(from, end), out.length);
      out.k.set(r.k.subarray(from, end), out.length);
      out.length += end - from;
      cursor[i] = end;
    });
  }
  return { day: parts[0]!.day, pairsByLayer, records: out };
}
