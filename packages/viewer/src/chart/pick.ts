import { pointer } from "d3";
import { clampAdoption } from "../url-state.js";
import type { ChartPart } from "./part.js";

/** A transparent layer over the plot: click or drag to move the slider to that adoption. */
export const picker: ChartPart = {
  name: "picker",
  draw: (f, v) => (g) => {
    const pick = v.onPick;
    if (!pick) return;
    const { margin: m, width: W, height: H } = f;
    const node = g.node()!;
    let dragging = false;
    const at = (event: PointerEvent) => {
      const [px] = pointer(event, node);
      pick(clampAdoption(f.x.invert(px)));
    };
    g.append("rect")
      .attr("x", m.left)
      .attr("y", m.top)
      .attr("width", W - m.left - m.right)
      .attr("height", H - m.top - m.bottom)
      .attr("fill", "transparent")
      .style("cursor", "ew-resize")
      .on("pointerdown", (event: PointerEvent) => {
        dragging = true;
        (event.target as Element).setPointerCapture?.(event.pointerId);
        at(event);
      })
      .on("pointermove", (event: PointerEvent) => {
        if (dragging) at(event);
      })
      .on("pointerup pointercancel", () => {
        dragging = false;
      });
  },
};
