import { describe, expect, it } from "vitest";
import { detectedF1, detectedF2 } from "../../src/decide/tiers.js";

const graph = new Map<string, string[]>([
  ["a", ["b", "c", "z"]], // F0 a met F0 z: z stays an F0
  ["z", ["c", "d"]],
  ["b", ["a", "e", "c"]],
  ["c", ["f", "e"]],
  ["d", ["d", "g", "z"]],
]);
const contactsOf = (p: string) => graph.get(p) ?? [];

describe("detection tiers", () => {
  it("F1 = ∪ contacts of F0 − F0, each once", () => {
    expect([...detectedF1(["a", "z"], contactsOf)].sort()).toEqual(["b", "c", "d"]);
  });

  it("F2 = ∪ contacts of detected F1 − F0 − F1, each once", () => {
    const f1 = detectedF1(["a", "z"], contactsOf);
    expect([...detectedF2(["a", "z"], f1, contactsOf)].sort()).toEqual(["e", "f", "g"]);
  });

  it("is empty without F0", () => {
    expect(detectedF1([], contactsOf).size).toBe(0);
    expect(detectedF2([], [], contactsOf).size).toBe(0);
  });
});
