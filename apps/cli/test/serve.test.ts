// Runs the built binary: build first (`npx turbo run build --filter=@tracebed/cli`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ownLog,
  postJson,
  randomDailyKeys,
  redeemF0Code,
  registerPhone,
  startServe,
} from "@tracebed/testkit";
import { afterAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tracebed(args: string[], env: NodeJS.ProcessEnv = {}) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run the build first`);
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test", TRACEBED_HA_TOKEN: "", ...env },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) => s.split("\n").filter((l) => l !== "");

describe("tracebed serve", () => {
  it("has --help", () => {
    const r = tracebed(["serve", "--help"]);
    expect(r.status).toBe(0);
    for (const flag of [
      "--port",
      "--host",
      "--store",
      "--data",
      "--compact-after-mb",
      "--ha-token",
      "TRACEBED_HA_TOKEN",
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });

  it("serves until SIGTERM, printing its URL on one line, then exits 0", async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-serve-"));
    dirs.push(data);
    const serve = await startServe(["--data", data], { cli: bin, env: { TRACEBED_HA_TOKEN: "" } });
    const { url } = serve;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The development token is announced loudly.
    expect(serve.stderr()).toMatch(/WARNING: no HA token set/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const code = await fetch(`${url}/v1/f0-codes`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer tracebed-dev-ha-token",
      },
      body: JSON.stringify({ caseRef: "dev" }),
    });
    expect(code.status).toBe(201);
    expect(await serve.stop()).toBe(0);
    expect(serve.stdout()).toBe("");
    expect(lines(serve.stderr()).filter((l) => l.includes("listening on"))).toHaveLength(1);
    expect(existsSync(join(data, "journal.ndjson"))).toBe(true);
  });

  it("refuses to start without an HA token when NODE_ENV=production", () => {
    const r = tracebed(["serve", "--port", "0"], { NODE_ENV: "production" });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^tracebed: no HA token/)]);
  });

  it("exits 1 with one line when it cannot listen or reach Redis", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const data = mkdtempSync(join(tmpdir(), "tracebed-serve-"));
    dirs.push(data);
    try {
      const taken = tracebed([
        "serve",
        "--port",
        String(port),
        "--data",
        data,
        "--ha-token",
        "x".repeat(20),
      ]);
      expect(taken.status).toBe(1);
      expect(lines(taken.stderr)).toEqual([
        expect.stringMatching(/^tracebed: serve: .*EADDRINUSE/),
      ]);
    } finally {
      server.close();
    }
    const redis = tracebed([
      "serve",
      "--port",
      "0",
      "--store",
      "redis://127.0.0.1:1",
      "--ha-token",
      "x".repeat(20),
    ]);
    expect(redis.status).toBe(1);
    expect(lines(redis.stderr)).toEqual([
      "tracebed: serve: cannot reach Redis at redis://127.0.0.1:1",
    ]);
  });

  it("refuses, in one line and exit 1, a data directory another server holds", async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-serve-"));
    dirs.push(data);
    const first = await startServe(["--data", data, "--ha-token", "x".repeat(20)], { cli: bin });
    try {
      const second = tracebed([
        "serve",
        "--port",
        "0",
        "--data",
        data,
        "--ha-token",
        "x".repeat(20),
      ]);
      expect(second.status).toBe(1);
      expect(lines(second.stderr)).toEqual([
        `tracebed: serve: ${data}: in use by process ${first.pid} (${join(data, "LOCK")}); stop it, or remove the file if that process is not a tracebed server`,
      ]);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });

  it("compacts its journal past --compact-after-mb, logging one line", async () => {
    const data = mkdtempSync(join(tmpdir(), "tracebed-serve-"));
    dirs.push(data);
    const token = "x".repeat(20);
    const start = (more: string[]) =>
      startServe(["--data", data, "--ha-token", token, ...more], { cli: bin });
    const serve = await start(["--compact-after-mb", "1", "--log-level", "info"]);
    const agent = new Agent({ keepAlive: true });
    const uploads: string[] = [];
    try {
      // Four logs of a phone's 14 days: ≈ 1.4 MiB of journal.
      const { indexId } = await redeemF0Code(agent, serve.url, token, "phone-f0-xxxx");
      const now = Math.floor(Date.now() / 1000);
      const basis = { kind: "exposure", indexIds: [indexId] };
      for (let p = 0; p < 4; p++) {
        const keys = randomDailyKeys(Math.floor(now / 86_400));
        const log = ownLog(keys, 2_400, now);
        const { phoneId, auth } = await registerPhone(agent, serve.url);
        const common = { phoneId, scheme: "bluezone", basis };
        const k = { idempotencyKey: `serve-compact-keys-${p}`, ...common, keys };
        expect((await postJson(agent, serve.url, "/v1/uploads/keys", k, auth)).status).toBe(201);
        const body = { idempotencyKey: `serve-compact-key-${p}`, ...common, log };
        const r = await postJson(agent, serve.url, "/v1/uploads/log", body, auth);
        expect(r.status).toBe(201);
        uploads.push((r.body as { uploadId: string }).uploadId);
      }
      for (let i = 0; i < 500 && !serve.stderr().includes("store compacted"); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const compacted = lines(serve.stderr()).filter((l) => l.includes("store compacted"));
      expect(compacted).toHaveLength(1);
      expect(JSON.parse(compacted[0]!)).toMatchObject({
        msg: expect.stringMatching(
          /^store compacted: [\d.]+ MiB of journal into snapshot-000001\.tbsnap/,
        ),
        generation: 1,
      });
      const metrics = await (await fetch(`${serve.url}/metrics`)).text();
      expect(metrics).toMatch(/^tracebed_compactions_total\{outcome="ok"\} 1$/m);
    } finally {
      agent.destroy();
    }
    expect(await serve.stop()).toBe(0);
    expect(readdirSync(data).sort()).toEqual(["journal-000001.ndjson", "snapshot-000001.tbsnap"]);

    const again = await start([]);
    for (const id of uploads) {
      const headers = { authorization: `Bearer ${token}` }; // the operator reads any
      expect((await fetch(`${again.url}/v1/uploads/${id}`, { headers })).status).toBe(200);
    }
    expect(await again.stop()).toBe(0);

    // A corrupt snapshot with nothing older to fall back on: one line naming it, exit 1.
    writeFileSync(join(data, "snapshot-000001.tbsnap"), "not a snapshot");
    const corrupt = tracebed(["serve", "--port", "0", "--data", data, "--ha-token", token]);
    expect(corrupt.status).toBe(1);
    expect(lines(corrupt.stderr)).toEqual([
      `tracebed: serve: ${join(data, "snapshot-000001.tbsnap")}: not a tracebed snapshot (bad header)`,
    ]);
  });

  it.each([
    [["--port", "abc"], /--port.*port number/],
    [["--port", "70000"], /--port.*port number/],
    [["--port", "-1"], /--port/],
    [["--store", "postgres://x"], /--store.*memory or a redis:\/\/ URL/],
    [
      ["--store", "redis://127.0.0.1:6379", "--data", "x"],
      /^tracebed: --data applies only to --store memory$/,
    ],
    [["--log-level", "loud"], /--log-level/],
    [["--f1-push-hold", "1.5"], /--f1-push-hold.*whole milliseconds from 0 to 60000/],
    [["--f1-push-hold", "60001"], /--f1-push-hold.*whole milliseconds from 0 to 60000/],
    [["--compact-after-mb", "1.5"], /--compact-after-mb.*whole MiB from 0 to 1048576/],
    [["--compact-after-mb", "-1"], /--compact-after-mb/],
    [["--compact-after-mb", "1048577"], /--compact-after-mb.*whole MiB from 0 to 1048576/],
    [
      ["--store", "redis://127.0.0.1:6379", "--compact-after-mb", "8"],
      /^tracebed: --compact-after-mb applies only to --store memory$/,
    ],
    [["--ha-token", "short"], /^tracebed: the HA token must be at least 16 characters$/],
    [["--host", ""], /--host/],
    [["--design", "central"], /--design/],
    [
      ["--design", "gaen", "--export-period", "0"],
      /--export-period.*whole seconds from 1 to 86400/,
    ],
    [["--export-period", "60"], /^tracebed: --export-period applies only to --design gaen$/],
    [["--signing-key", "k.pem"], /^tracebed: --signing-key applies only to --design gaen$/],
    [
      ["--design", "gaen", "--signing-key", "/nonexistent/k.pem"],
      /^tracebed: --signing-key: cannot read \/nonexistent\/k\.pem/,
    ],
    [
      ["--design", "gaen", "--ha-token", "x".repeat(20), "--signing-key", "/dev/null"],
      /^tracebed: signing key: not an ECDSA P-256 private key in PKCS#8 PEM/,
    ],
    [["--bogus"], /unknown option '--bogus'/],
  ])("exits 2 with one line for %j", (args, message) => {
    const r = tracebed(["serve", ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).toMatch(/^tracebed: /);
  });
});
