import type { Role } from "../palette.js";

/**
 * The contacts around a few F0, as flat typed arrays (transferable to and from Workers):
 * node i has a role (0 F0, 1 F1, 2 F2) and whether its phone has the app; edge j joins
 * source[j] and target[j] (a true close contact) and was or was not found by the app.
 */
export interface ContactGraph {
  role: Uint8Array;
  /** 1: the person's phone has the app. */
  app: Uint8Array;
  source: Uint32Array;
  target: Uint32Array;
  /** 1: the app found this contact (solid), 0: it missed it (dashed). */
  detected: Uint8Array;
}

export interface GraphCounts {
  f0: number;
  f1: number;
  f2: number;
  edges: number;
  detected: number;
}

export function graphCounts(g: ContactGraph): GraphCounts {
  const byRole = [0, 0, 0];
  for (const r of g.role) byRole[r as Role]!++;
  let detected = 0;
  for (const d of g.detected) detected += d;
  return {
    f0: byRole[0]!,
    f1: byRole[1]!,
    f2: byRole[2]!,
    edges: g.source.length,
    detected,
  };
}

/** Builds a graph from plain lists (tests, small examples). */
export function graphFrom(
  nodes: readonly { role: Role; app: boolean }[],
  edges: readonly { source: number; target: number; detected: boolean }[],
): ContactGraph {
  return {
    role: Uint8Array.from(nodes, (n) => n.role),
    app: Uint8Array.from(nodes, (n) => (n.app ? 1 : 0)),
    source: Uint32Array.from(edges, (e) => e.source),
    target: Uint32Array.from(edges, (e) => e.target),
    detected: Uint8Array.from(edges, (e) => (e.detected ? 1 : 0)),
  };
}

/** Messages between the network view and its layout Worker. */
export interface LayoutRequest {
  type: "layout";
  id: number;
  role: Uint8Array;
  source: Uint32Array;
  target: Uint32Array;
  /** Ticks of the force simulation (default 300). */
  ticks?: number;
  /** Positions are posted every this many ticks (default 4). */
  every?: number;
}

export interface LayoutPositions {
  type: "positions";
  id: number;
  /** x0, y0, x1, y1, … */
  xy: Float32Array;
  tick: number;
  ticks: number;
  done: boolean;
}

export interface LayoutCancel {
  type: "cancel";
}
