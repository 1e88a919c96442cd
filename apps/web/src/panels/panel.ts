import type { Saturation, SimResult } from "@tracebed/sim";
import type { ContactGraph, Headline, ViewState, XY } from "@tracebed/viewer";
import type { DesignRow } from "../sim-protocol.js";
import type { SweepProgress } from "../sweep-runner.js";

/**
 * What every panel of the page reads: the settings, the one estimate at the slider (all
 * headline numbers come from it), the sweep so far and the single run at the slider (its
 * network and saturation). A panel renders itself from this and nothing else.
 */
export interface PageView {
  state: ViewState;
  /** The page's estimate at the slider (undefined until the sweep reaches it). */
  headline: Headline | undefined;
  sweep: SweepProgress | null;
  /** The F1 detection curve as plotted (x: adoption, y: mean share found). */
  curveF1: readonly XY[];
  /** The run at the slider: its network, its sample's saturation. */
  run: {
    result: SimResult;
    graph: ContactGraph | undefined;
    scenario: string;
    /** The same run through every design: whom each finds, what its server would hold. */
    designs: readonly DesignRow[];
  } | null;
  saturation: Saturation | undefined;
  /** Simulator workers sweeping. */
  workers: number;
}

export interface Panel {
  render(view: PageView): void;
}

export type PanelFactory = (doc: Document) => Panel;

export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id) as T | null;
  if (!el) throw new Error(`missing #${id}`);
  return el;
}
