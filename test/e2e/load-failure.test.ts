import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, type ServeProcess, startServe } from "@tracebed/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HA_TOKEN, load, SERVE_FLAGS } from "./load-cli.js";

const SMALL = ["hung-yen-2020-08-18", "--agents", "600", "--days", "2", "--adoption", "0.6"];

describe("tracebed load when a matcher cannot be reached", () => {
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe([
      "--data",
      mkdtempSync(join(tmpdir(), "tracebed-e2e-")),
      ...SERVE_FLAGS,
    ]);
  });
  afterAll(async () => {
    await server.stop();
  });

  test("refuses the run before any phone connects and exits 1, naming the URL", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const r = await load(
      [...SMALL, "--url", `${server.url},${dead}`, "--ha-token", HA_TOKEN],
      undefined,
      30_000,
    );
    expect(r.timedOut, "tracebed load kept running").toBe(false);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(dead);
    // The calibration check (GET /v1/config on every URL) refuses the run first, in one line.
    expect(
      r.stderr
        .trim()
        .split("\n")
        .filter((l) => l.includes(dead)),
    ).toHaveLength(1);
    // No phone is left connected to the live matcher.
    const stats = await (await fetch(`${server.url}/v1/stats`)).json();
    expect(stats.phones.connected).toBe(0);
  });
});
