// The snapshot format: the same bytes whatever the chunking, read back into the same state.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { MatcherStore } from "../src/index.js";
import { encodeSnapshot, readSnapshot } from "../src/store/memory/snapshot.js";
import { MemoryState } from "../src/store/memory/state.js";
import { newLedger, probeCodes, readAll, workload } from "./helpers/store-workload.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The state behind the store interface, without a journal. */
function asStore(state: MemoryState): MatcherStore {
  const done = <T>(applied: { result: T }) => Promise.resolve(applied.result);
  const store: Partial<MatcherStore> = {
    insertCode: (rec) => done(state.insertCode(rec)),
    redeemCode: (input) => done(state.redeemCode(input)),
    putUpload: (u) => done(state.putUpload(u)),
    pushIndex: (indexId, pushedAt, windowDays) =>
      done(state.pushIndex({ indexId, pushedAt, windowDays })),
    notify: (input) => done(state.notify(input)),
    lowerWindowStart: (indexId, windowStart) =>
      done(state.lowerWindowStart({ indexId, windowStart })),
    getUploadToken: async (token) => state.getUploadToken(token),
    getUpload: async (id) => state.getUpload(id),
    getPhone: async (id) => state.getPhone(id),
    getLog: async (id) => state.getLog(id),
    getIndex: async (id) => state.getIndex(id),
    listIndexIds: async () => state.listIndexIds(),
    candidatesOf: async (id) => state.candidatesOf(id),
    listPushes: async (since, limit) => state.listPushes(since, limit),
    notificationsOf: async (id) => state.notificationsOf(id),
    stats: async () => state.stats(),
  };
  return store as MatcherStore;
}

describe("snapshot format", () => {
  it("writes the same bytes in one chunk or a chunk a record, and reads back the same state", async () => {
    const state = new MemoryState();
    const ledger = newLedger();
    for (let p = 0; p < 3; p++) await workload(asStore(state), p, ledger);
    const header = { generation: 7, createdAt: 1_700_000_000_000 };
    const encode = (limits: { ms: number; bytes: number }) => {
      const chunks: Buffer[][] = [];
      const gen = encodeSnapshot(state.capture(), header, limits);
      let r = gen.next();
      for (; !r.done; r = gen.next()) chunks.push(r.value);
      state.release();
      return { chunks, records: r.value.records, bytes: Buffer.concat(chunks.flat()) };
    };
    const whole = encode({ ms: Number.POSITIVE_INFINITY, bytes: Number.POSITIVE_INFINITY });
    const small = encode({ ms: Number.POSITIVE_INFINITY, bytes: 1 });
    expect(whole.chunks).toHaveLength(1);
    expect(small.chunks.length).toBe(small.records - 1); // the header rides with the first
    expect(small.bytes.equals(whole.bytes)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), "tracebed-snapshot-"));
    dirs.push(dir);
    const path = join(dir, "snapshot-000007.tbsnap");
    writeFileSync(path, whole.bytes);
    const read = await readSnapshot(path);
    expect(read.generation).toBe(7);
    expect(read.createdAt).toBe(header.createdAt);
    const again = new MemoryState(read.parts);
    expect(await readAll(asStore(again), ledger)).toEqual(await readAll(asStore(state), ledger));
    expect(await probeCodes(asStore(again), ledger)).toEqual(
      await probeCodes(asStore(state), ledger),
    );
  });
});
