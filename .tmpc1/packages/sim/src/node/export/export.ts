import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getIdScheme, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import {
  appUserFlags,
  FLAG_IOS,
  forEachSightingOfDay,
  phoneDailyKeys,
  phoneIdOf,
  phoneKeyDay,
  regionOf,
  type SimConfig,
  type SimRun,
  type SimulateOptions,
  simulate,
} from "../../core/index.js";
import { ChunkedFile } from "./chunked-file.js";
import { DayIdTables } from "./day-id-tables.js";
import { DaySightingsColumns } from "./day-sightings-columns.js";
import { LogLines } from "./log-lines.js";
import { NdjsonWriter } from "./ndjson-writer.js";
import { timeOrder } from "./time-order.js";

export interface ExportOptions {
  /** How days are scanned (worker threads: `workerScanner`); inline by default. */
  scanner?: SimulateOptions["scanner"];
  /** The simulation's phases, then "logs" day by day. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ExportSummary {
  phones: number;
  sightings: number;
  files: string[];
}

const SECONDS_PER_DAY = 86_400;

/**
 * A run's phones, keys and logs as NDJSON for other tools (the k6 scripts, another matcher):
 * phones.ndjson, keys.ndjson, logs.ndjson, and run.json with the oracle's verdicts (the F0 and
 * the phones the app should notify). Logs stream day by day with bounded memory.
 */
export async function exportRun(
  config: SimConfig,
  outDir: string,
  header: Record<string, unknown>,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  mkdirSync(outDir, { recursive: true });
  const { scanner, onProgress } = options;
  const run: SimRun = await simulate(config, {
    ...(scanner ? { scanner } : {}),
    onProgress: (p, d, t) => onProgress?.(p, d, t),
  });
  const { engine, outbreak, result } = run;
  const pop = engine.population;
  const scheme = getIdScheme("bluezone");
  const lastUnixDay = Math.floor((outbreak.window.end - 1) / SECONDS_PER_DAY);
  const files = ["phones.ndjson", "keys.ndjson", "logs.ndjson", "run.json"].map((f) =>
    join(outDir, f),
  );

  const phones = new NdjsonWriter(files[0]!);
  const keys = new NdjsonWriter(files[1]!);
  const f0 = new Set(outbreak.sets.f0);
  const appFlags = appUserFlags(engine);
  for (let i = 0; i < pop.size; i++) {
    if (appFlags[i] === 0) continue;
    const phoneId = phoneIdOf(i);
    await phones.write({
      phoneId,
      agent: i,
      region: config.regions[regionOf(pop, i)]!.id,
      ageBand: config.ageBands[pop.ageBand[i]!]!.id,
      platform: pop.flags[i]! & FLAG_IOS ? "ios" : "android",
      installUnixDay: phoneKeyDay(engine, i),
      groups: config.groups.filter((_, g) => (pop.groups[i]! & (1 << g)) !== 0).map((g) => g.id),
      f0: f0.has(i),
    });
    await keys.write({
      phoneId,
      scheme: scheme.name,
      keys: phoneDailyKeys(engine, i, lastUnixDay, scheme, nodeCrypto).map((k) => ({
        unixDay: k.unixDay,
        key: toHex(k.key),
      })),
    });
  }
  await phones.close();
  await keys.close();

  const logs = new ChunkedFile(files[2]!);
  const lines = new LogLines(logs, new DayIdTables(engine, scheme, nodeCrypto));
  const day = new DaySightingsColumns();
  const end = outbreak.window.end;
  let sightings = 0;
  for (let d = 0; d < config.days; d++) {
    day.clear();
    forEachSightingOfDay(engine, d, appFlags, (scanner, advertiser, t, rssi, txPower) => {
      if (t >= end) return;
      day.push(scanner, advertiser, t, rssi, txPower);
    });
    // One day's sightings, in time order within the day (ties in the simulator's order).
    await lines.write(day, timeOrder(day.t, day.length));
    sightings += day.length;
    onProgress?.("logs", d + 1, config.days);
  }
  await logs.close();

  const ids = (s: Iterable<number>) => [...s].sort((x, y) => x - y).map(phoneIdOf);
  writeFileSync(
    files[3]!,
    `${JSON.stringify(
      {
        ...header,
        window: outbreak.window,
        f0: ids(outbreak.sets.f0.filter((i) => appFlags[i] === 1)),
        f0WithoutApp: outbreak.sets.f0.filter((i) => appFlags[i] === 0).length,
        expected: { f1: ids(outbreak.sets.notifiedF1), f2: ids(outbreak.sets.notifiedF2) },
        result,
      },
      null,
      2,
    )}\n`,
  );
  return { phones: phones.lines, sightings, files };
}
