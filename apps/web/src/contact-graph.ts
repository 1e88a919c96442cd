import { appFindsFrom, FLAG_APP, firstDayFrom, type SimRun } from "@tracebed/sim";
import type { ContactGraph } from "@tracebed/viewer";

/**
 * The close contacts around the first `f0Count` F0 of a run: their own chains (true F1, and
 * those F1's true F2 inside each F1's causal window), with every true contact as an edge. An
 * edge is "detected" when the app found its far end from its near end, by the oracle's own
 * verdict for that pair: the near end's keys reached the server (an F0 with the app; an F1
 * the app notified from that F0) and the far end's phone had a hit and the rules said contact.
 */
export function contactGraph(
  run: SimRun,
  f0Count: number,
): ContactGraph & { /** The simulated agent behind each node. */ agent: Uint32Array } {
  const { engine, outbreak } = run;
  const { sets } = outbreak;
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
  for (const chain of outbreak.chains.slice(0, f0Count)) {
    const i = chain.f0;
    for (const [j, exposure] of chain.trueF1) {
      if (allF0.has(j)) continue;
      edge(node(i, 0), node(j, 1), chain.appF1.has(j));
      const notifiedFrom = chain.appF1.get(j);
      for (const [q, v] of outbreak.step2.get(j) ?? []) {
        if (allF0.has(q) || sets.trueF1.has(q)) continue;
        if (firstDayFrom(v.trueDays, exposure) < 0) continue;
        const found = notifiedFrom !== undefined && app(j) && appFindsFrom(engine, v, notifiedFrom);
        edge(node(j, 1), node(q, 2), found);
      }
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
