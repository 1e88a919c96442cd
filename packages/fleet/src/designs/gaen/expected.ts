import { type Engine, gaenOracle, type Outbreak } from "@tracebed/sim";
import type { FleetEvent } from "../../events.js";
import { phonesOf } from "../../fleet-phones.js";
import type { IndexLinks } from "../../index-links.js";
import { gaenIndexId } from "./gaen-process.js";
import type { GaenFleetOptions } from "./options.js";

const DAY = 86_400;

/**
 * The GAEN design's oracle for a load run starting at `startedAt` (unix seconds): the F0 with
 * a phone upload the keys of the window's UTC days; a key is published once its day has
 * ended, so a day still running when the run starts is published after the run.
 */
export function gaenExpected(
  engine: Engine,
  outbreak: Outbreak,
  g: GaenFleetOptions,
  startedAt: number,
): { f1: ReadonlySet<number>; f2: ReadonlySet<number> } {
  const { phoneOfAgent } = phonesOf(engine.population);
  const verdict = gaenOracle(engine, {
    f0: outbreak.sets.f0.filter((a) => phoneOfAgent[a]! >= 0),
    firstDay: Math.floor(outbreak.window.start / DAY),
    lastDay: Math.floor((outbreak.window.end - 1) / DAY),
    publishedBy: Math.floor(startedAt / DAY) * DAY,
    exposure: g.exposure,
    f1UploadShare: g.f1UploadShare,
  });
  return { f1: verdict.f1, f2: verdict.f2 };
}

/**
 * Which index each F2 was found through, from the phones' own notifications (GAEN phones are
 * told no index: the fleet labels each key by the agent that uploaded it, for timing only).
 */
export function gaenLinks(): IndexLinks & { add(e: FleetEvent): void } {
  const foundThrough = new Map<string, string>();
  return {
    foundThrough,
    add(e) {
      if (e.type !== "notified" || e.role !== "F1") return;
      const own = gaenIndexId(e.agent);
      if (!foundThrough.has(own)) foundThrough.set(own, e.indexId);
    },
    close() {},
  };
}
