import {
  appFindsContact,
  contactsAround,
  FLAG_APP,
  isTrueContact,
  type SimRun,
} from "@tracebed/sim";
import type { ContactGraph } from "@tracebed/viewer";

/**
 * The close contacts around the first `f0Count` F0 of a run: their true F1 and those F1's
 * true F2, with every true contact as an edge. An edge is "detected" when the app found its
 * far end from its near end, by the oracle's own verdict for that pair: the near end's keys
 * reached the server (an F0 with the app; an F1 the app notified) and the far end's phone had
 * a hit and the decision rules said contact.
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
      if (allF0.has(partner) || !isTrueContact(engine, i, partner, list, window.start, window.end))
        continue;
      f1.add(partner);
      edge(
        node(i, 0),
        node(partner, 1),
        app(i) && app(partner) && appFindsContact(engine, i, partner, list, window),
      );
    }
  }
  for (const [i, byPartner] of contactsAround(engine, f1)) {
    const keysReachServer = app(i) && sets.notifiedF1.has(i);
    for (const [partner, list] of byPartner) {
      if (allF0.has(partner) || sets.trueF1.has(partner)) continue;
      if (!isTrueContact(engine, i, partner, list, window.start, window.end)) continue;
      edge(
        node(i, 1),
        node(partner, 2),
        keysReachServer && app(partner) && appFindsContact(engine, i, partner, list, window),
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
