/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, assertBuilt, type Demo, launchChromium, startDemo } from "./harness.js";

/**
 * A fresh page at the default settings (200,000 people a run) with nothing else in the
 * browser: the sweep's first look must draw a curve over the whole range within 15 s, on the
 * cores the machine has. Its own file, so no other page's sweep shares those cores.
 */

let demo: Demo;
let browser: Browser;
const problems: string[] = [];

function watch(p: Page): void {
  p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
}

beforeAll(async () => {
  assertBuilt();
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the sweep's first look", () => {
  it("draws a first curve over the whole range within 15 s of loading, at the default settings", async () => {
    const p = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watch(p);
    await p.goto(demo.url);
    await p.waitForFunction(() => document.body.dataset.firstCurveMs !== undefined, null, {
      timeout: 20_000,
    });
    const ms = Number(await p.evaluate(() => document.body.dataset.firstCurveMs));
    const xs = await p
      .getByTestId("sweep-chart")
      .locator('[data-series="f1"][data-adoption]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-adoption"))));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      `${ARTIFACTS}viewer-first-curve.json`,
      `${JSON.stringify({ ms, points: xs.length })}\n`,
    );
    expect(xs.length).toBeGreaterThanOrEqual(8);
    expect(Math.min(...xs)).toBeLessThanOrEqual(0.08);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(0.6);
    expect(ms).toBeLessThanOrEqual(15_000);
    await p.close();
  });

  it("raised no page errors", () => {
    expect(problems).toEqual([]);
  });
});
