import { describe, expect, it } from "vitest";
import { graphCounts, graphFrom } from "../src/network/graph.js";
import { createForceLayout } from "../src/network/layout.js";
import { fitTransform } from "../src/network/view.js";

const star = () => {
  const nodes = [
    { role: 0 as const, app: true },
    ...Array.from({ length: 10 }, (_, i) => ({ role: 1 as const, app: i % 2 === 0 })),
    ...Array.from({ length: 30 }, () => ({ role: 2 as const, app: false })),
  ];
  const edges = [
    ...Array.from({ length: 10 }, (_, i) => ({ source: 0, target: 1 + i, detected: i % 2 === 0 })),
    ...Array.from({ length: 30 }, (_, i) => ({
      source: 1 + (i % 10),
      target: 11 + i,
      detected: false,
    })),
  ];
  return graphFrom(nodes, edges);
};

describe("network layout", () => {
  it("counts roles and detected edges", () => {
    expect(graphCounts(star())).toEqual({ f0: 1, f1: 10, f2: 30, edges: 40, detected: 5 });
  });

  it("lays out deterministically, F1 nearer their F0 than F2", () => {
    const g = star();
    const run = () => {
      const l = createForceLayout(g.role, g.source, g.target, 200);
      while (l.step(10));
      return l.positions();
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.every(Number.isFinite)).toBe(true);
    const d = (i: number) => Math.hypot(a[2 * i]! - a[0]!, a[2 * i + 1]! - a[1]!);
    const meanF1 = Array.from({ length: 10 }, (_, i) => d(1 + i)).reduce((x, y) => x + y) / 10;
    const meanF2 = Array.from({ length: 30 }, (_, i) => d(11 + i)).reduce((x, y) => x + y) / 30;
    expect(meanF1).toBeLessThan(meanF2);
  });

  it("fits positions into the canvas", () => {
    const xy = Float32Array.from([-50, -10, 50, 10]);
    const { k, tx, ty } = fitTransform(xy, 220, 100, 10);
    expect(k).toBeCloseTo(2);
    expect(tx + k * -50).toBeCloseTo(10);
    expect(ty + k * 0).toBeCloseTo(50);
  });
});
