import type { LogEntry } from "@tracebed/protocol";

/*
 * A phone's stored log as one byte array with typed-array columns over it: ≈ 30 bytes an entry
 * with Bluezone's 12-byte IDs, against ≈ 150 for a LogEntry object. The same bytes are the
 * Redis value, so a store reads and writes a log without converting it.
 *
 *   header (8 bytes): format 1, ID bytes, flags (bit 0: dBm as float64), 0, entry count (u32 LE)
 *   [rssi f64[n], txPower f64[n]]   if some dBm value is not an integer
 *   timestamps u32[n]
 *   contactIds u8[n × idBytes], ownIds u8[n × idBytes]
 *   [rssi i8[n], txPower i8[n]]     if every dBm value is an integer
 *
 * Real phones report integer dBm; the simulator's ideal sightings carry fractional RSSI, which
 * must come back exactly (decide compares it with a threshold), hence the float64 form. The
 * form is a function of the entries, so equal logs have equal bytes. Columns are in the host's
 * byte order (little-endian wherever Node runs in practice).
 *
 * Entries are sorted by (timestamp, contactId, ownId, rssi, txPower), no two equal: two logs
 * merge in one pass, and a sighting uploaded twice is stored once.
 */

const FORMAT = 1;
const HEADER_BYTES = 8;
const FLOAT_DBM = 1;

type DbmColumn = Int8Array | Float64Array;

const EMPTY = new Map<number, CompactLog>();
let picksScratch = new Int32Array(1024);

/** A reused Int32Array of at least n (merges are synchronous, so one is enough). */
function scratch(n: number): Int32Array {
  if (picksScratch.length < n) picksScratch = new Int32Array(Math.max(n, 2 * picksScratch.length));
  return picksScratch;
}

export class CompactLog {
  readonly idBytes: number;
  readonly length: number;
  readonly timestamps: Uint32Array;
  readonly contactIds: Uint8Array;
  readonly ownIds: Uint8Array;
  readonly rssi: DbmColumn;
  readonly txPower: DbmColumn;

  /** Views over `bytes` (8-byte aligned, owned by the log from now on); checks the header. */
  constructor(readonly bytes: Uint8Array) {
    if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT || bytes.byteOffset % 8 !== 0) {
      throw new Error("stored log: not a compact log (format 1)");
    }
    const w = bytes[1]!;
    const float = (bytes[2]! & FLOAT_DBM) !== 0;
    const n = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
    if (w === 0 || bytes.length !== byteLength(n, w, float)) {
      throw new Error(`stored log: ${bytes.length} bytes do not hold ${n} entries`);
    }
    this.idBytes = w;
    this.length = n;
    const { buffer, byteOffset } = bytes;
    const timesAt = byteOffset + HEADER_BYTES + (float ? 16 * n : 0);
    const idsAt = timesAt + 4 * n;
    this.timestamps = new Uint32Array(buffer, timesAt, n);
    this.contactIds = new Uint8Array(buffer, idsAt, n * w);
    this.ownIds = new Uint8Array(buffer, idsAt + n * w, n * w);
    if (float) {
      this.rssi = new Float64Array(buffer, byteOffset + HEADER_BYTES, n);
      this.txPower = new Float64Array(buffer, byteOffset + HEADER_BYTES + 8 * n, n);
    } else {
      this.rssi = new Int8Array(buffer, idsAt + 2 * n * w, n);
      this.txPower = new Int8Array(buffer, idsAt + 2 * n * w + n, n);
    }
  }

  /** The empty log (shared: a log is never written once made). */
  static empty(idBytes: number): CompactLog {
    let log = EMPTY.get(idBytes);
    if (log === undefined) {
      log = allocate(0, idBytes, false);
      EMPTY.set(idBytes, log);
    }
    return log;
  }

  /** A checked copy of stored bytes (a Redis value: any alignment). */
  static fromBytes(bytes: Uint8Array): CompactLog {
    return new CompactLog(new Uint8Array(bytes));
  }

  /** The distinct entries, sorted. IDs must be lowercase hex of `idBytes` bytes (as validated). */
  static fromEntries(entries: readonly LogEntry[], idBytes: number): CompactLog {
    const order: number[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) order[i] = i;
    order.sort((i, j) => compareEntries(entries[i]!, entries[j]!));
    const distinct: LogEntry[] = [];
    for (const i of order) {
      const last = distinct[distinct.length - 1];
      if (last === undefined || compareEntries(last, entries[i]!) !== 0) distinct.push(entries[i]!);
    }
    const float = distinct.some((e) => !isInt8(e.rssi) || !isInt8(e.txPower));
    const log = allocate(distinct.length, idBytes, float);
    const buf = asBuffer(log.bytes);
    const contactAt = log.contactIds.byteOffset;
    const ownAt = log.ownIds.byteOffset;
    for (let k = 0; k < distinct.length; k++) {
      const e = distinct[k]!;
      writeId(buf, contactAt + k * idBytes, e.contactId, idBytes);
      writeId(buf, ownAt + k * idBytes, e.ownId, idBytes);
      log.timestamps[k] = e.timestamp;
      log.rssi[k] = e.rssi + 0; // -0 → 0: one value, one encoding
      log.txPower[k] = e.txPower + 0;
    }
    return log;
  }

  toEntries(): LogEntry[] {
    const w = this.idBytes;
    const buf = asBuffer(this.bytes);
    const contactAt = this.contactIds.byteOffset;
    const ownAt = this.ownIds.byteOffset;
    const out: LogEntry[] = new Array(this.length);
    for (let k = 0; k < this.length; k++) {
      out[k] = {
        ownId: buf.toString("hex", ownAt + k * w, ownAt + (k + 1) * w),
        contactId: buf.toString("hex", contactAt + k * w, contactAt + (k + 1) * w),
        rssi: this.rssi[k]!,
        txPower: this.txPower[k]!,
        timestamp: this.timestamps[k]!,
      };
    }
    return out;
  }
}

/**
 * The union of two logs of one ID length, without the entries older than `since` (unix
 * seconds: timestamp < since are dropped). One pass; sorted and distinct like its inputs.
 */
export function mergeLogs(a: CompactLog, b: CompactLog, since: number): CompactLog {
  if (a.idBytes !== b.idBytes) {
    throw new Error(`cannot merge logs of ${a.idBytes}- and ${b.idBytes}-byte IDs`);
  }
  // picks[k] ≥ 0: entry picks[k] of a; < 0: entry ~picks[k] of b.
  const picks = scratch(a.length + b.length);
  let n = 0;
  let fromB = 0;
  const a0 = firstAtOrAfter(a.timestamps, since);
  const b0 = firstAtOrAfter(b.timestamps, since);
  let i = a0;
  let j = b0;
  while (i < a.length && j < b.length) {
    const c = compareAt(a, i, b, j);
    if (c <= 0) {
      picks[n++] = i++;
      if (c === 0) j++;
    } else {
      picks[n++] = ~j++;
      fromB++;
    }
  }
  while (i < a.length) picks[n++] = i++;
  fromB += b.length - j;
  while (j < b.length) picks[n++] = ~j++;
  // Nothing new and nothing dropped (a re-upload; a first upload onto an empty log): as is.
  if (a0 === 0 && fromB === 0) return a;
  if (b0 === 0 && fromB === b.length && n === b.length) return b;

  let float = false;
  for (let k = 0; k < n && !float; k++) {
    const p = picks[k]!;
    const src = p >= 0 ? a : b;
    const s = p >= 0 ? p : ~p;
    float = !isInt8(src.rssi[s]!) || !isInt8(src.txPower[s]!);
  }
  const out = allocate(n, a.idBytes, float);
  // Copy runs of consecutive entries of one input at once (a re-upload is one run).
  for (let k = 0; k < n; ) {
    const p = picks[k]!;
    let end = k + 1;
    while (end < n && picks[end]! === (p >= 0 ? p + (end - k) : p - (end - k))) end++;
    copyRun(p >= 0 ? a : b, p >= 0 ? p : ~p, out, k, end - k);
    k = end;
  }
  return out;
}

function copyRun(src: CompactLog, from: number, out: CompactLog, to: number, count: number) {
  const w = src.idBytes;
  out.timestamps.set(src.timestamps.subarray(from, from + count), to);
  out.rssi.set(src.rssi.subarray(from, from + count), to);
  out.txPower.set(src.txPower.subarray(from, from + count), to);
  out.contactIds.set(src.contactIds.subarray(from * w, (from + count) * w), to * w);
  out.ownIds.set(src.ownIds.subarray(from * w, (from + count) * w), to * w);
}

function byteLength(n: number, idBytes: number, float: boolean): number {
  return HEADER_BYTES + n * (4 + 2 * idBytes + (float ? 16 : 2));
}

function allocate(n: number, idBytes: number, float: boolean): CompactLog {
  const bytes = new Uint8Array(byteLength(n, idBytes, float));
  bytes[0] = FORMAT;
  bytes[1] = idBytes;
  bytes[2] = float ? FLOAT_DBM : 0;
  for (let k = 0; k < 4; k++) bytes[4 + k] = (n >>> (8 * k)) & 0xff;
  return new CompactLog(bytes);
}

/** A Buffer over the whole ArrayBuffer, so column byteOffsets index it directly. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength);
}

function isInt8(v: number): boolean {
  return Number.isInteger(v) && v >= -128 && v <= 127;
}

function writeId(buf: Buffer, at: number, hex: string, idBytes: number): void {
  if (hex.length !== 2 * idBytes || buf.write(hex, at, idBytes, "hex") !== idBytes) {
    throw new TypeError(`log entry ID ${JSON.stringify(hex)}: not ${idBytes} bytes of hex`);
  }
}

/** The order of entries; lowercase hex strings of one length sort as their bytes. */
function compareEntries(x: LogEntry, y: LogEntry): number {
  if (x.timestamp !== y.timestamp) return x.timestamp - y.timestamp;
  if (x.contactId !== y.contactId) return x.contactId < y.contactId ? -1 : 1;
  if (x.ownId !== y.ownId) return x.ownId < y.ownId ? -1 : 1;
  if (x.rssi !== y.rssi) return x.rssi - y.rssi;
  return x.txPower - y.txPower;
}

/** compareEntries on stored entries. */
function compareAt(a: CompactLog, i: number, b: CompactLog, j: number): number {
  const t = a.timestamps[i]! - b.timestamps[j]!;
  if (t !== 0) return t;
  const w = a.idBytes;
  const c = compareBytes(a.contactIds, i * w, b.contactIds, j * w, w);
  if (c !== 0) return c;
  const o = compareBytes(a.ownIds, i * w, b.ownIds, j * w, w);
  if (o !== 0) return o;
  const r = a.rssi[i]! - b.rssi[j]!;
  return r !== 0 ? r : a.txPower[i]! - b.txPower[j]!;
}

function compareBytes(x: Uint8Array, xi: number, y: Uint8Array, yi: number, n: number): number {
  for (let k = 0; k < n; k++) {
    const d = x[xi + k]! - y[yi + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The first index whose timestamp is ≥ t (timestamps ascending). */
function firstAtOrAfter(timestamps: Uint32Array, t: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
