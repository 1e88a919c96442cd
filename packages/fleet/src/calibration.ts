import { type DecisionParams, type DesignName, serverConfigSchema } from "@tracebed/protocol";

/** A matcher judging with other decision parameters than the run: told in one line. */
export class CalibrationError extends Error {
  override readonly name = "CalibrationError";
}

/**
 * Reads each matcher's `GET /v1/config` and refuses a run whose decision parameters differ
 * from the matcher's (e.g. a server started without the same --scenario): its F1 and F2 would
 * differ from the oracle's for that reason alone. A matcher without the route is let be.
 */
export async function checkCalibration(
  urls: readonly string[],
  run: DecisionParams,
  design: DesignName = "bluezone",
) {
  for (const url of urls) {
    let res: Response;
    try {
      res = await fetch(new URL("/v1/config", url));
    } catch (err) {
      throw new CalibrationError(`${url}: cannot read /v1/config (${(err as Error).message})`);
    }
    if (res.status === 404) continue;
    const config = serverConfigSchema.safeParse(await res.json().catch(() => null));
    if (!config.success) throw new CalibrationError(`${url}/v1/config: not a server configuration`);
    if (config.data.design !== design) {
      throw new CalibrationError(
        `${url} runs the ${config.data.design} design, this run's phones ${design}: start it with --design ${design}`,
      );
    }
    const diff = differences(config.data.decisionParams, run);
    if (diff.length > 0) {
      throw new CalibrationError(
        `${url} judges with other decision parameters than this run (${diff.join(", ")}): start it with the same --scenario`,
      );
    }
  }
}

function differences(server: DecisionParams, run: DecisionParams): string[] {
  const out: string[] = [];
  const flat = (p: DecisionParams): Record<string, number> => ({
    scanPeriodSeconds: p.scanPeriodSeconds,
    closeDistanceMeters: p.closeDistanceMeters,
    minCloseSeconds: p.minCloseSeconds,
    windowDays: p.windowDays,
    "pathLoss.oneMeterLossDb": p.pathLoss.oneMeterLossDb,
    "pathLoss.exponent": p.pathLoss.exponent,
  });
  const s = flat(server);
  const r = flat(run);
  for (const k of Object.keys(s)) {
    if (Math.abs(s[k]! - r[k]!) > 1e-9) out.push(`${k} ${s[k]} on the server, ${r[k]} in the run`);
  }
  return out;
}
