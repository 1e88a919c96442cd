import { PALETTE, ROLE_COLOURS, ROLE_SHAPES, type Shape } from "../palette.js";
import type { ContactGraph, LayoutPositions, LayoutRequest } from "./graph.js";

/**
 * The network view: the contacts around a few F0 drawn on a canvas (thousands of nodes stay
 * smooth), laid out by d3-force in a Worker. F0 ▲, F1 ●, F2 ■ (shape and colour); a filled
 * node's phone has the app, a hollow one's has not; an edge the app found is solid, one it
 * missed dashed.
 */

export interface NetworkViewOptions {
  /** A Worker running `installLayoutWorker(self)`. */
  createWorker: () => Worker;
  /** Layout progress, tick of ticks. */
  onProgress?: (tick: number, ticks: number) => void;
  ticks?: number;
}

/** Half-size of each role's mark, CSS pixels. */
const SIZE = [8.5, 4.4, 2.5];

/** Adds one mark to the current path. */
export function markPath(
  ctx: Pick<CanvasRenderingContext2D, "moveTo" | "lineTo" | "arc" | "rect" | "closePath">,
  shape: Shape,
  x: number,
  y: number,
  s: number,
): void {
  switch (shape) {
    case "circle":
      ctx.moveTo(x + s, y);
      ctx.arc(x, y, s, 0, 2 * Math.PI);
      break;
    case "square":
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    case "triangle":
      ctx.moveTo(x, y - 1.2 * s);
      ctx.lineTo(x + 1.04 * s, y + 0.6 * s);
      ctx.lineTo(x - 1.04 * s, y + 0.6 * s);
      ctx.closePath();
      break;
  }
}

/** Scale and offset that fit positions into a w × h box with a margin (CSS pixels). */
export function fitTransform(
  xy: Float32Array,
  w: number,
  h: number,
  margin = 14,
): { k: number; tx: number; ty: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!Number.isFinite(x0)) return { k: 1, tx: w / 2, ty: h / 2 };
  const k = Math.min(
    4,
    (w - 2 * margin) / Math.max(1, x1 - x0),
    (h - 2 * margin) / Math.max(1, y1 - y0),
  );
  return { k, tx: w / 2 - (k * (x0 + x1)) / 2, ty: h / 2 - (k * (y0 + y1)) / 2 };
}

export class NetworkView {
  private readonly ctx: CanvasRenderingContext2D;
  private worker: Worker | null = null;
  private graph: ContactGraph | null = null;
  private xy: Float32Array | null = null;
  private requestId = 0;
  private frame = 0;
  private view: { k: number; tx: number; ty: number } | null = null;
  private readonly resizeObserver: ResizeObserver | null;
  private message = "";

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly options: NetworkViewOptions,
  ) {
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas context");
    this.ctx = ctx;
    this.resizeObserver =
      typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => this.schedule());
    this.resizeObserver?.observe(canvas);
    this.schedule();
  }

  /** A line of text drawn while there is no graph (e.g. "computing…"). */
  setMessage(message: string): void {
    this.message = message;
    this.schedule();
  }

  /** Shows a new graph; its layout starts in the Worker and is drawn as it settles. */
  setGraph(graph: ContactGraph | null): void {
    this.graph = graph;
    this.xy = null;
    this.view = null;
    const id = ++this.requestId;
    this.canvas.dataset.nodes = String(graph?.role.length ?? 0);
    this.canvas.dataset.edges = String(graph?.source.length ?? 0);
    this.canvas.dataset.layout = graph ? "running" : "none";
    if (!graph) {
      this.schedule();
      return;
    }
    this.worker ??= this.startWorker();
    const request: LayoutRequest = {
      type: "layout",
      id,
      role: graph.role.slice(),
      source: graph.source.slice(),
      target: graph.target.slice(),
      ...(this.options.ticks !== undefined && { ticks: this.options.ticks }),
    };
    this.worker.postMessage(request, [
      request.role.buffer,
      request.source.buffer,
      request.target.buffer,
    ]);
    this.schedule();
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.resizeObserver?.disconnect();
    cancelAnimationFrame(this.frame);
  }

  private startWorker(): Worker {
    const w = this.options.createWorker();
    w.addEventListener("message", (event: MessageEvent<LayoutPositions>) => {
      const m = event.data;
      if (m.type !== "positions" || m.id !== this.requestId) return;
      this.xy = m.xy;
      this.canvas.dataset.tick = String(m.tick);
      if (m.done) this.canvas.dataset.layout = "done";
      this.options.onProgress?.(m.tick, m.ticks);
      this.schedule();
    });
    return w;
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws the current positions (or the message) at the canvas's CSS size × devicePixelRatio. */
  draw(): void {
    const { canvas, ctx } = this;
    const dpr = globalThis.devicePixelRatio || 1;
    const w = Math.max(1, canvas.clientWidth || canvas.width);
    const h = Math.max(1, canvas.clientHeight || canvas.height);
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = PALETTE.background;
    ctx.fillRect(0, 0, w, h);
    const { graph, xy } = this;
    if (!graph || !xy) {
      if (this.message) {
        ctx.fillStyle = PALETTE.muted;
        ctx.font = "15px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.fillText(this.message, w / 2, h / 2);
      }
      return;
    }
    // Ease the fit towards the settled layout, so the picture does not jump while it cools.
    const target = fitTransform(xy, w, h);
    const v = this.view;
    this.view = v
      ? {
          k: v.k + (target.k - v.k) * 0.35,
          tx: v.tx + (target.tx - v.tx) * 0.35,
          ty: v.ty + (target.ty - v.ty) * 0.35,
        }
      : target;
    const { k, tx, ty } = this.view;
    const px = (i: number) => tx + k * xy[2 * i]!;
    const py = (i: number) => ty + k * xy[2 * i + 1]!;

    const edges = (found: 0 | 1) => {
      ctx.beginPath();
      for (let j = 0; j < graph.source.length; j++) {
        if (graph.detected[j] !== found) continue;
        const a = graph.source[j]!;
        const b = graph.target[j]!;
        ctx.moveTo(px(a), py(a));
        ctx.lineTo(px(b), py(b));
      }
      ctx.setLineDash(found ? [] : [4, 3]);
      ctx.lineWidth = found ? 1.3 : 1;
      ctx.strokeStyle = found ? PALETTE.edgeDetected : PALETTE.edgeMissed;
      ctx.globalAlpha = found ? 0.8 : 0.65;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    };
    const nodes = (role: 0 | 1 | 2) => {
      const colour = ROLE_COLOURS[role];
      const shape = ROLE_SHAPES[role];
      const s = SIZE[role]!;
      for (const app of [0, 1]) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < graph.role.length; i++) {
          if (graph.role[i] !== role || graph.app[i] !== app) continue;
          markPath(ctx, shape, px(i), py(i), s);
          any = true;
        }
        if (!any) continue;
        ctx.fillStyle = app ? colour : PALETTE.background;
        ctx.fill();
        ctx.lineWidth = app ? (role === 0 ? 2 : 0.8) : role === 2 ? 1.2 : 1.6;
        ctx.strokeStyle = app ? PALETTE.background : colour;
        ctx.stroke();
        if (role === 0) {
          // F0 stand out: a dark outline round the white halo or the coloured outline.
          ctx.lineWidth = 1;
          ctx.strokeStyle = PALETTE.text;
          ctx.beginPath();
          for (let i = 0; i < graph.role.length; i++) {
            if (graph.role[i] === 0 && graph.app[i] === app) {
              markPath(ctx, shape, px(i), py(i), s + (app ? 1.5 : 1.2));
            }
          }
          ctx.stroke();
        }
      }
    };
    // Missed contacts at the bottom; the F2 crowd; the contacts the app found on top of it;
    // then F1 and F0, so every F0 and F1 stays visible.
    edges(0);
    nodes(2);
    edges(1);
    nodes(1);
    nodes(0);
    const settling =
      Math.abs(this.view.k - target.k) > 1e-3 * target.k ||
      Math.abs(this.view.tx - target.tx) > 0.5 ||
      Math.abs(this.view.ty - target.ty) > 0.5;
    // New positions schedule their own frame; only the easing of the fit needs more.
    if (settling) this.schedule();
  }
}
