// Compaction of the memory store: a snapshot and a new journal replace the journal, without
// losing an acknowledged record at any step, whatever crashes or fails.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CompactionReport,
  type CompactionStep,
  createMatcher,
  LOCK_FILE,
  MemoryStore,
  type MemoryStoreOptions,
  SnapshotError,
} from "../src/index.js";
import { HA_TOKEN } from "./helpers/clients.js";
import {
  type Ledger,
  NOW,
  newLedger,
  probeCodes,
  readAll,
  workload,
} from "./helpers/store-workload.js";

const dirs: string[] = [];
const stores: MemoryStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function fresh(): string {
  const d = mkdtempSync(join(tmpdir(), "tracebed-compact-"));
  dirs.push(d);
  return d;
}

async function open(dir: string, o: Partial<MemoryStoreOptions> = {}): Promise<MemoryStore> {
  const s = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 0, ...o });
  stores.push(s);
  return s;
}

/** The store's generations (the lock file aside: dir-lock.test.ts). */
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f !== LOCK_FILE)
    .sort();

/** A store given parts `parts` of the workload that never compacted: what reads must answer. */
async function reference(parts: number[]): Promise<{ store: MemoryStore; ledger: Ledger }> {
  const store = await open(fresh());
  const ledger = newLedger();
  for (const p of parts) await workload(store, p, ledger);
  return { store, ledger };
}

async function expectSame(
  store: MemoryStore,
  ledger: Ledger,
  ref: { store: MemoryStore; ledger: Ledger },
) {
  expect(ledger).toEqual(ref.ledger);
  expect(await readAll(store, ledger)).toEqual(await readAll(ref.store, ref.ledger));
}

const STEPS: CompactionStep[] = [
  "journal-opened",
  "snapshot-written",
  "snapshot-renamed",
  "before-remove",
];

describe("compaction", () => {
  it("answers every read as a store that never compacted, live and after a reopen", async () => {
    const ref = await reference([0, 1, 2]);
    const dir = fresh();
    let store = await open(dir);
    const ledger = newLedger();
    await workload(store, 0, ledger);
    const first = await store.compact();
    expect(first).toMatchObject({ generation: 1, removed: ["journal.ndjson"], warning: null });
    expect(files(dir)).toEqual(["journal-000001.ndjson", "snapshot-000001.tbsnap"]);
    await workload(store, 1, ledger);
    const second = await store.compact();
    expect(second.generation).toBe(2);
    expect(second.snapshotBytes).toBe(statSync(second.snapshotPath).size);
    await workload(store, 2, ledger);
    await expectSame(store, ledger, ref);
    await store.close();

    store = await open(dir);
    expect(store.journalStats).toMatchObject({
      snapshot: { generation: 2, bytes: second.snapshotBytes },
      journals: 1,
      droppedBytes: 0,
    });
    expect(store.journalStats.replayed).toBeGreaterThan(0);
    expect(files(dir)).toEqual(["journal-000002.ndjson", "snapshot-000002.tbsnap"]);
    await expectSame(store, ledger, ref);
    expect(await probeCodes(store, ledger)).toEqual(await probeCodes(ref.store, ref.ledger));

    // A snapshot with nothing after it; then a compaction of that.
    await store.compact();
    await store.close();
    store = await open(dir);
    expect(store.journalStats).toMatchObject({ replayed: 0, snapshot: { generation: 3 } });
    await expectSame(store, ledger, ref);
    expect((await store.compact()).generation).toBe(4);
  });

  it("snapshots the state at the rotation, not the changes made while it is written", async () => {
    const ref = await reference([0]);
    const dir = fresh();
    const ledger = newLedger();
    const later = newLedger();
    const copy = fresh();
    const store = await open(dir, {
      failpoint: async (step) => {
        if (step === "journal-opened") {
          // Every kind of record the capture holds is changed: codes, phones (keys, logs,
          // roles, notifications, exposures), candidate sets, indexes, counts.
          await workload(store, 1, later);
          await probeCodes(store, ledger);
          await store.pushIndex("index-f1b-0-xx", NOW, 14);
          await store.putUpload({
            uploadId: "upload-late-xxxx",
            kind: "log",
            phoneId: "phone-0-3",
            idempotencyKey: "idem-late-xxxxxxxxxxxx",
            scheme: "bluezone",
            bodyHash: "late",
            receivedAt: NOW,
            windowDays: 14,
            exposures: ["index-0-0-xxxx", "index-f1-0-xxx"],
            log: [],
          });
        }
        if (step === "snapshot-written") {
          cpSync(join(dir, "snapshot-000001.tbsnap.tmp"), join(copy, "snapshot-000001.tbsnap"));
          writeFileSync(join(copy, "journal-000001.ndjson"), "");
        }
      },
    });
    await workload(store, 0, ledger);
    await store.compact();
    const snapshotOnly = await open(copy);
    await expectSame(snapshotOnly, ledger, ref);
    expect(await probeCodes(snapshotOnly, ledger)).toEqual(await probeCodes(ref.store, ref.ledger));
  });

  it.each(STEPS)("loses no acknowledged record in a crash at %s", async (at) => {
    const ref = await reference([0, 1]);
    const dir = fresh();
    const crash = fresh();
    const ledger = newLedger();
    const store = await open(dir, {
      failpoint: async (step) => {
        if (step !== at) return;
        await workload(store, 1, ledger); // acknowledged during the compaction
        cpSync(dir, crash, { recursive: true }); // what a crash now would leave
      },
    });
    await workload(store, 0, ledger);
    await store.compact();
    await workload(store, 2, newLedger()); // after the crash image: not in it
    expect(files(dir)).toEqual(["journal-000001.ndjson", "snapshot-000001.tbsnap"]);

    const left = files(crash);
    const reopened = await open(crash);
    const durable = at === "snapshot-renamed" || at === "before-remove";
    expect(left.includes("snapshot-000001.tbsnap")).toBe(durable);
    expect(left.includes("snapshot-000001.tbsnap.tmp")).toBe(at === "snapshot-written");
    expect(reopened.journalStats.snapshot?.generation ?? 0).toBe(durable ? 1 : 0);
    expect(reopened.journalStats.journals).toBe(durable ? 1 : 2);
    await expectSame(reopened, ledger, ref);
    // The open finished what the crash interrupted: no temp file, no garbage.
    expect(files(crash)).toEqual(
      durable
        ? ["journal-000001.ndjson", "snapshot-000001.tbsnap"]
        : ["journal-000001.ndjson", "journal.ndjson"],
    );
    // And the store goes on: the next compaction starts from where the crash left it.
    expect((await reopened.compact()).generation).toBe(2);
    await reopened.close();
    await expectSame(await open(crash), ledger, ref);
  });

  it.each(STEPS)("survives kill -9 of its process at %s", async (at) => {
    const dir = fresh();
    const child = fileURLToPath(new URL("./helpers/compaction-child.mjs", import.meta.url));
    const r = spawnSync(process.execPath, [child, dir, at], { encoding: "utf8", timeout: 60_000 });
    expect(r.signal, r.stderr).toBe("SIGKILL");
    const acked = r.stdout.trim().split("\n");
    expect(acked.length).toBeGreaterThanOrEqual(220);
    const store = await open(dir);
    const missing: string[] = [];
    for (const id of acked) if ((await store.getUpload(id)) === null) missing.push(id);
    expect(missing).toEqual([]);
    expect((await store.stats()).uploads).toBeGreaterThanOrEqual(acked.length);
  });

  it.each(["journal-opened", "snapshot-written"] as const)(
    "keeps the old chain and goes on after a failure at %s",
    async (at) => {
      const ref = await reference([0, 1, 2]);
      const dir = fresh();
      const ledger = newLedger();
      const failed: Error[] = [];
      let fail = true;
      const store = await open(dir, {
        hooks: { onCompactionFailed: (err) => failed.push(err) },
        failpoint: async (step) => {
          if (step !== at || !fail) return;
          await workload(store, 1, ledger);
          throw new Error(`disk trouble at ${step}`);
        },
      });
      await workload(store, 0, ledger);
      await expect(store.compact()).rejects.toThrow(`disk trouble at ${at}`);
      expect(failed.map((e) => e.message)).toEqual([`disk trouble at ${at}`]);
      // Writing journal 1 of the old chain; no snapshot, no temp file.
      expect(files(dir)).toEqual(["journal-000001.ndjson", "journal.ndjson"]);
      await workload(store, 2, ledger);
      await expectSame(store, ledger, ref);
      await store.close();
      const again = await open(dir);
      await expectSame(again, ledger, ref);
      fail = false;
      expect((await again.compact()).generation).toBe(2);
      expect(files(dir)).toEqual(["journal-000002.ndjson", "snapshot-000002.tbsnap"]);
    },
  );

  it("goes on after the snapshot file cannot be written", async () => {
    const dir = fresh();
    const ledger = newLedger();
    const store = await open(dir);
    await workload(store, 0, ledger);
    mkdirSync(join(dir, "snapshot-000001.tbsnap.tmp")); // open() of it fails: EISDIR
    await expect(store.compact()).rejects.toThrow(/EISDIR/);
    await workload(store, 1, ledger);
    rmSync(join(dir, "snapshot-000001.tbsnap.tmp"), { recursive: true });
    expect((await store.compact()).generation).toBe(2);
    await store.close();
    await expectSame(await open(dir), ledger, await reference([0, 1]));
  });

  it("opens a directory of today's layout (only journal.ndjson) and compacts it", async () => {
    const ref = await reference([0]);
    const dir = fresh();
    // A store that never compacts writes what the matcher wrote before snapshots existed.
    const old = await open(dir);
    await workload(old, 0, newLedger());
    await old.close();
    expect(files(dir)).toEqual(["journal.ndjson"]);
    const store = await open(dir);
    expect(store.journalStats).toMatchObject({ snapshot: null, journals: 1 });
    await expectSame(store, ref.ledger, ref);
    await store.compact();
    expect(files(dir)).toEqual(["journal-000001.ndjson", "snapshot-000001.tbsnap"]);
  });

  it("drops a torn last record of a rotated journal only if nothing follows it", async () => {
    const dir = fresh();
    const fail = true;
    const store = await open(dir, {
      failpoint: (step) => {
        if (fail && step === "journal-opened") throw new Error("no snapshot this time");
      },
    });
    const ledger = newLedger();
    await workload(store, 0, ledger);
    await expect(store.compact()).rejects.toThrow(/no snapshot/);
    await store.close();
    // journal.ndjson (part 0), then journal-000001.ndjson, empty: a crash in the last write
    // of the old journal, before the new one got anything.
    const old = join(dir, "journal.ndjson");
    appendFileSync(old, '{"op":"putUpload","input":{"uploadId":"torn');
    const again = await open(dir);
    expect(readFileSync(old, "utf8").endsWith("}\n")).toBe(true);
    await expectSame(again, ledger, await reference([0]));
    await workload(again, 1, ledger);
    await again.close();
    // Now the new journal has records: a torn record before them is corruption.
    appendFileSync(old, '{"op":"putUpload","input":{"uploadId":"torn');
    await expect(MemoryStore.open({ dataDir: dir })).rejects.toThrow(
      `${old}: its last record is torn, yet ${join(dir, "journal-000001.ndjson")} follows it`,
    );
  });

  it("refuses a corrupt snapshot with one line naming it", async () => {
    const dir = fresh();
    const store = await open(dir);
    await workload(store, 0, newLedger());
    await store.compact();
    await store.close();
    const path = join(dir, "snapshot-000001.tbsnap");
    const good = readFileSync(path);
    const cases: [string, (b: Buffer) => Buffer, RegExp][] = [
      [
        "bad header",
        (b) => Buffer.concat([Buffer.from("XXXXXX"), b.subarray(6)]),
        /not a tracebed snapshot \(bad header\)$/,
      ],
      [
        "truncated",
        (b) => b.subarray(0, b.length - 100),
        /truncated at byte \d+ \(no end record\)$/,
      ],
      [
        "a flipped byte",
        (b) => flip(b, b.length >> 1),
        /the record at byte \d+ fails its checksum$/,
      ],
      ["a newer format", (b) => flip(b, 6), /snapshot format \d+; this matcher reads 1$/],
      ["trailing bytes", (b) => Buffer.concat([b, Buffer.from("x")]), /1 bytes follow it$/],
    ];
    for (const [what, corrupt, message] of cases) {
      writeFileSync(path, corrupt(good));
      const err = await MemoryStore.open({ dataDir: dir }).then(
        (s) => s.close().then(() => null),
        (e: unknown) => e,
      );
      expect(err, what).toBeInstanceOf(SnapshotError);
      const m = (err as Error).message;
      expect(m, what).toMatch(message);
      expect(m.startsWith(`${path}: `), what).toBe(true);
      expect(m.includes("\n"), what).toBe(false);
    }
    writeFileSync(path, good);
    await (await open(dir)).close();
  });

  it.each([
    [1, "journal.ndjson"],
    [2, "snapshot-000001.tbsnap"],
  ])(
    "passes over a corrupt snapshot %i, with a warning, when an older chain is whole",
    async (generation, olderFrom) => {
      const parts = generation === 1 ? [0, 1] : [0, 1, 2];
      const ref = await reference(parts);
      const dir = fresh();
      const image = fresh();
      const ledger = newLedger();
      // The image: the new snapshot made, the older files not yet removed, more records in
      // the new journal.
      const store = await open(dir, {
        failpoint: async (step) => {
          if (step === "before-remove" && store.storage.generation === generation) {
            await workload(store, generation, ledger);
            cpSync(dir, image, { recursive: true });
          }
        },
      });
      await workload(store, 0, ledger);
      await store.compact();
      if (generation === 2) {
        await workload(store, 1, ledger);
        await store.compact();
      }
      const snapshot = join(image, `snapshot-00000${generation}.tbsnap`);
      truncateSync(snapshot, statSync(snapshot).size - 1);
      const warnings: string[] = [];
      const reopened = await open(image, { hooks: { onWarning: (l) => warnings.push(l) } });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.startsWith(`${snapshot}: truncated at byte `)).toBe(true);
      expect(warnings[0]).toMatch(`(no end record); opened the older chain from ${olderFrom}`);
      expect(warnings[0]).toMatch(/; kept the snapshot as \*\.corrupt$/);
      expect(reopened.journalStats.snapshot?.generation ?? 0).toBe(generation - 1);
      await expectSame(reopened, ledger, ref);
      // Kept for inspection, never read again: the next start opens without a warning.
      expect(existsSync(snapshot)).toBe(false);
      expect(existsSync(`${snapshot}.corrupt`)).toBe(true);
      await reopened.close();
      const again = await open(image, { hooks: { onWarning: (l) => warnings.push(l) } });
      expect(warnings).toHaveLength(1);
      await expectSame(again, ledger, ref);
    },
  );

  it("compacts by itself once the journal passes the threshold, and keeps it bounded", async () => {
    const dir = fresh();
    const reports: CompactionReport[] = [];
    const store = await open(dir, {
      compactAfterBytes: 200_000,
      hooks: { onCompacted: (r) => reports.push(r) },
    });
    const ledger = newLedger();
    await workload(store, 0, ledger);
    const perPart = store.storage.journalBytes;
    let most = 0;
    for (let p = 1; p < 12; p++) {
      await workload(store, p, ledger);
      most = Math.max(most, store.storage.journalBytes);
      // Let a compaction the part set off finish.
      const { journalBytes, snapshotBytes } = store.storage;
      for (let i = 0; journalBytes > Math.max(200_000, snapshotBytes) && i < 500; i++) {
        if (store.storage.journalBytes < journalBytes) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    await store.close();
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const r of reports) expect(r.journalBytes).toBeGreaterThan(200_000);
    expect(reports.map((r) => r.generation)).toEqual(reports.map((_, i) => i + 1));
    // The trigger fires within a part of the workload that passes the threshold.
    expect(most).toBeLessThan(200_000 + perPart);
    const again = await open(dir);
    expect(again.journalStats.snapshot?.generation).toBe(reports.length);
    await expectSame(again, ledger, await reference([...Array(12).keys()]));
  });

  it("counts compactions and snapshot bytes in /metrics", async () => {
    const dir = fresh();
    const m = await createMatcher({
      dataDir: dir,
      haToken: HA_TOKEN,
      compactAfterBytes: 100_000,
      logLevel: "silent",
      defaultMetrics: false,
    });
    try {
      const store = m.store as MemoryStore;
      const ledger = newLedger();
      for (let p = 0; p < 3; p++) await workload(store, p, ledger);
      for (let i = 0; store.storage.generation === 0 && i < 500; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await store.compact();
      const text = await m.metrics.registry.metrics();
      expect(text).toMatch(/^tracebed_compactions_total\{outcome="ok"\} [2-9]$/m);
      const snapshot = Number(/^tracebed_snapshot_bytes (\d+)$/m.exec(text)?.[1]);
      expect(snapshot).toBe(store.storage.snapshotBytes);
      expect(snapshot).toBeGreaterThan(0);
      expect(text).toMatch(/^tracebed_journal_bytes \d+$/m);
      expect(text).toMatch(/^tracebed_compaction_duration_seconds_count [2-9]$/m);
    } finally {
      await m.close();
    }
  });

  it("lets the event loop run while it compacts", async () => {
    const dir = fresh();
    const store = await open(dir);
    const ledger = newLedger();
    for (let p = 0; p < 4; p++) await workload(store, p, ledger);
    // ≈ 4 MiB of logs: several chunks.
    for (let i = 0; i < 40; i++) {
      await store.putUpload({
        uploadId: `upload-big-${i}-x`,
        kind: "log",
        phoneId: `phone-big-${i}`,
        idempotencyKey: `idem-big-${i}-xxxxxxxxxx`,
        scheme: "bluezone",
        bodyHash: `big-${i}`,
        receivedAt: NOW,
        windowDays: 14,
        exposures: [],
        log: Array.from({ length: 3_500 }, (_, k) => ({
          ownId: "ab".repeat(12),
          contactId: (k % 256).toString(16).padStart(2, "0").repeat(12),
          rssi: -60,
          txPower: -8,
          timestamp: NOW - 10 * k - i,
        })),
      });
    }
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const r = await store.compact();
    done = true;
    expect(r.snapshotBytes).toBeGreaterThan(4 << 20);
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});

function flip(b: Buffer, at: number): Buffer {
  const out = Buffer.from(b);
  out[at]! ^= 0xff;
  return out;
}
