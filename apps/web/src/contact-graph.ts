import {
  contactShape,
  type Engine,
  FLAG_APP,
  type PairContact,
  type SimRun,
  scanDay,
} from "@tracebed/sim";
import type { ContactGraph } from "@tracebed/viewer";

const SECONDS_PER_DAY = 86_400;

/**
 * The truth about one pair, as the simulator's oracle decides it (sim's core/oracle/truth.ts,
 * which the package does not export): on some UTC day inside the window, the distinct scan
 * periods the pair spent within the distance threshold reach the minimum duration.
 */
function isCloseContact(
  engine: Engine,
  a: number,
  b: number,
  contacts: readonly PairContact[],
  window: { start: number; end: number },
): boolean {
  const { config, layerSeeds } = engine;
  const period = config.ble.scanPeriodSeconds;
  const needed = Math.ceil((config.close.minMinutes * 60) / period);
  const byDay = new Map<number, Set<number>>();
  for (const c of contacts) {
    const shape = contactShape(config, layerSeeds[c.layer]!, c.layer, c.day, a, b, c.k);
    if (shape.distanceMeters > config.close.maxDistanceMeters) continue;
    for (let p = shape.firstPeriod; p < shape.firstPeriod + shape.periods; p++) {
      const t = p * period;
      if (t < window.start || t >= window.end) continue;
      const day = Math.floor(t / SECONDS_PER_DAY);
      let set = byDay.get(day);
      if (!set) {
        set = new Set();
        byDay.set(day, set);
      }
      set.add(p);
      if (set.size >= needed) return true;
    }
  }
  return false;
}

/** Each index person's contacts with each partner over the run's days. */
function contactsAround(
  engine: Engine,
  index: ReadonlySet<number>,
): Map<number, Map<number, PairContact[]>> {
  const flagged = new Uint8Array(engine.population.size);
  for (const i of index) flagged[i] = 1;
  const out = new Map<number, Map<number, PairContact[]>>();
  for (const i of index) out.set(i, new Map());
  const add = (person: number, partner: number, c: PairContact) => {
    const byPartner = out.get(person);
    if (!byPartner) return;
    const list = byPartner.get(partner);
    if (list) list.push(c);
    else byPartner.set(partner, [c]);
  };
  for (let day = 0; day < engine.config.days; day++) {
    const r = scanDay(engine, day, flagged).records;
    for (let j = 0; j < r.length; j++) {
      const c = { day, layer: r.layer[j]!, k: r.k[j]! };
      add(r.a[j]!, r.b[j]!, c);
      add(r.b[j]!, r.a[j]!, c);
    }
  }
  return out;
}

/**
 * The close contacts around the first `f0Count` F0 of a run: their true F1 and those F1's
 * true F2, with every true contact as an edge. An edge is "detected" when the app found its
 * far end from its near end: both phones have the app, the near end's keys reached the server
 * (an F0 with the app; an F1 the app notified) and the far end was notified at that step.
 * With several index people around one contact the app may have found it through another
 * one; the oracle does not say which, so such an edge counts as found (rare: F0 are few).
 */
export function contactGraph(
  run: SimRun,
  f0Count: number,
): ContactGraph & { /** The simulated agent behind each node. */ agent: Uint32Array } {
  const { engine, outbreak } = run;
  const { sets, window } = outbreak;
  const flags = engine.population.flags;
  const app = (i: number) => (flags[i]! & FLAG_APP) !== 0;
  const allF0 = new Set(sets.f0);
  const f0 = sets.f0.slice(0, f0Count);

  const index = new Map<number, number>();
  const agents: number[] = [];
  const role: number[] = [];
  const hasApp: number[] = [];
  const node = (agent: number, r: 0 | 1 | 2) => {
    let i = index.get(agent);
    if (i === undefined) {
      i = role.length;
      index.set(agent, i);
      agents.push(agent);
      role.push(r);
      hasApp.push(app(agent) ? 1 : 0);
    }
    return i;
  };
  const source: number[] = [];
  const target: number[] = [];
  const detected: number[] = [];
  const edge = (a: number, b: number, found: boolean) => {
    source.push(a);
    target.push(b);
    detected.push(found ? 1 : 0);
  };

  for (const i of f0) node(i, 0);
  const f1 = new Set<number>();
  for (const [i, byPartner] of contactsAround(engine, new Set(f0))) {
    for (const [partner, list] of byPartner) {
      if (allF0.has(partner) || !isCloseContact(engine, i, partner, list, window)) continue;
      f1.add(partner);
      edge(node(i, 0), node(partner, 1), app(i) && app(partner) && sets.notifiedF1.has(partner));
    }
  }
  for (const [i, byPartner] of contactsAround(engine, f1)) {
    const keysReachServer = app(i) && sets.notifiedF1.has(i);
    for (const [partner, list] of byPartner) {
      if (allF0.has(partner) || sets.trueF1.has(partner)) continue;
      if (!isCloseContact(engine, i, partner, list, window)) continue;
      edge(
        node(i, 1),
        node(partner, 2),
        keysReachServer && app(partner) && sets.notifiedF2.has(partner),
      );
    }
  }
  return {
    agent: Uint32Array.from(agents),
    role: Uint8Array.from(role),
    app: Uint8Array.from(hasApp),
    source: Uint32Array.from(source),
    target: Uint32Array.from(target),
    detected: Uint8Array.from(detected),
  };
}
