import { describe, expect, test } from "vitest";
import { tornadoSvg } from "../src/commands/calibrate-tornado.js";

interface Element {
  name: string;
  attrs: Record<string, string>;
}

/** A strict little XML reader: every tag closes in order; returns the elements in order. */
function parseSvg(svg: string): Element[] {
  const out: Element[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let pos = 0;
  for (let m = tag.exec(svg); m !== null; m = tag.exec(svg)) {
    // Text between tags must not hold a stray "<" or an unescaped "&".
    const text = svg.slice(pos, m.index);
    expect(text).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;)/);
    pos = m.index + m[0].length;
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push({ name: name!, attrs });
    if (!selfClosing) stack.push(name!);
  }
  expect(svg.slice(pos).trim()).toBe("");
  expect(stack).toEqual([]);
  return out;
}

const rows = [
  { parameter: "activeShare", low: 0.2, high: 0.76, atLow: 0.4, atHigh: 3.1 },
  { parameter: "transit <attenuation> & co", low: 0.5, high: 2, atLow: 2, atHigh: 0.1 },
  { parameter: "manualRecallKnown", low: 0.75, high: 1.25, atLow: 1.3, atHigh: 0.9 },
];

describe("tornado chart", () => {
  const svg = tornadoSvg({
    title: "beyond manual per F0",
    axisLabel: "per app-using F0",
    base: 1.1,
    reference: { value: 4.8, label: "Ministry 4.8" },
    rows,
  });
  const els = parseSvg(svg);

  test("is well-formed SVG with one bar per row, widest swing first", () => {
    expect(els[0]!.name).toBe("svg");
    const bars = els.filter((e) => e.name === "rect" && e.attrs.class === "bar");
    expect(bars).toHaveLength(rows.length);
    expect(bars.map((b) => b.attrs["data-parameter"])).toEqual([
      "activeShare",
      "transit &lt;attenuation&gt; &amp; co",
      "manualRecallKnown",
    ]);
    const widths = bars.map((b) => Number(b.attrs.width));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });

  test("bars span atLow..atHigh on the same scale as the base and the Ministry's lines", () => {
    const line = (cls: string) => Number(els.find((e) => e.attrs.class === cls)!.attrs.x1);
    const base = line("base");
    const ministry = line("reference");
    const perUnit = (ministry - base) / (4.8 - 1.1);
    expect(perUnit).toBeGreaterThan(0);
    const bars = els.filter((e) => e.attrs.class === "bar");
    const first = bars[0]!;
    expect(Number(first.attrs.width) / perUnit).toBeCloseTo(3.1 - 0.4, 1);
    expect((Number(first.attrs.x) - base) / perUnit).toBeCloseTo(0.4 - 1.1, 1);
  });
});
