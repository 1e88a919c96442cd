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

  test("lets go of the phones already connected and exits 1, naming the URL", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const r = await load(
      [...SMALL, "--url", `${server.url},${dead}`, "--ha-token", HA_TOKEN],
      undefined,
      30_000,
    );
    expect(r.timedOut, "tracebed load kept running").toBe(false);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(dead);
    expect(r.doc.errors.some((e: string) => e.includes(dead))).toBe(true);
    // The phones that had connected to the live matcher are gone from it.
    const stats = await (await fetch(`${server.url}/v1/stats`)).json();
    expect(stats.phones.connected).toBe(0);
  });
});
