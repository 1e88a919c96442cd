import type { PairContact } from "../ble/evidence.js";
import type { Engine } from "../engine.js";
import { layerKind } from "../layers/index.js";
import { isRegularPair } from "../layers/layer.js";
import { hash3, unit } from "../rng.js";

/**
 * Probability that a tracer interviewing one of the pair lists the other: each kind of
 * meeting may be recalled on its own. People one knows — household members, colleagues and
 * classmates, regular neighbours and fellow commuters — are named with the layer's
 * `manualRecall`; one-off strangers with its `manualRecallStrangers` (docs/MODEL.md,
 * "Manual tracing").
 */
export function manualRecallOf(engine: Engine, contacts: readonly PairContact[]): number {
  const seen = new Set<number>();
  let missed = 1;
  for (const c of contacts) {
    const layer = engine.config.layers[c.layer]!;
    const known = layerKind(layer.kind).partnersKnown;
    const kind = 2 * c.layer + (known || isRegularPair(c.k) ? 1 : 0);
    if (seen.has(kind)) continue;
    seen.add(kind);
    missed *= 1 - (kind & 1 ? layer.manualRecall : layer.manualRecallStrangers);
  }
  return 1 - missed;
}

/** Does the tracer list this pair? One draw per pair, whichever side is interviewed. */
export function manualLists(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
): boolean {
  const u = unit(hash3(engine.seeds.stream("manual"), Math.min(a, b), Math.max(a, b)));
  return u < manualRecallOf(engine, contacts);
}

/**
 * The day a tracer interviewing an F1 asks about contacts from: the earliest exposure it is
 * known by — listed by tracing (`listedDay`) or notified by the app (`notifiedDay`) — or
 * undefined when it is neither (not interviewed).
 */
export function interviewFrom(
  listedDay: number | undefined,
  notifiedDay: number | undefined,
): number | undefined {
  if (listedDay === undefined) return notifiedDay;
  if (notifiedDay === undefined) return listedDay;
  return Math.min(listedDay, notifiedDay);
}
