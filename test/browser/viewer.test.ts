/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  assertBuilt,
  type Demo,
  launchChromium,
  parseCsvLines,
  ROOT,
  startDemo,
} from "./harness.js";

/**
 * The built viewer in real headless Chromium, served by `tracebed demo` (its matcher on the
 * same port feeds the live panel). Small runs keep it quick: 5,000 people, 2 seeds a point.
 */

const QUERY = "?adoption=0.6&agents=5000&seeds=2";

let demo: Demo;
let browser: Browser;
let page: Page;
const problems: string[] = [];

function watch(p: Page): void {
  p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  p.on("requestfailed", (r) =>
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
  );
}

const query = (p: Page) => new URL(p.url()).searchParams;

beforeAll(async () => {
  assertBuilt();
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  watch(page);
  await page.goto(`${demo.url}${QUERY}`);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the viewer in Chromium", () => {
  it("the slider follows ?adoption= and writes every setting back to the URL", async () => {
    const slider = page.getByTestId("adoption-slider");
    await expect.poll(() => slider.inputValue()).toBe("0.6");
    expect(await page.getByTestId("adoption-value").textContent()).toBe("60%");
    const q = query(page);
    expect(q.get("adoption")).toBe("0.6");
    for (const key of ["scenario", "mode", "seed", "seeds", "agents", "lang"]) {
      expect(q.has(key), key).toBe(true);
    }
    // Keyboard: 1% steps, back again.
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => query(page).get("adoption")).toBe("0.61");
    expect(await slider.inputValue()).toBe("0.61");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => query(page).get("adoption")).toBe("0.6");
  });

  it("draws F1 and F2 sweep points spanning 8% → 60%, with a² and a³ and the marker", async () => {
    // 30 runs of 5,000 people on the machine's cores (shared with everything else running).
    await page.waitForFunction(() => document.body.dataset.sweep === "done", null, {
      timeout: 120_000,
    });
    const chart = page.getByTestId("sweep-chart");
    const points = await chart.locator("[data-adoption]").evaluateAll((els) =>
      els.map((e) => ({
        series: e.getAttribute("data-series"),
        x: Number(e.getAttribute("data-adoption")),
        mean: Number(e.getAttribute("data-mean")),
      })),
    );
    for (const series of ["f1", "f2"]) {
      const xs = points.filter((p) => p.series === series).map((p) => p.x);
      expect(xs.length, series).toBeGreaterThanOrEqual(10);
      expect(Math.min(...xs), series).toBeLessThanOrEqual(0.08);
      expect(Math.max(...xs), series).toBeGreaterThanOrEqual(0.6);
      expect(xs).toContain(0.08);
      expect(xs).toContain(0.6);
    }
    for (const p of points) {
      expect(p.mean).toBeGreaterThanOrEqual(0);
      expect(p.mean).toBeLessThanOrEqual(1);
    }
    const f1 = points.filter((p) => p.series === "f1");
    expect(f1.find((p) => p.x === 0.6)!.mean).toBeGreaterThan(f1.find((p) => p.x === 0.08)!.mean);
    expect(await chart.locator('[data-reference="a2"]').count()).toBe(1);
    expect(await chart.locator('[data-reference="a3"]').count()).toBe(1);
    expect(await chart.locator("[data-marker]").getAttribute("data-marker")).toBe("0.6");
    const summary = await page.getByTestId("summary-sentence").textContent();
    expect(summary).toMatch(/^Ở mức 60% dân số cài đặt, ứng dụng tìm ra \d+% số F1 thật/);
  });

  it("shows one estimate everywhere: cards = chart markers = summary at three slider positions", async () => {
    const slider = page.getByTestId("adoption-slider");
    for (const a of [0.3, 0.45, 0.6]) {
      await slider.evaluate((el: HTMLInputElement, v) => {
        el.value = String(v);
        el.dispatchEvent(new Event("input", { bubbles: true }));
      }, a);
      await expect.poll(() => query(page).get("adoption")).toBe(String(a));
      const values = async () => ({
        cardF1: await page.getByTestId("card-f1").getAttribute("data-value"),
        cardF2: await page.getByTestId("card-f2").getAttribute("data-value"),
        cardBeyond: await page.getByTestId("card-beyond-manual").getAttribute("data-value"),
        markerF1: await page.getByTestId("chart-marker-f1").getAttribute("data-value"),
        markerF2: await page.getByTestId("chart-marker-f2").getAttribute("data-value"),
        sentence: await page.getByTestId("summary-sentence").evaluate((el: HTMLElement) => ({
          f1: el.dataset.f1,
          f2: el.dataset.f2,
          beyond: el.dataset.beyondManual,
          text: el.textContent ?? "",
        })),
      });
      const v = await values();
      expect(v.cardF1, `F1 at ${a}`).not.toBeNull();
      expect(v.markerF1).toBe(v.cardF1);
      expect(v.sentence.f1).toBe(v.cardF1);
      expect(v.markerF2).toBe(v.cardF2);
      expect(v.sentence.f2).toBe(v.cardF2);
      expect(v.sentence.beyond).toBe(v.cardBeyond);
      for (const x of [v.cardF1, v.cardF2]) {
        expect(Number(x)).toBeGreaterThanOrEqual(0);
        expect(Number(x)).toBeLessThanOrEqual(1);
      }
      // The printed figures are the same rounding of the same numbers.
      const f1Text = await page.getByTestId("card-f1").locator(".big").textContent();
      const f2Text = await page.getByTestId("card-f2").locator(".big").textContent();
      expect(f1Text).toBe(`${Math.round(Number(v.cardF1) * 100)}%`);
      expect(v.sentence.text).toContain(`tìm ra ${f1Text} số F1 thật`);
      expect(v.sentence.text).toContain(`và ${f2Text} số F2 thật`);
      const markerLabels = await page
        .getByTestId("sweep-chart")
        .locator(".marker text")
        .allTextContents();
      expect(markerLabels).toContain(`F1 ${f1Text}`);
      expect(markerLabels).toContain(`F2 ${f2Text}`);
    }
  });

  it("titles the district table with the selected scenario's area, for every scenario", async () => {
    const index = JSON.parse(readFileSync(`${ROOT}scenarios/index.json`, "utf8")) as {
      scenarios: { id: string; name: string }[];
    };
    const p = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    watch(p);
    await p.goto(`${demo.url}?agents=2000&seeds=1`);
    const select = p.getByTestId("scenario-select");
    expect(await select.evaluate((el) => el.tagName)).toBe("SELECT");
    expect(
      await select.locator("option").evaluateAll((os) => os.map((o) => o.getAttribute("value"))),
    ).toEqual(index.scenarios.map((s) => s.id));
    for (const s of index.scenarios) {
      await select.selectOption(s.id);
      const caption = p.getByTestId("district-table").locator("caption");
      await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toContain(s.name);
      for (const other of index.scenarios.filter((o) => !s.name.includes(o.name))) {
        expect(await caption.textContent()).not.toContain(other.name);
      }
    }
    await p.close();
  });

  it("paints the contact network on the canvas", async () => {
    const canvas = page.getByTestId("network-canvas");
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLCanvasElement>("[data-testid=network-canvas]")?.dataset
          .layout === "done",
      null,
      { timeout: 30_000 },
    );
    expect(Number(await canvas.getAttribute("data-nodes"))).toBeGreaterThan(20);
    const pixels = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
      const colours = new Set<number>();
      let f0 = 0;
      let nonWhite = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        colours.add((r << 16) | (g << 8) | b);
        if (r < 250 || g < 250 || b < 250) nonWhite++;
        if (Math.abs(r - 0xd5) < 12 && Math.abs(g - 0x5e) < 12 && b < 20) f0++;
      }
      return { colours: colours.size, f0, nonWhite, total: data.length / 4 };
    });
    expect(pixels.colours).toBeGreaterThan(10);
    expect(pixels.nonWhite / pixels.total).toBeGreaterThan(0.01);
    expect(pixels.f0, "F0 triangles in vermillion").toBeGreaterThan(20);
  });

  it("keeps a screenshot for people to look at", async () => {
    await page.waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}viewer.png`, fullPage: true });
    const timings = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
        loadMs: Math.round(nav.loadEventEnd),
        firstSweepPointMs: Number(document.body.dataset.firstPointMs),
        sweepMs: Number(document.body.dataset.sweepMs),
        runAtSliderMs: Number(document.body.dataset.runMs),
        hardwareConcurrency: navigator.hardwareConcurrency,
      };
    });
    writeFileSync(`${ARTIFACTS}viewer-timings.json`, `${JSON.stringify(timings, null, 2)}\n`);
    expect(timings.sweepMs).toBeGreaterThan(0);
  });

  it("downloads the sweep as CSV with parseable rows", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^tracebed-sweep-hung-yen-2020-08-18-uniform.*\.csv$/,
    );
    const rows = parseCsvLines(readFileSync((await download.path())!, "utf8"));
    const [header, ...data] = rows;
    expect(header!.slice(0, 2)).toEqual(["value", "adoption_mean"]);
    const col = (name: string) => header!.indexOf(name);
    expect(data).toHaveLength(15);
    for (const r of data) {
      expect(r).toHaveLength(header!.length);
      expect(Number.isFinite(Number(r[col("value")]))).toBe(true);
      const recall = Number(r[col("f1_recall_mean")]);
      expect(recall).toBeGreaterThanOrEqual(0);
      expect(recall).toBeLessThanOrEqual(1);
      expect(r[col("scenario")]).toBe("hung-yen-2020-08-18");
    }
    const values = data.map((r) => Number(r[col("value")]));
    expect(values).toContain(0.08);
    expect(values).toContain(0.6);
  });

  it("downloads the chart as SVG and PNG", async () => {
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-svg").click(),
    ]);
    const text = readFileSync((await svg.path())!, "utf8");
    expect(text.startsWith("<?xml")).toBe(true);
    expect(text).toContain('data-adoption="0.6"');
    // 17 F0 among 5,000 people saturate every point: the file carries the note under the
    // chart (the page is in Vietnamese), 28 px taller than the chart.
    expect(text).toMatch(
      /<text [^>]*data-note=""[^>]*>Lưu ý: (\d+)\/\1 điểm của biểu đồ đến từ mẫu bị bão hoà \(17 F0 trong 5\.000 người mô phỏng\)/,
    );
    expect(text).toContain('height="468"');
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-png").click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(10_000);
    // IHDR: twice the chart (drawn at its panel's width) and its note.
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)![1]);
    expect(width).toBeGreaterThanOrEqual(300);
    expect(width).toBeLessThanOrEqual(640);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2 * width, 936]);
  });

  it("warns beside the figures when the sample saturates, in both languages and in the CSV", async () => {
    // 50 F0 among 1,000 people: their F1 and F2 fill their districts.
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(p);
    await p.goto(`${demo.url}?agents=1000&f0=50&seeds=1&lang=en`);
    const warning = p.getByTestId("saturation-warning");
    await expect
      .poll(() => warning.getAttribute("data-saturated"), { timeout: 30_000 })
      .toBe("true");
    expect(await warning.isVisible()).toBe(true);
    expect(Number(await warning.getAttribute("data-share"))).toBeGreaterThan(0.15);
    expect(await warning.textContent()).toMatch(
      /^⚠ Too few simulated people for 50 F0: where the F2 live, \d+% .* Simulate [\d,]+ people or more/,
    );
    await expect
      .poll(() => p.getByTestId("summary-sentence").textContent(), { timeout: 30_000 })
      .toMatch(/Note: the sample is saturated/);
    await p.getByTestId("lang-switch").click();
    await expect.poll(() => warning.textContent()).toMatch(/^⚠ Quá ít người mô phỏng cho 50 F0/);

    await p.waitForFunction(() => document.body.dataset.sweep === "done", null, {
      timeout: 30_000,
    });
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByTestId("export-csv").click(),
    ]);
    const [header, ...data] = parseCsvLines(readFileSync((await download.path())!, "utf8"));
    expect(data).toHaveLength(15);
    for (const r of data) {
      expect(Number(r[header!.indexOf("saturation_share_mean")])).toBeGreaterThan(0.15);
      expect(r[header!.indexOf("saturated")]).toBe("1");
    }
    // The exported chart carries the caveat as a line under it (in the page's language).
    const [svg] = await Promise.all([
      p.waitForEvent("download"),
      p.getByTestId("export-svg").click(),
    ]);
    const text = readFileSync((await svg.path())!, "utf8");
    expect(text).toMatch(
      /<text [^>]*data-note=""[^>]*>Lưu ý: 15\/15 điểm của biểu đồ đến từ mẫu bị bão hoà \(50 F0 trong 1[.,]000 người mô phỏng\)/,
    );
    expect(text).toContain('height="468"');
    await p.close();
  });

  it("does not warn at the default settings (the URL with none)", async () => {
    const p = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(p);
    await p.goto(demo.url);
    const q = query(p);
    expect([q.get("agents"), q.get("f0")]).toEqual(["200000", "17"]);
    // Only the run at the slider is awaited, not the whole sweep of 200,000-people runs.
    const warning = p.getByTestId("saturation-warning");
    // The run at the slider starts once the sweep's first curve is drawn (or after 20 s).
    await expect
      .poll(() => warning.getAttribute("data-saturated"), { timeout: 120_000 })
      .toBe("false");
    expect(Number(await warning.getAttribute("data-share"))).toBeLessThan(0.15);
    expect(await warning.isHidden()).toBe(true);
    expect(await p.getByTestId("summary-sentence").textContent()).not.toMatch(/bão hoà/);
    await p.close();
  });

  it("switches the language to English and back", async () => {
    const h1 = page.locator("h1");
    const vi = await h1.textContent();
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => h1.textContent()).not.toBe(vi);
    expect(await h1.textContent()).toMatch(/the more people install it/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(query(page).get("lang")).toBe("en");
    expect(await page.getByTestId("summary-sentence").textContent()).toMatch(
      /^At 60% adoption the app finds \d+% of an index case's true F1 contacts \(95% CI \d+%–\d+%\)/,
    );
    expect(await page.getByTestId("sweep-chart").locator("text").allTextContents()).toContain(
      "Adoption (% of the population)",
    );
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => h1.textContent()).toBe(vi);
  });

  it("jumps to a letter's preset, and presenter mode resets to the default", async () => {
    await page.locator('[data-preset="dak-nong-2020-08-13/target-0"]').click();
    await expect.poll(() => query(page).get("adoption")).toBe("0.432");
    expect(await page.getByTestId("adoption-slider").inputValue()).toBe("0.432");
    await page.getByTestId("presenter-toggle").click();
    expect(await page.locator("body").getAttribute("class")).toContain("presenter");
    expect(query(page).get("presenter")).toBe("1");
    expect(await page.locator(".advanced").isVisible()).toBe(false);
    await page.getByTestId("reset").click();
    await expect.poll(() => query(page).get("adoption")).toBe("0.1653");
    expect(query(page).get("presenter")).toBe("1");
    await page.getByTestId("presenter-toggle").click();
    expect(query(page).has("presenter")).toBe(false);
  });

  it("shows the matcher's live feed: an F0 confirmation as it happens", async () => {
    const panel = page.getByTestId("live-panel");
    await expect
      .poll(() => panel.getAttribute("data-status"), { timeout: 10_000 })
      .toBe("connected");
    const headers = { authorization: `Bearer ${demo.haToken}`, "content-type": "application/json" };
    const issued = await fetch(`${demo.url}v1/f0-codes`, {
      method: "POST",
      headers,
      body: JSON.stringify({ caseRef: "browser-test-1" }),
    });
    expect(issued.status).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    const phone = (await (await fetch(`${demo.url}v1/phones`, { method: "POST" })).json()) as {
      phoneId: string;
      secret: string;
    };
    const redeemed = await fetch(`${demo.url}v1/f0-codes/redeem`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Phone ${phone.secret}` },
      body: JSON.stringify({ code, phoneId: phone.phoneId }),
    });
    expect(redeemed.status).toBe(200);
    await expect.poll(() => panel.locator('[data-kind="f0"]').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => panel.locator("dd").first().textContent(), { timeout: 5_000 })
      .toBe("1");
  });

  it("fits a phone at 390×844: no horizontal scroll, chart text ≥ 11 px, on a screenshot", async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    watch(p);
    await p.goto(`${demo.url}?agents=2000&seeds=1`);
    const chart = p.getByTestId("sweep-chart");
    await expect
      .poll(() => chart.locator("[data-adoption]").count(), { timeout: 60_000 })
      .toBeGreaterThan(4);
    await expect.poll(() => p.getByTestId("district-table").count(), { timeout: 10_000 }).toBe(1);
    const widths = await p.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.body).toBeLessThanOrEqual(widths.viewport);
    const sizes = await chart.evaluate((svg: SVGSVGElement) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Array.from(svg.querySelectorAll("text"))
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => ({
          text: t.textContent,
          px: Number.parseFloat(getComputedStyle(t).fontSize) * scale,
        }));
    });
    expect(sizes.length).toBeGreaterThan(10);
    for (const s of sizes) expect(s.px, String(s.text)).toBeGreaterThanOrEqual(11);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = await p.screenshot({ path: `${ARTIFACTS}viewer-phone.png`, fullPage: true });
    // The full-page screenshot is exactly as wide as the phone: nothing sticks out.
    expect(shot.readUInt32BE(16)).toBe(390);
    await p.close();
  });

  it("keeps the live panel on screen in presenter mode on a projector (1366×768)", async () => {
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    watch(p);
    await p.goto(`${demo.url}?agents=2000&seeds=1&presenter=1`);
    expect(await p.locator("body").getAttribute("class")).toContain("presenter");
    expect(await p.getByTestId("live-panel").isVisible()).toBe(true);
    // The list may be empty (no events yet): shown, not hidden by presenter mode.
    expect(
      await p.getByTestId("live-events").evaluate((el) => getComputedStyle(el).display),
    ).not.toBe("none");
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = await p.screenshot({ path: `${ARTIFACTS}viewer-projector.png`, fullPage: true });
    expect(shot.readUInt32BE(16)).toBe(1366);
    await p.close();
  });

  it("reports bad settings in the URL and clamps them", async () => {
    const p = await browser.newPage();
    watch(p);
    await p.goto(`${demo.url}?adoption=2&seed=x&agents=1000&seeds=1`);
    const alert = p.getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/adoption=2/);
    expect(await p.getByTestId("adoption-slider").inputValue()).toBe("1");
    await p.close();
  });

  it("raised no page errors, console errors or failed requests", () => {
    expect(problems).toEqual([]);
  });
});
