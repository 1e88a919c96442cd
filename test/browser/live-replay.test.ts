/// <reference lib="dom" />
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, type Demo, launchChromium, startDemo } from "./harness.js";

/**
 * `tracebed demo` as `npm start` runs it: it keeps replaying outbreaks, so a page opened long
 * after the start (past the first outbreak) still sees F0 → F1 → F2 arrive.
 */

let demo: Demo;
let browser: Browser;
let started = 0;

beforeAll(async () => {
  assertBuilt();
  started = Date.now();
  [demo, browser] = await Promise.all([startDemo(20_000, true), launchChromium()]);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the demo's live panel", () => {
  it("shows a new event within 30 s of opening the page, 40 s after the demo started", async () => {
    // The first outbreak confirms its F0 over its first ≈ 20 s: open the page after that.
    await new Promise((r) => setTimeout(r, Math.max(0, started + 40_000 - Date.now())));
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    // The demo's one process is also running the fleet: wait for the document, not every asset.
    await page.goto(`${demo.url}?agents=1000&seeds=1`, {
      waitUntil: "domcontentloaded",
      timeout: 60_000,
    });
    const opened = Date.now();
    const events = page.getByTestId("live-events");
    await expect
      .poll(() => page.getByTestId("live-panel").getAttribute("data-status"), { timeout: 20_000 })
      .toBe("connected");
    await expect.poll(() => events.locator("li").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Date.now() - opened).toBeLessThanOrEqual(30_000);
    const kinds = await events.locator("li").evaluateAll((els) => els.map((e) => e.dataset.kind));
    for (const k of kinds) expect(["f0", "notified", "keys"]).toContain(k);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
