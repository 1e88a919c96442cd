import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { tracebedJson } from "./cli.js";

/** A small run: 1,500 people of Hưng Yên over 3 days. */
const SAMPLE = ["hung-yen-2020-08-18", "--agents", "1500", "--days", "3", "--adoption", "0.5"];

const ndjson = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

test("export writes phones, keys, logs and the oracle's verdicts", () => {
  const out = mkdtempSync(join(tmpdir(), "tracebed-export-"));
  const d = tracebedJson("export", ...SAMPLE, "--out", out, "--f0", "4", "--f0-from", "app-users");
  expect(d.phones).toBeGreaterThan(600);
  const phones = ndjson(join(out, "phones.ndjson"));
  const keys = ndjson(join(out, "keys.ndjson"));
  const logs = ndjson(join(out, "logs.ndjson"));
  expect(phones).toHaveLength(d.phones);
  expect(keys).toHaveLength(d.phones);
  expect(logs).toHaveLength(d.sightings);
  const ids = new Set(phones.map((p) => p.phoneId));
  for (const k of keys) {
    expect(ids.has(k.phoneId)).toBe(true);
    for (const key of k.keys) expect(key.key).toMatch(/^[0-9a-f]{64}$/);
  }
  for (const l of logs.slice(0, 2000)) {
    expect(ids.has(l.phoneId)).toBe(true);
    expect(l.ownId).toMatch(/^[0-9a-f]{24}$/);
    expect(l.contactId).toMatch(/^[0-9a-f]{24}$/);
    expect(l.ownId).not.toBe(l.contactId);
  }
  const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
  expect(run.f0).toHaveLength(4);
  for (const x of [...run.f0, ...run.expected.f1, ...run.expected.f2])
    expect(ids.has(x)).toBe(true);
  expect(run.scenarioHash).toBe(d.scenarioHash);
});

test("export writes the same files whatever the threads", () => {
  const dirs = ["0", "2"].map((threads) => {
    const out = mkdtempSync(join(tmpdir(), `tracebed-export-t${threads}-`));
    tracebedJson("export", ...SAMPLE, "--out", out, "--threads", threads);
    return out;
  });
  for (const f of ["phones.ndjson", "keys.ndjson", "logs.ndjson", "run.json"]) {
    const [a, b] = dirs.map((d) => readFileSync(join(d, f)));
    expect(a!.equals(b!), f).toBe(true);
  }
});
