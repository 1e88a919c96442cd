import type { LayoutCancel, LayoutPositions, LayoutRequest } from "./graph.js";
import { createForceLayout } from "./layout.js";

/** What a dedicated Worker's global scope offers the layout loop. */
export interface WorkerScope {
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/**
 * Makes the current Worker a layout worker: on each request it runs the force layout a few
 * ticks at a time, posting positions as it goes (the newest request wins). A Worker module
 * is one line: `installLayoutWorker(self)`.
 */
export function installLayoutWorker(scope: WorkerScope): void {
  let current = 0;
  scope.addEventListener("message", (event: MessageEvent<LayoutRequest | LayoutCancel>) => {
    const msg = event.data;
    if (msg.type === "cancel") {
      current = -1;
      return;
    }
    if (msg.type !== "layout") return;
    const id = msg.id;
    current = id;
    const ticks = msg.ticks ?? 300;
    const every = msg.every ?? 4;
    const layout = createForceLayout(msg.role, msg.source, msg.target, ticks);
    const run = () => {
      if (current !== id) return;
      const more = layout.step(every);
      const xy = layout.positions();
      const out: LayoutPositions = {
        type: "positions",
        id,
        xy,
        tick: layout.tick,
        ticks,
        done: !more,
      };
      scope.postMessage(out, { transfer: [xy.buffer] });
      if (more) setTimeout(run, 0);
    };
    run();
  });
}
