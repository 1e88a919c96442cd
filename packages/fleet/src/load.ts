import { fork } from "node:child_process";
import { appendFileSync } from "node:fs";
import type { DesignName } from "@tracebed/protocol";
import {
  blueTraceExpected,
  decisionParams,
  endingAt,
  type SimConfig,
  simulate,
} from "@tracebed/sim";
import { CalibrationError, checkCalibration } from "./calibration.js";
import { gaenExpected, gaenLinks } from "./designs/gaen/expected.js";
import { DEFAULT_GAEN_FLEET, type GaenFleetOptions } from "./designs/gaen/options.js";
import { startDesignProcess } from "./designs/index.js";
import type { FleetEvent } from "./events.js";
import type { FleetProcessOptions } from "./fleet-process.js";
import { watchIndexLinks } from "./index-links.js";
import { newRunTag } from "./phone-ids.js";
import { type LoadSummary, SummaryBuilder } from "./summary.js";

export interface LoadOptions {
  config: SimConfig;
  urls: string[];
  haToken: string;
  f0Rate: number;
  procs: number;
  /** Uploads in flight at once per fleet process. */
  uploadConcurrency?: number;
  ackedFile?: string;
  /** Stop once nothing happened for this long after the last F0 was uploaded. */
  quietMs?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
  onEvent?: (e: FleetEvent) => void;
  /** Stops waiting (and closes the phones) when aborted. */
  signal?: AbortSignal;
  /** Awaited once every phone is connected, before the first F0 is confirmed (a reading). */
  beforeF0?: () => Promise<void>;
  /** The design the phones follow and the matchers serve (default bluezone). */
  design?: DesignName;
  gaen?: GaenFleetOptions;
}

export interface LoadResult {
  summary: LoadSummary;
  /** False when a server failed during the run (errors in the summary). */
  ok: boolean;
}

interface Worker {
  confirmF0(startedAt: number): void;
  close(): Promise<void>;
}

/** One fleet process in this process. */
async function local(o: FleetProcessOptions, emit: (e: FleetEvent) => void): Promise<Worker> {
  const p = await startDesignProcess(o, emit);
  return {
    confirmF0: (t) => {
      p.confirmF0(t).catch((err: Error) => {
        emit({ type: "error", message: err.message });
        emit({ type: "f0-done" });
      });
    },
    close: () => p.close(),
  };
}

/** One fleet process as a child process (its own 20,000 open files). */
function child(o: FleetProcessOptions, emit: (e: FleetEvent) => void): Promise<Worker> {
  // Structured clone, not JSON: the config holds Infinity (the open age band).
  const c = fork(new URL("./child.js", import.meta.url), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  return new Promise((resolve, reject) => {
    c.on("message", (m: FleetEvent | { type: "started" }) => {
      if (m.type === "started") {
        resolve({
          confirmF0: (t) => c.send({ type: "confirm", startedAt: t }),
          close: () =>
            new Promise<void>((done) => {
              c.once("exit", () => done());
              c.send({ type: "close" });
            }),
        });
      } else emit(m);
    });
    c.once("exit", (code) => {
      if (code !== 0)
        emit({ type: "error", message: `fleet process ${o.proc} exited with ${code}` });
      reject(new Error(`fleet process ${o.proc} exited with ${code}`));
    });
    c.send({ type: "start", options: o });
  });
}

/**
 * A load run: the sim run mapped onto the present (its last day ends now), its phones spread
 * over `procs` processes and the matcher URLs, the F0 confirmed at `f0Rate` per second; then
 * every notification is compared with the oracle's app-notified sets.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  // Phones and matcher must judge alike, or missing F1 would say nothing about the matcher.
  const design = o.design ?? "bluezone";
  const gaen = o.gaen ?? DEFAULT_GAEN_FLEET;
  if (design === "bluetrace" && (o.procs !== 1 || o.urls.length !== 1)) {
    // Its phones log each other's TempIDs: one process holds them all.
    throw new CalibrationError(`design ${design}: runs with --procs 1 and one --url`);
  }
  await checkCalibration(o.urls, decisionParams(o.config), design);
  const started = Date.now();
  const runTag = newRunTag(started);
  const config = endingAt(o.config, Math.floor(started / 1000));
  const { engine, outbreak } = await simulate(config);
  const { sets } = outbreak;
  // Each design's oracle (Bluezone's is the simulator's app-notified sets), and the truth.
  const bt =
    design === "bluetrace" ? blueTraceExpected(engine, outbreak, decisionParams(config)) : null;
  const designSets =
    design === "gaen"
      ? gaenExpected(engine, outbreak, gaen, Math.floor(started / 1000))
      : bt !== null
        ? { f1: new Set(bt.f1.keys()), f2: bt.f2 }
        : { f1: sets.notifiedF1, f2: sets.notifiedF2 };
  const expected = { ...designSets, trueF1: sets.trueF1, trueF2: sets.trueF2 };
  const gaenTies = design === "gaen" ? gaenLinks() : null;
  const summary = new SummaryBuilder();
  let lastEvent = Date.now();
  let f0Done = 0;
  const emit = (e: FleetEvent) => {
    lastEvent = Date.now();
    if (e.type === "f0-done") f0Done++;
    if (e.type === "acked" && o.ackedFile) appendFileSync(o.ackedFile, `${e.uploadId}\n`);
    gaenTies?.add(e);
    summary.add(e);
    o.onEvent?.(e);
  };
  const options = (proc: number): FleetProcessOptions => ({
    config,
    urls: o.urls,
    haToken: o.haToken,
    f0Rate: o.f0Rate,
    proc,
    procs: o.procs,
    runTag,
    design,
    gaen,
    ...(o.uploadConcurrency === undefined ? {} : { concurrency: o.uploadConcurrency }),
  });
  const workers: Worker[] = [];
  try {
    for (let proc = 0; proc < o.procs; proc++) {
      workers.push(await (o.procs === 1 ? local(options(proc), emit) : child(options(proc), emit)));
    }
  } catch (err) {
    emit({ type: "error", message: (err as Error).message });
    await Promise.all(workers.map((w) => w.close()));
    return { summary: summary.build(expected, (Date.now() - started) / 1000), ok: false };
  }
  // Without a live feed (another matcher under test) F2 latency is left out, nothing else.
  const links = gaenTies ?? (await watchIndexLinks(o.urls[0]!, o.haToken).catch(() => null));
  await o.beforeF0?.();
  const t0 = Date.now();
  for (const w of workers) w.confirmF0(t0);
  const quiet = o.quietMs ?? 3_000;
  const deadline = Date.now() + (o.timeoutMs ?? 600_000);
  while (
    !o.signal?.aborted &&
    Date.now() < deadline &&
    !(f0Done === workers.length && Date.now() - lastEvent > quiet)
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(workers.map((w) => w.close()));
  links?.close();
  const s = summary.build(expected, (Date.now() - started) / 1000, links?.foundThrough);
  return { summary: s, ok: s.errors.length === 0 };
}
