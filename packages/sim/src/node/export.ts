import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getIdScheme, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import {
  appUserFlags,
  FLAG_IOS,
  forEachSightingOfDay,
  IdsAtTime,
  phoneDailyKeys,
  phoneIdOf,
  phoneKeyDay,
  regionOf,
  type SimConfig,
  type SimRun,
  simulate,
} from "../core/index.js";
import { NdjsonWriter } from "./ndjson-writer.js";

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
  onProgress?: (phase: string, done: number, total: number) => void,
): Promise<ExportSummary> {
  mkdirSync(outDir, { recursive: true });
  const run: SimRun = await simulate(config, { onProgress: (p, d, t) => onProgress?.(p, d, t) });
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

  const logs = new NdjsonWriter(files[2]!);
  const idsAt = new IdsAtTime(engine, scheme, nodeCrypto);
  const idOf = (agent: number, t: number) => toHex(idsAt.idAt(agent, t));
  for (let d = 0; d < config.days; d++) {
    const lines: { timestamp: number }[] = [];
    forEachSightingOfDay(engine, d, appFlags, (scanner, advertiser, t, rssi, txPower) => {
      if (t >= outbreak.window.end) return;
      lines.push({
        phoneId: phoneIdOf(scanner),
        ownId: idOf(scanner, t),
        contactId: idOf(advertiser, t),
        rssi,
        txPower,
        timestamp: t,
      } as { timestamp: number });
    });
    // One day's sightings, in time order within the day.
    lines.sort((x, y) => x.timestamp - y.timestamp);
    for (const line of lines) await logs.write(line);
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
  return { phones: phones.lines, sightings: logs.lines, files };
}
