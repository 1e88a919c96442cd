import {
  EVENTS,
  type F0CodeResponse,
  type F0RedeemResponse,
  getIdScheme,
  type Notification,
  notificationSchema,
  type PhoneHandshake,
  type PhoneRegistration,
  type UploadAck,
  type UploadBasis,
} from "@tracebed/protocol";
import { FLAG_APP, type Outbreak, type SimConfig, simulate } from "@tracebed/sim";
import { io, type Socket } from "socket.io-client";
import type { EmitEvent } from "./events.js";
import { postJson } from "./http.js";
import { Limiter } from "./limiter.js";
import { PhoneLogs } from "./phone-logs.js";
import { PhoneUploads } from "./phone-uploads.js";
import { type PushMatch, PushMatches } from "./push-matches.js";

/** What one fleet process does: its share of the phones, and the F0 among them. */
export interface FleetProcessOptions {
  config: SimConfig;
  urls: string[];
  haToken: string;
  /** F0 confirmed per second (all processes together). */
  f0Rate: number;
  proc: number;
  procs: number;
  /** Names this run's phones apart from other runs' (see phone-ids.ts). */
  runTag: string;
  windowDays?: number;
  /** Uploads in flight at once per process (default DEFAULT_UPLOAD_CONCURRENCY). */
  concurrency?: number;
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

/** Retries of an upload refused for a while (429, 503: the matcher's store away) or cut off. */
const UPLOAD_RETRIES = 8;

/** Which process holds phone p, and which matcher URL it talks to. */
const owner = (p: number, procs: number) => p % procs;

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
  const windowDays = o.windowDays ?? 14;
  const { engine, outbreak } = await simulate(o.config);
  const pop = engine.population;
  const agentsList: number[] = [];
  const phoneOfAgent = new Int32Array(pop.size).fill(-1);
  for (let i = 0; i < pop.size; i++) {
    if ((pop.flags[i]! & FLAG_APP) === 0) continue;
    phoneOfAgent[i] = agentsList.length;
    agentsList.push(i);
  }
  const agents = Int32Array.from(agentsList);
  const mine = (p: number) => owner(p, o.procs) === o.proc;
  // Each phone registers with the matcher it talks to, which issues its id and secret.
  const credentials = new Map<number, PhoneRegistration>();
  const phoneIdOf = (agent: number) => credentials.get(agent)!.phoneId;
  const authOf = (agent: number) => ({ authorization: `Phone ${credentials.get(agent)!.secret}` });
  const logs = PhoneLogs.build(engine, agents, phoneOfAgent, getIdScheme("bluezone"), mine);
  const uploads = new PhoneUploads(engine, logs, agents, outbreak.window, phoneIdOf);
  const urlOf = (p: number) => o.urls[Math.floor(p / o.procs) % o.urls.length]!;

  const sockets = new Map<number, Socket>();
  const uploadedFor = new Set<string>();

  // Uploads are idempotent, so a network failure is retried; at most `concurrency` at once.
  const limiter = new Limiter(o.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY);
  const upload = (p: number, basis: UploadBasis, tag: string) =>
    limiter.run(async () => {
      const url = urlOf(p);
      for (const kind of ["keys", "log"] as const) {
        const key = `${tag}-${kind}`;
        const body = kind === "keys" ? uploads.keys(p, basis, key) : uploads.log(p, basis, key);
        emit({ type: "sent", kind });
        // Retried: refused while the store is away (503), then stored once (idempotent).
        const ack = await postJson<UploadAck>(
          url,
          `/v1/uploads/${kind}`,
          body,
          authOf(agents[p]!),
          UPLOAD_RETRIES,
        );
        emit({ type: "acked", uploadId: ack.uploadId });
      }
    });

  const matches = new PushMatches(logs, windowDays, mine);
  const onPushes = (p: number) => (raw: unknown) => {
    if (!Array.isArray(raw)) {
      emit({ type: "error", message: `${EVENTS.keyPushes}: must be an array of key pushes` });
      return;
    }
    const matched: string[] = [];
    for (const item of raw) {
      let match: PushMatch;
      try {
        match = matches.arrived(item);
      } catch (err) {
        emit({ type: "error", message: `${EVENTS.keyPushes}: ${(err as Error).message}` });
        continue;
      }
      if (match.hits.has(p)) matched.push(match.indexId);
    }
    uploadExposure(p, matched);
  };
  // A phone uploads once per frame, naming every index person it matched there.
  const uploadExposure = (p: number, matched: string[]) => {
    const phoneId = phoneIdOf(agents[p]!);
    const indexIds = matched.filter((indexId) => !uploadedFor.has(`${indexId}-${phoneId}`));
    if (indexIds.length === 0) return;
    for (const indexId of indexIds) uploadedFor.add(`${indexId}-${phoneId}`);
    // Each index person is named in one upload of this phone: the first names it.
    upload(p, { kind: "exposure", indexIds }, `x-${indexIds[0]}`).catch((err: Error) =>
      emit({ type: "error", message: err.message }),
    );
  };
  const onNotification = (p: number) => (raw: unknown) => {
    const n = notificationSchema.safeParse(raw);
    if (!n.success) return;
    const note: Notification = n.data;
    emit({
      type: "notified",
      agent: agents[p]!,
      role: note.role,
      indexId: note.indexId,
      at: Date.now(),
    });
  };

  // Register and connect this process's phones. One that cannot connect fails the start, and
  // the others are let go (they would keep the process alive).
  const phones = agentsList.map((_, p) => p).filter(mine);
  const registering = new Limiter(o.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY);
  await Promise.all(
    phones.map((p) =>
      registering.run(async () => {
        const r = await postJson<PhoneRegistration>(urlOf(p), "/v1/phones", {}, {}, 3);
        credentials.set(agents[p]!, r);
      }),
    ),
  );
  const connecting = Promise.all(
    phones.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          const url = urlOf(p);
          const s = io(url, {
            transports: ["websocket"],
            auth: {
              phoneId: phoneIdOf(agents[p]!),
              secret: credentials.get(agents[p]!)!.secret,
            } satisfies PhoneHandshake,
            reconnection: false,
          });
          sockets.set(p, s);
          s.on(EVENTS.keyPushes, onPushes(p));
          s.on(EVENTS.notification, onNotification(p));
          s.once(EVENTS.ready, () => resolve());
          s.once("connect_error", (err) => reject(new Error(`${url}: ${err.message}`)));
          s.on("disconnect", (reason) => {
            if (reason !== "io client disconnect")
              emit({ type: "error", message: `${url}: phone disconnected (${reason})` });
          });
        }),
    ),
  );
  try {
    await connecting;
  } catch (err) {
    for (const s of sockets.values()) s.disconnect();
    throw err;
  }
  emit({ type: "ready", phones: phones.length, sightings: logs.size });

  return {
    async confirmF0(startedAt: number) {
      const f0 = f0Phones(outbreak, phoneOfAgent);
      await Promise.all(
        f0.map(async (p, k) => {
          if (!mine(p)) return;
          const due = startedAt + (k / o.f0Rate) * 1000;
          await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
          const url = urlOf(p);
          const agent = agents[p]!;
          const code = await postJson<F0CodeResponse>(
            url,
            "/v1/f0-codes",
            { caseRef: `${o.runTag}-case-${agent}`, confirmedAt: outbreak.window.end },
            { authorization: `Bearer ${o.haToken}` },
          );
          const redeemed = await postJson<F0RedeemResponse>(
            url,
            "/v1/f0-codes/redeem",
            { code: code.code, phoneId: phoneIdOf(agent) },
            authOf(agent),
          );
          emit({ type: "confirmed", agent, indexId: redeemed.indexId, at: Date.now() });
          await upload(
            p,
            { kind: "f0", uploadToken: redeemed.uploadToken },
            `f0-${redeemed.indexId}`,
          );
        }),
      );
      emit({ type: "f0-done" });
    },
    async close() {
      for (const s of sockets.values()) s.disconnect();
    },
  };
}

/** The F0 with a phone, as phone indices, in the oracle's order. */
export function f0Phones(outbreak: Outbreak, phoneOfAgent: Int32Array): number[] {
  return outbreak.sets.f0.map((a) => phoneOfAgent[a]!).filter((p) => p >= 0);
}
