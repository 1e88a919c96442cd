/// <reference lib="dom" />
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, type Demo, launchChromium, startDemo } from "./harness.js";

/**
 * The design switch in real headless Chromium: the sweep, the cards, the summary, the chart's
 * title and the URL follow it, and the table of what each design's server would hold is
 * filled from the run at the slider. Small runs: 3,000 people, one seed a point.
 */

const QUERY = "?adoption=0.6&agents=3000&seeds=1&lang=en";

let demo: Demo;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  assertBuilt();
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`${demo.url}${QUERY}`);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const sweepDone = () =>
  page.waitForFunction(() => document.body.dataset.sweep === "done", null, { timeout: 180_000 });
const cardValue = (id: string) =>
  page.getByTestId(id).evaluate((e) => Number((e as HTMLElement).dataset.value));
/** The table's row of one design, once the run at the slider has filled it. */
const privacyRow = async (design: string) => {
  const row = page.locator(`[data-testid="design-privacy"] tr[data-design="${design}"]`);
  await row.waitFor({ timeout: 180_000 });
  return row.evaluate((e) => ({
    phones: Number((e as HTMLElement).dataset.nonIndexPhonesKnown),
    edges: Number((e as HTMLElement).dataset.contactEdgesKnown),
    current: e.getAttribute("aria-current"),
  }));
};

describe("the design switch", () => {
  it("switching to GAEN changes the cards, the summary, the chart's title and the URL", async () => {
    const select = page.getByTestId("design-select");
    expect(await select.inputValue()).toBe("bluezone");
    expect(new URL(page.url()).searchParams.get("design")).toBe("bluezone");
    await sweepDone();
    const bz = { f1: await cardValue("card-f1"), f2: await cardValue("card-f2") };
    expect(bz.f1).toBeGreaterThan(0);
    expect(bz.f2).toBeGreaterThan(0);

    await select.selectOption("gaen");
    await expect.poll(() => new URL(page.url()).searchParams.get("design")).toBe("gaen");
    await page.waitForFunction(() => document.body.dataset.sweep === "running", null, {
      timeout: 10_000,
    });
    await sweepDone();
    const gaen = { f1: await cardValue("card-f1"), f2: await cardValue("card-f2") };
    // GAEN: F2 only through F1 that upload their own keys, none by default.
    expect(gaen.f2).toBe(0);
    expect(gaen.f1).toBeGreaterThan(0);
    expect(gaen.f1).not.toBe(bz.f1);
    const summary = page.getByTestId("summary-sentence");
    expect(await summary.getAttribute("data-design")).toBe("gaen");
    expect(await summary.textContent()).toMatch(/^GAEN/);
    const title = await page.locator('[data-testid="sweep-chart"] title').first().textContent();
    expect(title).toMatch(/Design: GAEN/);
    // The exported sweep says whose rule it is in its name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tracebed-sweep-.*-uniform-gaen-seed.*\.csv$/);
  });

  it("the table names what each design's server would hold, the chosen one marked", async () => {
    const bz = await privacyRow("bluezone");
    const gaen = await privacyRow("gaen");
    // Bluezone's server holds the uploaders' logs: contacts tied together; GAEN's names no pair.
    expect(bz.phones).toBeGreaterThan(0);
    expect(bz.edges).toBeGreaterThan(0);
    expect(gaen).toEqual({ phones: 0, edges: 0, current: "true" });
    expect(bz.current).toBeNull();
    // BlueTrace's server decrypts every uploaded log, the F0's and every F1's.
    const bt = await privacyRow("bluetrace");
    expect(bt.phones).toBeGreaterThan(0);
    expect(bt.edges).toBeGreaterThan(0);
    expect(bt.current).toBeNull();
    const note = await page.locator("#design-privacy-note").textContent();
    expect(note).toMatch(/model's count/);
  });

  it("back to Bluezone via the URL state, in Vietnamese too, with no page error", async () => {
    await page.goto(`${demo.url}?adoption=0.6&agents=3000&seeds=1&lang=vi&design=gaen`);
    expect(await page.getByTestId("design-select").inputValue()).toBe("gaen");
    const label = await page.getByTestId("design-select").locator("option:checked").textContent();
    expect(label).toMatch(/phi tập trung/);
    await page.getByTestId("design-select").selectOption("bluezone");
    await expect.poll(() => new URL(page.url()).searchParams.get("design")).toBe("bluezone");
    expect(problems).toEqual([]);
  });
});
