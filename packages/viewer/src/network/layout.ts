import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from "d3";

/**
 * The network's force layout (d3-force), with no DOM: it runs in a Worker so the page stays
 * smooth with thousands of nodes. Deterministic for a given graph (d3-force's own seeded
 * jiggle and phyllotaxis start).
 */

interface Node extends SimulationNodeDatum {
  role: number;
}

const LINK_DISTANCE = [0, 36, 20];
const CHARGE = [-180, -36, -12];

export interface ForceLayout {
  /** Runs `n` ticks; returns false once the layout has cooled. */
  step(n: number): boolean;
  /** Current positions, x0, y0, x1, y1, … */
  positions(out?: Float32Array): Float32Array;
  readonly tick: number;
}

export function createForceLayout(
  role: ArrayLike<number>,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  ticks = 300,
): ForceLayout {
  const nodes: Node[] = Array.from({ length: role.length }, (_, i) => ({ role: role[i]! }));
  const links: SimulationLinkDatum<Node>[] = Array.from({ length: source.length }, (_, j) => ({
    source: source[j]!,
    target: target[j]!,
  }));
  const far = (l: SimulationLinkDatum<Node>) =>
    Math.max((l.source as Node).role, (l.target as Node).role);
  const sim = forceSimulation(nodes)
    .alphaDecay(1 - 0.001 ** (1 / ticks))
    .force(
      "link",
      forceLink(links)
        .distance((l) => LINK_DISTANCE[far(l)] ?? 16)
        .strength(0.7),
    )
    .force(
      "charge",
      forceManyBody<Node>()
        .strength((n) => CHARGE[n.role] ?? -10)
        .theta(0.95)
        .distanceMax(400),
    )
    .force("x", forceX<Node>(0).strength(0.035))
    .force("y", forceY<Node>(0).strength(0.035))
    .stop();
  let tick = 0;
  return {
    step(n) {
      for (let i = 0; i < n && tick < ticks; i++, tick++) sim.tick();
      return tick < ticks;
    },
    positions(out = new Float32Array(nodes.length * 2)) {
      for (let i = 0; i < nodes.length; i++) {
        out[2 * i] = nodes[i]!.x ?? 0;
        out[2 * i + 1] = nodes[i]!.y ?? 0;
      }
      return out;
    },
    get tick() {
      return tick;
    },
  };
}
