import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { startServeProcess } from "../src/processes/serve-process.js";

const entry = fileURLToPath(new URL("fixtures/server.mjs", import.meta.url));

test("waits for the listening line, collects its output, stops it with SIGTERM", async () => {
  const s = await startServeProcess({ entry, name: "fixture" });
  expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(await (await fetch(s.url)).text()).toBe("ok");
  expect(s.rss()).toBeGreaterThan(1 << 20);
  expect(await s.stop()).toBe(0);
  expect(s.stdout()).toBe("to stdout\n");
  expect(s.stderr()).toMatch(/^listening on /);
});

test("SIGKILL when SIGTERM is ignored past the grace period", async () => {
  const s = await startServeProcess({ entry, args: ["ignore-term"], stopGraceMs: 200 });
  expect(await s.stop()).toBeNull();
  expect(s.child.signalCode).toBe("SIGKILL");
});

test("kill9 is a crash", async () => {
  const s = await startServeProcess({ entry });
  await s.kill9();
  expect(await s.exited).toBeNull();
});

test("says why it did not start, and leaves nothing running", async () => {
  await expect(startServeProcess({ entry, args: ["exit", "3"], name: "fixture" })).rejects.toThrow(
    /^fixture exited \(3\) before listening/,
  );
  const silent = startServeProcess({ entry, args: ["silent"], timeoutMs: 300, name: "fixture" });
  await expect(silent).rejects.toThrow(/^fixture did not start within 300 ms/);
  await expect(startServeProcess({ entry: `${entry}.missing` })).rejects.toThrow(/build it first/);
});

test("a custom listening line and environment", async () => {
  const s = await startServeProcess({
    entry,
    listening: /(http:\/\/\S+) \(probe\)$/m,
    env: { FIXTURE_LABEL: "probe" },
  });
  expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await s.stop();
});
