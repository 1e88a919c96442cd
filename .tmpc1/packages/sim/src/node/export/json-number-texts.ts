import { putAscii, putJsonNumber } from "./ascii-bytes.js";

const SLOTS = 1 << 14;
const TEXT_BYTES = 32;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * Numbers as JSON.stringify writes them, remembering the texts of non-integers (ideal BLE's
 * true RSSI) in a direct-mapped table keyed by the number's bits: a contact's sightings all
 * carry its RSSI, so most lookups hit (≈ 93% with 16k slots on 5k agents × 14 days), and
 * JSON.stringify of a fraction costs several times a copy. Integers take putJsonNumber's
 * direct path.
 */
export class JsonNumberTexts {
  private readonly keys = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly texts = new Uint8Array(SLOTS * TEXT_BYTES);

  put(buf: Uint8Array, p: number, x: number): number {
    if (Number.isInteger(x)) return putJsonNumber(buf, p, x);
    bits[0] = x;
    const slot = Math.imul(words[0]! ^ words[1]!, 0x9e3779b1) >>> 18;
    const at = slot * TEXT_BYTES;
    const texts = this.texts;
    // NaN never equals a key, and an empty slot's key is NaN.
    if (this.keys[slot] === x) {
      const end = at + this.lengths[slot]!;
      for (let i = at; i < end; i++) buf[p++] = texts[i]!;
      return p;
    }
    const s = JSON.stringify(x);
    if (s.length <= TEXT_BYTES) {
      this.keys[slot] = x;
      this.lengths[slot] = s.length;
      putAscii(texts, at, s);
    }
    return putAscii(buf, p, s);
  }
}
