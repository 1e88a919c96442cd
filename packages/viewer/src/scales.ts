import { clampAdoption, LIMITS, roundShare } from "./url-state.js";

/** A point of a line: adoption x (share of the population) against a share y. */
export interface XY {
  x: number;
  y: number;
}

/**
 * The adoption slider's keyboard: arrows move 1% (Shift: 10%), Page Up/Down 10%, Home/End to
 * the ends; a value between steps (a preset, 16.53%) moves to the next whole step first.
 * Returns undefined for keys the slider does not take.
 */
export function stepAdoption(value: number, key: string, shift = false): number | undefined {
  const big = 0.1;
  const small = 0.01;
  const up = (step: number) =>
    clampAdoption(roundShare((Math.floor(value / step + 1e-9) + 1) * step));
  const down = (step: number) =>
    clampAdoption(roundShare((Math.ceil(value / step - 1e-9) - 1) * step));
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      return up(shift ? big : small);
    case "ArrowLeft":
    case "ArrowDown":
      return down(shift ? big : small);
    case "PageUp":
      return up(big);
    case "PageDown":
      return down(big);
    case "Home":
      return LIMITS.adoption.min;
    case "End":
      return LIMITS.adoption.max;
    default:
      return undefined;
  }
}

/**
 * Linear interpolation of y at x along points sorted by x (NaN y skipped); undefined outside
 * the points' range or with fewer than one point.
 */
export function interpolate(points: readonly XY[], x: number): number | undefined {
  const ps = points.filter((p) => Number.isFinite(p.y));
  if (ps.length === 0) return undefined;
  if (ps.length === 1) return Math.abs(ps[0]!.x - x) < 1e-9 ? ps[0]!.y : undefined;
  if (x < ps[0]!.x - 1e-9 || x > ps[ps.length - 1]!.x + 1e-9) return undefined;
  for (let i = 1; i < ps.length; i++) {
    const a = ps[i - 1]!;
    const b = ps[i]!;
    if (x <= b.x + 1e-12) {
      if (b.x === a.x) return b.y;
      return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return ps[ps.length - 1]!.y;
}

/** y = x^power sampled at n + 1 evenly spaced x from `from` to `to` (the a², a³ lines). */
export function powerCurve(power: number, from = 0, to = 1, n = 100): XY[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = from + ((to - from) * i) / n;
    return { x, y: x ** power };
  });
}

/** Tick values for a share axis from 0 to `max`, every `step`. */
export function shareTicks(max = 1, step = 0.1): number[] {
  const n = Math.round(max / step);
  return Array.from({ length: n + 1 }, (_, i) => roundShare(i * step));
}

/** Whether sweep points span at least [from, to] (the viewer must cover 8% → 60%). */
export function spans(xs: readonly number[], from: number, to: number): boolean {
  return xs.some((x) => x <= from + 1e-9) && xs.some((x) => x >= to - 1e-9);
}
