import { DESIGN_NAMES } from "@tracebed/protocol";
import { describe, expect, it } from "vitest";
import { SIM_DESIGNS, simDesign, simDesignNames } from "../../src/designs/index.js";

describe("the simulator's design registry", () => {
  it("lists designs by their protocol names, each entry under its own name", () => {
    const names = simDesignNames();
    expect(names).toContain("bluezone");
    expect(names).toContain("gaen");
    for (const name of names) {
      expect(DESIGN_NAMES).toContain(name);
      expect(SIM_DESIGNS[name]!.name).toBe(name);
      expect(simDesign(name)).toBe(SIM_DESIGNS[name]);
    }
    // In DESIGN_NAMES order (the page's switch lists them so).
    const order = names.map((n) => DESIGN_NAMES.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("refuses an unknown design in one line naming the known ones", () => {
    expect(() => simDesign("nope")).toThrow(
      /no simulated design "nope" \(known: bluezone, gaen, bluetrace/,
    );
  });
});
