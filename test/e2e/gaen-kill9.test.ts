// kill -9 of a GAEN server on the memory store after it acknowledged key uploads, restarted
// on the same --data: every acknowledged key is in the published exports, the exports listed
// before the kill are served byte for byte, and every export verifies with the public key
// served before the kill (the signing key is kept in DIR/gaen/signing-key.pem, 0600).
import { randomBytes, verify } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readExportFile } from "@tracebed/protocol/gaen";
import { postJson, redeemF0Code, type ServeProcess, startServe } from "@tracebed/testkit";
import { afterAll, expect, test } from "vitest";
import { HA_TOKEN, SERVE_FLAGS } from "./load-cli.js";

const DAY = 86_400;
const PERIOD = 10;
const FLAGS = [...SERVE_FLAGS, "--design", "gaen", "--export-period", String(PERIOD)];
const agent = new Agent({ keepAlive: true });
const started: ServeProcess[] = [];
afterAll(async () => {
  agent.destroy();
  for (const s of started) await s.stop().catch(() => {});
});

async function serve(data: string) {
  const s = await startServe(["--data", data, ...FLAGS]);
  started.push(s);
  return s;
}

const get = async (url: string, path: string) =>
  new Uint8Array(await (await fetch(`${url}/${path}`)).arrayBuffer());
const indexOf = async (url: string) =>
  new TextDecoder()
    .decode(await get(url, "v1/exports/index.txt"))
    .split("\n")
    .filter(Boolean);

/** Every key (hex) in the listed exports, and the files by path. */
async function published(url: string) {
  const files = new Map<string, Uint8Array>();
  const keys = new Set<string>();
  for (const path of await indexOf(url)) {
    const zip = await get(url, path);
    files.set(path, zip);
    for (const k of readExportFile(zip).keys) keys.add(Buffer.from(k.keyData).toString("hex"));
  }
  return { files, keys };
}

async function until<T>(what: string, f: () => Promise<T | null>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** F0 phones, each with an upload token (the health authority's code redeemed). */
async function f0Phones(url: string, phones: number, tag: string) {
  const f0s = [];
  for (let i = 0; i < phones; i++)
    f0s.push(await redeemF0Code(agent, url, HA_TOKEN, `${tag}-${i}`));
  return f0s;
}

/** Each phone uploads two keys of past days; resolves with the keys acknowledged. */
async function uploadKeys(url: string, f0s: Awaited<ReturnType<typeof f0Phones>>) {
  const today = Math.floor(Date.now() / 1000 / DAY);
  const acked: string[] = [];
  await Promise.all(
    f0s.map(async (f0) => {
      const keys = [today - 2, today - 1].map((d) => ({
        key: randomBytes(16).toString("hex"),
        rollingStartIntervalNumber: d * 144,
        rollingPeriod: 144,
      }));
      const body = {
        phoneId: f0.phone.phoneId,
        uploadToken: f0.uploadToken,
        reportType: "confirmed",
        keys,
      };
      const r = await postJson(agent, url, "/v1/exposure-keys", body, f0.phone.auth);
      expect(r.status).toBe(201);
      expect((r.body as { accepted: number }).accepted).toBe(2);
      acked.push(...keys.map((k) => k.key));
    }),
  );
  return acked;
}

function verifies(zip: Uint8Array, pem: string): boolean {
  const file = readExportFile(zip);
  return (
    file.signatures.length > 0 &&
    file.signatures.every((s) =>
      verify("sha256", file.exportBin, { key: pem, dsaEncoding: "der" }, s.signature),
    )
  );
}

test("kill -9 of a GAEN server (memory store): every acknowledged key is published after the restart, signed with the same key", async () => {
  const data = mkdtempSync(join(tmpdir(), "tracebed-gaen-kill9-"));
  const first = await serve(data);
  const pem = new TextDecoder().decode(await get(first.url, "v1/exports/public-key.pem"));
  expect(pem).toContain("BEGIN PUBLIC KEY");
  expect(statSync(join(data, "gaen", "signing-key.pem")).mode & 0o777).toBe(0o600);

  // Published before the kill.
  const early = await uploadKeys(first.url, await f0Phones(first.url, 4, "early"));
  const before = await until("the first keys' exports", async () => {
    const p = await published(first.url);
    return early.every((k) => p.keys.has(k)) ? p : null;
  });

  // Acknowledged just after a period began, then killed before that period ends: these keys
  // are in no export yet, only in the journal.
  const lateF0s = await f0Phones(first.url, 4, "late");
  await until("the start of a period", async () =>
    (Date.now() / 1000) % PERIOD < 1 ? true : null,
  );
  const late = await uploadKeys(first.url, lateF0s);
  const atKill = (await published(first.url)).keys;
  await first.kill9();
  expect(late.filter((k) => !atKill.has(k)).length).toBeGreaterThan(0);

  const second = await serve(data);
  expect(new TextDecoder().decode(await get(second.url, "v1/exports/public-key.pem"))).toBe(pem);
  const after = await until("every acknowledged key published", async () => {
    const p = await published(second.url);
    return [...early, ...late].every((k) => p.keys.has(k)) ? p : null;
  });
  // The exports listed before the kill are listed first, byte for byte the same.
  const paths = [...after.files.keys()];
  expect(paths.slice(0, before.files.size)).toEqual([...before.files.keys()]);
  for (const [path, zip] of before.files) expect(after.files.get(path)).toEqual(zip);
  // Every export verifies with the public key served before the kill.
  for (const [path, zip] of after.files) expect(verifies(zip, pem), path).toBe(true);
  await second.stop();
});
