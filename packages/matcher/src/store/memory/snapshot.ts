import { type FileHandle, open } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { KeyPush, Notification, SchemeName } from "@tracebed/protocol";
import { CompactLog } from "../common/compact-log.js";
import type { Role, TokenRecord } from "../common/types.js";
import {
  type CodeState,
  type Counts,
  emptyParts,
  type IndexState,
  type PhoneState,
  type StateParts,
  type StateView,
  type UploadState,
} from "./state.js";

/*
 * A snapshot of the memory store's state (format 1):
 *
 *   "TBSNAP" u16 LE format
 *   frames: u32 LE payload length, u32 LE CRC-32 of the payload, payload
 *     payload = kind (u8), then a JSON array (fields below, by position) — but a phone's is
 *     u32 LE JSON length, the JSON, then its compact log's bytes (none: no log)
 *   the first frame is the header {generation, createdAt}, the last the end {records}
 *
 * Logs stay the compact byte arrays the state holds (≈ 30 B an entry, against ≈ 150 as JSON
 * in the journal). A checksum per frame finds a bad sector; the end frame finds a truncation.
 * The idempotency index is not stored: it is rebuilt from the uploads.
 */

const MAGIC = Buffer.from("TBSNAP", "latin1");
const FORMAT = 1;
const PREFIX_BYTES = MAGIC.length + 2;
const FRAME_BYTES = 8;
/**
 * A chunk ends after this much encoding time (about what one large log upload costs the event
 * loop) or this many bytes. The writer yields to the event loop between chunks; under load a
 * turn comes seldom (100s of ms), so each chunk must carry real work.
 */
export const CHUNK_LIMITS = { ms: 8, bytes: 16 << 20 };
/** Reads at open. */
const READ_BYTES = 1 << 20;

const KIND = {
  header: 1,
  counts: 2,
  code: 3,
  token: 4,
  upload: 5,
  phone: 6,
  index: 7,
  candidates: 8,
  push: 9,
  credential: 10,
  end: 255,
} as const;
const NO_LOG = new Uint8Array(0);
const KIND_NAMES = new Map<number, string>(Object.entries(KIND).map(([k, v]) => [v, k]));

/** A snapshot that cannot be read: its message names the file and what is wrong, on one line. */
export class SnapshotError extends Error {
  override readonly name = "SnapshotError";
}

export interface SnapshotHeader {
  readonly generation: number;
  /** Unix ms. */
  readonly createdAt: number;
}

/**
 * The snapshot's bytes in chunks (see CHUNK_LIMITS), each encoded only when the one before has been
 * taken (the writer awaits its write in between); returns the number of records. A chunk is a
 * list of buffers for writev: logs are not copied (nor is new memory taken for them, which
 * would call the garbage collector in).
 */
export function* encodeSnapshot(
  view: StateView,
  header: SnapshotHeader,
  limits = CHUNK_LIMITS,
): Generator<Buffer[], { records: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let records = 0;
  const add = (kind: number, json: unknown, tail?: Uint8Array) => {
    const body = Buffer.from(JSON.stringify(json), "utf8");
    const lead = Buffer.allocUnsafe(FRAME_BYTES + 1 + (tail === undefined ? 0 : 4));
    const payloadBytes = lead.length - FRAME_BYTES + body.length + (tail?.length ?? 0);
    lead.writeUInt32LE(payloadBytes, 0);
    lead[FRAME_BYTES] = kind;
    if (tail !== undefined) lead.writeUInt32LE(body.length, FRAME_BYTES + 1);
    let crc = crc32(lead.subarray(FRAME_BYTES));
    crc = crc32(body, crc);
    if (tail !== undefined) crc = crc32(tail, crc);
    lead.writeUInt32LE(crc, 4);
    parts.push(lead, body);
    if (tail !== undefined && tail.length > 0) parts.push(asBuffer(tail));
    size += FRAME_BYTES + payloadBytes;
    records++;
  };
  const take = () => {
    const chunk = parts;
    parts = [];
    size = 0;
    return chunk;
  };

  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix);
  prefix.writeUInt16LE(FORMAT, MAGIC.length);
  parts.push(prefix);
  size += PREFIX_BYTES;
  add(KIND.header, header);
  let started = performance.now();
  for (const [kind, fields, log] of recordsOf(view)) {
    add(kind, fields, log);
    if (size >= limits.bytes || performance.now() - started >= limits.ms) {
      yield take();
      started = performance.now();
    }
  }
  add(KIND.end, { records: records + 1 });
  yield take();
  return { records };
}

/** The records of a view in file order: kind, JSON fields, and for a phone its log's bytes. */
function* recordsOf(view: StateView): Generator<[number, unknown, Uint8Array?]> {
  yield [KIND.counts, view.counts];
  for (const [secretHash, c] of view.credentials) {
    yield [KIND.credential, [secretHash, c.phoneId, c.registeredAt]];
  }
  for (const c of view.codes) {
    const fields = [
      c.code,
      c.caseRef,
      c.confirmedAt,
      c.expiresAt,
      c.issuedAt,
      c.usedBy,
      c.failures,
    ];
    yield [KIND.code, fields];
  }
  for (const [token, t] of view.tokens) {
    yield [KIND.token, [token, t.indexId, t.phoneId, t.expiresAt]];
  }
  for (const { ack, bodyHash } of view.uploads) {
    const { uploadId, idempotencyKey, phoneId, kind, count, receivedAt, refused } = ack;
    const fields = [uploadId, idempotencyKey, phoneId, kind, count, receivedAt, bodyHash];
    yield [KIND.upload, refused === undefined ? fields : [...fields, refused]];
  }
  for (const [phoneId, p] of view.phones) {
    const fields = [
      phoneId,
      p.scheme,
      p.role,
      [...p.keys],
      p.keysVersion,
      p.logVersion,
      [...p.exposures],
      p.indexIds,
      p.notifications,
    ];
    yield [KIND.phone, fields, p.log?.bytes ?? NO_LOG];
  }
  for (const i of view.indexes) {
    const { indexId, phoneId, role, windowEnd, createdAt, pushSeq, windowStart } = i;
    yield [KIND.index, [indexId, phoneId, role, windowEnd, createdAt, pushSeq, windowStart]];
  }
  for (const [indexId, phones] of view.candidates) {
    yield [KIND.candidates, [indexId, [...phones]]];
  }
  for (const push of view.pushes) yield [KIND.push, push];
}

/** Reads a whole snapshot; any fault is a SnapshotError naming the file. */
export async function readSnapshot(path: string): Promise<SnapshotHeader & { parts: StateParts }> {
  const fh = await open(path, "r");
  try {
    return await decode(path, new FrameReader(fh, (await fh.stat()).size));
  } finally {
    await fh.close();
  }
}

async function decode(path: string, reader: FrameReader) {
  const fail = (what: string) => new SnapshotError(`${path}: ${what}`);
  const prefix = await reader.read(PREFIX_BYTES);
  if (prefix === null || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw fail("not a tracebed snapshot (bad header)");
  }
  const format = prefix.readUInt16LE(MAGIC.length);
  if (format !== FORMAT) throw fail(`snapshot format ${format}; this matcher reads ${FORMAT}`);

  const parts = emptyParts();
  let header: SnapshotHeader | null = null;
  let records = 0;
  for (;;) {
    const at = reader.offset;
    const lead = await reader.read(FRAME_BYTES);
    const payload = lead === null ? null : await reader.read(lead.readUInt32LE(0));
    if (lead === null || payload === null) {
      throw fail(`truncated at byte ${at} (no end record)`);
    }
    if (payload.length === 0 || crc32(payload) !== lead.readUInt32LE(4)) {
      throw fail(`the record at byte ${at} fails its checksum`);
    }
    records++;
    const kind = payload[0]!;
    if ((header === null) !== (kind === KIND.header)) {
      throw fail(
        header === null ? "not a tracebed snapshot (bad header)" : `a second header at byte ${at}`,
      );
    }
    try {
      if (kind === KIND.header) {
        header = readHeader(json(payload.subarray(1)));
      } else if (kind === KIND.end) {
        const end = json(payload.subarray(1)) as { records?: unknown };
        if (end.records !== records) {
          throw new Error(`it counts ${String(end.records)} records, not ${records}`);
        }
        const rest = reader.size - reader.offset;
        if (rest > 0) throw new Error(`${rest} bytes follow it`);
        return { ...header!, parts };
      } else if (kind === KIND.phone) {
        const jsonBytes = payload.readUInt32LE(1);
        const fields = json(payload.subarray(5, 5 + jsonBytes));
        const log = payload.subarray(5 + jsonBytes);
        readPhone(parts, fields, log.length === 0 ? null : CompactLog.fromBytes(log));
      } else {
        readRecord(parts, kind, json(payload.subarray(1)));
      }
    } catch (err) {
      const name = KIND_NAMES.get(kind) ?? `kind ${kind}`;
      throw fail(`the ${name} record at byte ${at} is malformed: ${(err as Error).message}`);
    }
  }
}

function readHeader(r: unknown): SnapshotHeader {
  const h = r as Partial<SnapshotHeader> | null;
  if (!Number.isInteger(h?.generation) || typeof h?.createdAt !== "number") {
    throw new Error("no generation or createdAt");
  }
  return { generation: h.generation!, createdAt: h.createdAt };
}

function readRecord(parts: StateParts, kind: number, r: unknown): void {
  switch (kind) {
    case KIND.counts:
      Object.assign(parts.counts, r as Counts);
      return;
    case KIND.credential: {
      const [secretHash, phoneId, registeredAt] = fields(r, 3);
      parts.credentials.set(secretHash, { phoneId, registeredAt });
      return;
    }
    case KIND.code: {
      const [code, caseRef, confirmedAt, expiresAt, issuedAt, usedBy, failures] = fields(r, 7);
      const c: CodeState = { code, caseRef, confirmedAt, expiresAt, issuedAt, usedBy, failures };
      parts.codes.set(c.code, c);
      return;
    }
    case KIND.token: {
      const [token, indexId, phoneId, expiresAt] = fields(r, 4);
      parts.tokens.set(token, { indexId, phoneId, expiresAt } satisfies TokenRecord);
      return;
    }
    case KIND.upload: {
      // An 8th field: a keys upload's refused keys (snapshots from before them have 7).
      const [uploadId, idempotencyKey, phoneId, kind, count, receivedAt, bodyHash, refused] =
        fields(r, 7, 8);
      const ack = {
        uploadId,
        idempotencyKey,
        phoneId,
        kind,
        count,
        ...(refused === undefined ? {} : { refused }),
        receivedAt,
        replayed: false,
      };
      parts.uploads.set(uploadId, { ack, bodyHash } satisfies UploadState);
      return;
    }
    case KIND.index: {
      // Snapshots from before causal windows have 6 fields (no windowStart).
      const [indexId, phoneId, role, windowEnd, createdAt, pushSeq, windowStart = null] = fields(
        r,
        6,
        7,
      );
      const i: IndexState = { indexId, phoneId, role, windowEnd, windowStart, createdAt, pushSeq };
      parts.indexes.set(indexId, i);
      return;
    }
    case KIND.candidates: {
      const [indexId, phones] = fields(r, 2);
      parts.candidates.set(indexId, new Set(phones as string[]));
      return;
    }
    case KIND.push:
      parts.pushes.push(r as KeyPush);
      return;
    default:
      throw new Error("unknown kind");
  }
}

function readPhone(parts: StateParts, r: unknown, log: CompactLog | null): void {
  const [phoneId, scheme, role, keys, keysVersion, logVersion, exposures, indexIds, notes] = fields(
    r,
    9,
  );
  const p: PhoneState = {
    scheme: scheme as SchemeName | null,
    role: role as Role | null,
    keys: new Map(keys as [number, string][]),
    keysVersion,
    logVersion,
    log,
    exposures: new Set(exposures as string[]),
    indexIds: indexIds as string[],
    notifications: notes as Notification[],
  };
  parts.phones.set(phoneId, p);
}

// biome-ignore lint/suspicious/noExplicitAny: positional fields, typed where they are read.
function fields(r: unknown, n: number, most = n): any[] {
  if (!Array.isArray(r) || r.length < n || r.length > most) {
    throw new Error(`not an array of ${n === most ? n : `${n} to ${most}`} fields`);
  }
  return r;
}

function json(bytes: Buffer): unknown {
  return JSON.parse(bytes.toString("utf8"));
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Sequential reads of a file, buffered a mebibyte at a time. */
class FrameReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  /** File offset of the next unread byte. */
  offset = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  /** The next n bytes, or null if the file ends before them. */
  async read(n: number): Promise<Buffer | null> {
    if (this.offset + n > this.size) return null;
    if (this.buf.length - this.pos < n) {
      const rest = this.buf.subarray(this.pos);
      const want = Math.min(Math.max(n, READ_BYTES), this.size - this.offset);
      const next = Buffer.allocUnsafe(want);
      rest.copy(next);
      let filled = rest.length;
      while (filled < want) {
        const { bytesRead } = await this.fh.read(next, filled, want - filled, this.offset + filled);
        if (bytesRead === 0) return null;
        filled += bytesRead;
      }
      this.buf = next;
      this.pos = 0;
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    this.offset += n;
    return out;
  }
}
