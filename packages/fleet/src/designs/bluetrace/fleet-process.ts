import type { bluetrace, UploadBasis } from "@tracebed/protocol";
import { simulate } from "@tracebed/sim";
import { confirmF0s } from "../../confirm-f0.js";
import { connectPhones } from "../../connect-phones.js";
import { registerPhones } from "../../credentials.js";
import type { EmitEvent } from "../../events.js";
import { notifiedEvent } from "../../exposures.js";
import { f0Phones, phonesOf } from "../../fleet-phones.js";
import type { FleetProcess, FleetProcessOptions } from "../../fleet-process.js";
import { DEFAULT_UPLOAD_CONCURRENCY } from "../../fleet-process.js";
import { postJson } from "../../http.js";
import { Limiter } from "../../limiter.js";
import { FleetSightings } from "./sightings.js";
import { FleetTempIds } from "./tempids.js";

/** Retries of an upload refused for a while (429, 503) or cut off: it is idempotent. */
const UPLOAD_RETRIES = 8;

/**
 * The phones of BlueTrace's flow in one process (all the run's phones: a phone logs its
 * neighbours' TempIDs, so the process holds every phone's): each registers and fetches its
 * TempIDs for the run's days, connects, and logs what it heard; a confirmed F0 uploads its log
 * with its code's upload token; a phone notified as F1 fetches the health authority's request
 * for its log and uploads it (the stated behaviour: every F1 is asked, and agrees).
 */
export async function startBlueTraceFleetProcess(
  o: FleetProcessOptions,
  emit: EmitEvent,
): Promise<FleetProcess> {
  const { engine, outbreak } = await simulate(o.config);
  const { agents, phoneOfAgent } = phonesOf(engine.population);
  const url = o.urls[0]!;
  const urlOf = () => url;
  const concurrency = o.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY;
  const phones = Array.from(agents, (_, p) => p);
  const credentials = await registerPhones(phones, agents, urlOf, concurrency);
  const { phoneIdOf, authOf } = credentials;
  const window = outbreak.window;
  const heard = FleetSightings.build(engine, agents, phoneOfAgent);
  // A phone fetches batches while its app runs: from the run's first sighting (the simulated
  // days), not over the whole 14-day window when the run is shorter (no log holds those).
  const running = {
    start: Math.max(window.start, Math.min(heard.earliest(), window.end)),
    end: window.end,
  };
  const tempIds = await FleetTempIds.fetch(
    phones,
    phones.length,
    urlOf,
    (p) => ({ phoneId: phoneIdOf(agents[p]!), auth: authOf(agents[p]!) }),
    running,
    concurrency,
  );

  /** Phone p's log over the run: each sighting with the TempID its neighbour advertised. */
  const logOf = (p: number): bluetrace.StreetPassRecord[] => {
    const records: bluetrace.StreetPassRecord[] = [];
    for (let j = heard.start[p]!; j < heard.start[p + 1]!; j++) {
      const i = heard.order[j]!;
      const t = heard.time[i]!;
      if (t < running.start || t >= window.end) continue;
      records.push({
        timestamp: t,
        msg: tempIds.at(heard.advertiser[i]!, t),
        rssi: heard.rssi[i]!,
        txPower: heard.tx[i]!,
      });
    }
    return records;
  };
  const limiter = new Limiter(concurrency);
  const uploadLog = (p: number, uploadToken: string, tag: string) =>
    limiter.run(async () => {
      const agent = agents[p]!;
      const body: bluetrace.BtLogUpload = {
        idempotencyKey: `${tag}-log`,
        phoneId: phoneIdOf(agent),
        uploadToken,
        records: logOf(p),
      };
      emit({ type: "sent", kind: "log" });
      const ack = await postJson<bluetrace.BtUploadAck>(
        url,
        "/v1/bluetrace/uploads",
        body,
        authOf(agent),
        UPLOAD_RETRIES,
      );
      emit({ type: "acked", uploadId: ack.uploadId });
    });

  const onF1 = async (p: number) => {
    const agent = agents[p]!;
    const grant = await postJson<bluetrace.BtUploadGrant>(
      url,
      "/v1/bluetrace/upload-grant",
      { phoneId: phoneIdOf(agent) },
      authOf(agent),
      UPLOAD_RETRIES,
    );
    await uploadLog(p, grant.uploadToken, `f1-${grant.indexId}`);
  };
  const sockets = await connectPhones(
    phones,
    urlOf,
    (p) => ({ phoneId: phoneIdOf(agents[p]!), secret: credentials.secretOf(agents[p]!) }),
    {
      onPushes: () => () => {},
      onNotification: (p) => (raw) => {
        const event = notifiedEvent(raw, agents[p]!, Date.now());
        if (event?.type !== "notified") return;
        emit(event);
        if (event.role === "F1") {
          onF1(p).catch((err: Error) => emit({ type: "error", message: err.message }));
        }
      },
    },
    emit,
  );
  emit({ type: "ready", phones: phones.length, sightings: heard.size });

  return {
    async confirmF0(startedAt: number) {
      const upload = (p: number, basis: UploadBasis, tag: string) =>
        basis.kind === "f0" ? uploadLog(p, basis.uploadToken, tag) : Promise.resolve();
      await confirmF0s(
        {
          f0: f0Phones(outbreak, phoneOfAgent),
          agents,
          mine: () => true,
          urlOf,
          phoneIdOf,
          authOf,
          f0Rate: o.f0Rate,
          haToken: o.haToken,
          runTag: o.runTag,
          confirmedAt: window.end,
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
