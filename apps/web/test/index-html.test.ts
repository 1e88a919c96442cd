import { readFileSync } from "node:fs";
import { STRINGS, type StringKey } from "@tracebed/viewer";
import { describe, expect, it } from "vitest";

const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");
const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

describe("index.html", () => {
  it("shows the Vietnamese words before the script runs, exactly as i18n.ts has them", () => {
    const found = [...html.matchAll(/<(\w+)[^>]*?data-i18n="([\w.]+)"[^>]*>([^<]*)<\/\1>/g)];
    expect(found.length).toBeGreaterThan(30);
    for (const [, , key, text] of found) {
      expect(STRINGS.vi[key as StringKey], key).toBeDefined();
      expect(decodeHtml(text!), key).toBe(STRINGS.vi[key as StringKey]);
    }
  });

  it("has the elements the browser tests and the demo rely on", () => {
    for (const id of [
      "adoption-slider",
      "sweep-status",
      "network-canvas",
      "export-csv",
      "export-png",
      "export-svg",
      "lang-switch",
      "presenter-toggle",
      "reset",
      "live-panel",
      "live-events",
      "summary-sentence",
      "card-f1",
      "card-f2",
      "card-beyond-manual",
      "scenario-select",
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html).toMatch(/<select id="scenario" data-testid="scenario-select">/);
    expect(html).toMatch(/<meta name="tracebed-live" content="" \/>/);
    expect(html).toMatch(/<html lang="vi">/);
    // Works offline: nothing loaded from another host.
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });
});
