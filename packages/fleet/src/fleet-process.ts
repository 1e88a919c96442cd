import { type DesignName, getIdScheme, type UploadBasis } from "@tracebed/protocol";
import { type SimConfig, simulate } from "@tracebed/sim";
import { confirmF0s } from "./confirm-f0.js";
import { connectPhones, type PhoneListeners } from "./connect-phones.js";
import { registerPhones } from "./credentials.js";
import type { GaenFleetOptions } from "./designs/gaen/options.js";
import type { EmitEvent } from "./events.js";
import { ExposureLedger, matchedIndexIds, notifiedEvent } from "./exposures.js";
import { f0Phones, phonesOf } from "./fleet-phones.js";
import { PhoneLogs } from "./phone-logs.js";
import { PhoneUploads } from "./phone-uploads.js";
import { PushMatches } from "./push-matches.js";
import { shardOf } from "./shard.js";
import { type Upload, uploader } from "./uploader.js";

/** What one fleet process does: its share of the phones, and the F0 among them. */
export interface FleetProcessOptions {
  config: SimConfig;
  urls: string[];
  haToken: string;
  /** F0 confirmed per second (all processes together). */
  f0Rate: number;
  proc: number;
  procs: number;
  /** Names this run's phones apart from other runs' (see phone-ids.ts: it names its F0 cases). */
  runTag: string;
  windowDays?: number;
  /** Uploads in flight at once per process (default DEFAULT_UPLOAD_CONCURRENCY). */
  concurrency?: number;
  /** The design the phones follow (default bluezone); see designs/index.ts. */
  design?: DesignName;
  gaen?: GaenFleetOptions;
}

export interface FleetProcess {
  /** Confirms this process's F0 at the run's rate; resolves when all are uploaded. */
  confirmF0(startedAt: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Real phones upload independently; the cap only spares the fleet process. Set low, the
 * uploads of one push's candidates queue behind another push's and the latency measured is
 * the fleet's, not the matcher's.
 */
export const DEFAULT_UPLOAD_CONCURRENCY = 256;

/**
 * Starts one fleet process: simulates the run (deterministic, so every process sees the same
 * population), keeps the logs of its own phones, connects them over Socket.IO, and does the
 * phone's side of the Bluezone flow: on each key push, the phones with a hit upload their
 * keys and log; notifications are reported as they arrive.
 */
export async function startFleetProcess(
  o: FleetProcessOptions,
  emit: EmitEvent,
): Promise<FleetProcess> {
  const { engine, outbreak } = await simulate(o.config);
  const { agents, phoneOfAgent } = phonesOf(engine.population);
  const { mine, urlOf } = shardOf(o.proc, o.procs, o.urls);
  const concurrency = o.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY;
  const phones = Array.from(agents, (_, p) => p).filter(mine);
  // Each phone registers with the matcher it talks to, which issues its id and secret.
  const credentials = await registerPhones(phones, agents, urlOf, concurrency);
  const { phoneIdOf, authOf } = credentials;
  const logs = PhoneLogs.build(engine, agents, phoneOfAgent, getIdScheme("bluezone"), mine);
  const uploads = new PhoneUploads(engine, logs, agents, outbreak.window, phoneIdOf);
  const upload = uploader(uploads, urlOf, (p) => authOf(agents[p]!), concurrency, emit);
  const matches = new PushMatches(logs, o.windowDays ?? 14, mine);

  const listeners = phoneListeners(matches, agents, phoneIdOf, upload, emit);
  const sockets = await connectPhones(
    phones,
    urlOf,
    (p) => ({ phoneId: phoneIdOf(agents[p]!), secret: credentials.secretOf(agents[p]!) }),
    listeners,
    emit,
  );
  emit({ type: "ready", phones: phones.length, sightings: logs.size });

  return {
    async confirmF0(startedAt: number) {
      const f0 = f0Phones(outbreak, phoneOfAgent);
      const { haToken, runTag, f0Rate } = o;
      const confirmedAt = outbreak.window.end;
      await confirmF0s(
        {
          f0,
          agents,
          mine,
          urlOf,
          phoneIdOf,
          authOf,
          f0Rate,
          haToken,
          runTag,
          confirmedAt,
          upload,
          emit,
        },
        startedAt,
      );
      emit({ type: "f0-done" });
    },
    async close() {
      for (const s of sockets.values()) s.disconnect();
    },
  };
}

/**
 * A phone's side of the flow: on a frame of key pushes it uploads once, naming every index
 * person it matched there for the first time; a notification becomes the run's event.
 */
function phoneListeners(
  matches: PushMatches,
  agents: Int32Array,
  phoneIdOf: (agent: number) => string,
  upload: Upload,
  emit: EmitEvent,
): PhoneListeners {
  const ledger = new ExposureLedger();
  return {
    onPushes: (p) => (raw) => {
      const matched = matchedIndexIds(raw, p, matches, emit);
      const indexIds = ledger.firstNamed(phoneIdOf(agents[p]!), matched);
      if (indexIds.length === 0) return;
      const basis: UploadBasis = { kind: "exposure", indexIds };
      upload(p, basis, `x-${indexIds[0]}`).catch((err: Error) =>
        emit({ type: "error", message: err.message }),
      );
    },
    onNotification: (p) => (raw) => {
      const event = notifiedEvent(raw, agents[p]!, Date.now());
      if (event !== null) emit(event);
    },
  };
}
