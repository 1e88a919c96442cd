/*
 * ASCII text written byte by byte into a buffer: each function writes at `p` and returns the
 * position after what it wrote. Plain functions over (buffer, position) let the JIT keep both
 * in registers across a whole line; the caller leaves room (no bounds growth here).
 */

const POW10 = Int32Array.from({ length: 10 }, (_, i) => 10 ** i);
const HEX_DIGITS = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

/** Bytes of an ASCII string, to copy into lines without re-encoding it each time. */
export function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export function putBytes(buf: Uint8Array, p: number, src: Uint8Array): number {
  for (let i = 0; i < src.length; i++) buf[p++] = src[i]!;
  return p;
}

/** An ASCII string (a number's JSON text in the rare cases). */
export function putAscii(buf: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  return p;
}

/** Lowercase hex of `src[start … end)`, as toHex writes it. */
export function putHex(buf: Uint8Array, p: number, src: Uint8Array, start: number, end: number) {
  for (let i = start; i < end; i++) {
    const b = src[i]!;
    buf[p++] = HEX_DIGITS[b >> 4]!;
    buf[p++] = HEX_DIGITS[b & 15]!;
  }
  return p;
}

/** A non-negative integer below 2^53 in decimal, left-padded with zeros to `minDigits`. */
export function putUint(buf: Uint8Array, p: number, n: number, minDigits = 1): number {
  if (n <= 0x7fffffff) return putInt31(buf, p, n, minDigits);
  // Above 2^31 the digits come in two int31 halves, each with fast integer arithmetic.
  let high = Math.floor(n / 1e9);
  let low = n - high * 1e9;
  if (low < 0) {
    high--;
    low += 1e9;
  } else if (low >= 1e9) {
    high++;
    low -= 1e9;
  }
  return putInt31(buf, putUint(buf, p, high, minDigits - 9), low, 9);
}

/** 0 ≤ n < 2^31: digits by int32 division, which the JIT turns into multiplications. */
function putInt31(buf: Uint8Array, p: number, n: number, minDigits: number): number {
  let x = n | 0;
  let digits = 1;
  while (digits < 10 && x >= POW10[digits]!) digits++;
  if (digits < minDigits) digits = minDigits;
  const end = p + digits;
  for (let i = end - 1; i >= p; i--) {
    const q = (x / 10) | 0;
    buf[i] = 48 + x - q * 10;
    x = q;
  }
  return end;
}

/** A number as JSON.stringify writes it; integers, the common case, without a string. */
export function putJsonNumber(buf: Uint8Array, p: number, x: number): number {
  if (!Number.isInteger(x) || x <= -1e15 || x >= 1e15) return putAscii(buf, p, JSON.stringify(x));
  // -0 lands here too and prints as "0", as JSON.stringify(-0) does.
  if (x < 0) {
    buf[p++] = 45;
    x = -x;
  }
  return putUint(buf, p, x);
}
