import type { SimConfig } from "./config.js";
import { draw } from "./distributions.js";
import { grown } from "./grown.js";
import { hash2, hash3, unit } from "./rng.js";

export const SECONDS_PER_DAY = 86_400;

/** Contacts kept from a scan, as parallel arrays (layer, a, b, k); the day is the scan's. */
export class ContactRecords {
  layer: Uint8Array;
  a: Uint32Array;
  b: Uint32Array;
  k: Uint32Array;
  length = 0;

  constructor(capacity = 256) {
    this.layer = new Uint8Array(capacity);
    this.a = new Uint32Array(capacity);
    this.b = new Uint32Array(capacity);
    this.k = new Uint32Array(capacity);
  }

  push(layer: number, a: number, b: number, k: number): void {
    if (this.length === this.a.length) this.grow();
    const i = this.length++;
    this.layer[i] = layer;
    this.a[i] = a;
    this.b[i] = b;
    this.k[i] = k;
  }

  private grow(): void {
    const n = this.a.length * 2;
    this.layer = grown(this.layer, n);
    this.a = grown(this.a, n);
    this.b = grown(this.b, n);
    this.k = grown(this.k, n);
  }
}

/** When and how close a contact was: exact seconds from `start`, at one distance. */
export interface ContactShape {
  /** Unix seconds at which the meeting starts. */
  start: number;
  /** How long it lasts, whole seconds (≥ 1): the truth counts these, not scan periods. */
  seconds: number;
  distanceMeters: number;
}

/** Unix seconds at which simulated day `day` starts (local midnight). */
export function dayStartSeconds(config: SimConfig, day: number): number {
  return (config.startUnixDay + day) * SECONDS_PER_DAY - config.utcOffsetHours * 3600;
}

/**
 * The UTC day (days since 1970-01-01) that stands for simulated day `day` in the decision
 * rules, which count per UTC day: the one holding the day's local noon (for Viet Nam, UTC+7,
 * the UTC day from 07:00 to 24:00 local). A notified F1's window starts at its midnight.
 */
export function decisionDayOf(config: SimConfig, day: number): number {
  return Math.floor((dayStartSeconds(config, day) + SECONDS_PER_DAY / 2) / SECONDS_PER_DAY);
}

/**
 * Where a perfect radio logs day `day`'s close periods: the part of the local day inside its
 * decision day ([start, end) unix seconds), so each simulated day's close time is judged on
 * one UTC day and two simulated days never share one.
 */
export function idealSpan(config: SimConfig, day: number): [number, number] {
  const u = decisionDayOf(config, day) * SECONDS_PER_DAY;
  return [
    Math.max(dayStartSeconds(config, day), u),
    Math.min(dayStartSeconds(config, day + 1), u + SECONDS_PER_DAY),
  ];
}

/**
 * The shape of a contact, a pure function of (run, layer, day, pair) whichever way round the
 * pair is given: the engine recomputes it wherever it is needed instead of storing it.
 */
export function contactShape(
  config: SimConfig,
  layerSeed: number,
  layerIndex: number,
  day: number,
  a: number,
  b: number,
  k: number,
): ContactShape {
  const layer = config.layers[layerIndex]!;
  // Symmetric in the pair: either side asks for the same contact.
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const h = hash3(hash2(layerSeed, day), k, lo ^ Math.imul(hi, 0x9e3779b1));
  const h2 = hash2(h, 1);
  const h3 = hash2(h, 2);
  const h4 = hash2(h, 3);
  const minutes = draw(layer.durationMinutes, h, h2);
  // Uniform in [from, to) hours, as `draw` of a uniform distribution (no object per call).
  const from = layer.hours[0];
  const startHour = from + unit(h3) * (layer.hours[1] - from);
  return {
    start: Math.floor(dayStartSeconds(config, day) + startHour * 3600),
    seconds: Math.max(1, Math.round(minutes * 60)),
    distanceMeters: draw(layer.distanceMeters, h4, hash2(h, 4)),
  };
}
