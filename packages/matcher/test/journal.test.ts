// The append-only journal: durable appends with group commit, replay, torn last lines.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Journal, JournalError } from "../src/index.js";

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), "tracebed-journal-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function replay(dir: string) {
  const records: unknown[] = [];
  const j = await Journal.open(dir, (r) => records.push(r));
  return { j, records };
}

describe("Journal", () => {
  it("batches concurrent appends into few fsyncs and replays them in order", async () => {
    const dir = fresh();
    const flushes: number[] = [];
    const j = await Journal.open(dir, () => {}, { onFlush: (n) => flushes.push(n) });
    await Promise.all(Array.from({ length: 1000 }, (_, i) => j.append({ i })));
    expect(flushes.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(flushes.length).toBeLessThan(50);
    await j.append({ i: 1000 });
    await j.barrier();
    await j.close();
    const { j: again, records } = await replay(dir);
    expect(records).toEqual(Array.from({ length: 1001 }, (_, i) => ({ i })));
    expect(again.openStats).toEqual({ replayed: 1001, droppedBytes: 0 });
    await again.close();
  });

  it("drops a torn last line and cuts it off so the next append starts clean", async () => {
    const dir = fresh();
    const j = await Journal.open(dir, () => {});
    await j.append({ a: 1 });
    await j.append({ b: "ü".repeat(100_000) }); // a record longer than a read chunk
    await j.close();
    appendFileSync(join(dir, "journal.ndjson"), '{"c": 3, "half');
    const { j: again, records } = await replay(dir);
    expect(records).toHaveLength(2);
    expect(again.openStats.droppedBytes).toBe(14);
    await again.append({ d: 4 });
    await again.close();
    const { records: after, j: third } = await replay(dir);
    expect(after.at(-1)).toEqual({ d: 4 });
    expect(readFileSync(join(dir, "journal.ndjson"), "utf8").split("\n")).toHaveLength(4);
    await third.close();
  });

  it("drops a garbled last line, but refuses a bad line followed by good ones", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "journal.ndjson"), '{"a":1}\n\u0000\u0000\u0000\n');
    const { j, records } = await replay(dir);
    expect(records).toEqual([{ a: 1 }]);
    await j.close();
    writeFileSync(join(dir, "journal.ndjson"), '{"a":1}\nnot json\n{"b":2}\n');
    await expect(Journal.open(dir, () => {})).rejects.toThrow(JournalError);
    await expect(Journal.open(dir, () => {})).rejects.toThrow(/line 2 is not a JSON record/);
  });

  it("makes nothing durable in a journal that follows another before that one is", async () => {
    const dir = fresh();
    const path = join(dir, "journal-000001.ndjson");
    const next = await Journal.create(path);
    let release!: () => void;
    next.follow(new Promise<void>((resolve) => (release = resolve)));
    const order: string[] = [];
    const empty = next.barrier().then(() => order.push("barrier"));
    const acked = next.append({ a: 1 }).then(() => order.push("append"));
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    expect(readFileSync(path, "utf8")).toBe(""); // not even written
    release();
    await Promise.all([empty, acked]);
    expect(order.sort()).toEqual(["append", "barrier"]);
    expect(readFileSync(path, "utf8")).toBe('{"a":1}\n');
    await next.close();

    // The journal it follows failed: so does this one, and every later call.
    const failing = await Journal.create(join(dir, "journal-000002.ndjson"));
    failing.follow(Promise.reject(new Error("EIO: the old journal's fsync")));
    await expect(failing.append({ b: 2 })).rejects.toThrow(/EIO/);
    await expect(failing.barrier()).rejects.toThrow(/EIO/);
    expect(failing.failure?.message).toMatch(/EIO/);
    await failing.close();
  });
});
