import { describe, expect, it } from "vitest";
import { getIdScheme, ID_SCHEME_NAMES, ID_SCHEMES } from "../../src/ids/registry.js";

describe("ID scheme registry", () => {
  it("finds every scheme by its own name", () => {
    expect(ID_SCHEME_NAMES).toEqual(["bluezone", "gaen", "dp3t"]);
    for (const name of ID_SCHEME_NAMES) expect(getIdScheme(name)).toBe(ID_SCHEMES[name]);
    for (const name of ID_SCHEME_NAMES) expect(getIdScheme(name).name).toBe(name);
  });

  it("rejects an unknown name in one line listing the known ones", () => {
    expect(() => getIdScheme("bluetrace")).toThrow(
      'unknown ID scheme "bluetrace" (known: bluezone, gaen, dp3t)',
    );
    expect(() => getIdScheme("toString")).toThrow(/unknown ID scheme/);
  });

  it.each(ID_SCHEME_NAMES)("%s: slots tile the day and IDs have the declared size", (name) => {
    const s = getIdScheme(name);
    expect(s.slotsPerDay * s.slotSeconds).toBe(86_400);
    const key = s.dailyKey(new Uint8Array(s.keyLength).fill(7), 1);
    expect(key.length).toBe(s.keyLength);
    expect(s.ids(key, 20_000, 0, s.slotsPerDay).length).toBe(s.slotsPerDay * s.idLength);
    expect(s.ids(key, 20_000, 5, 0).length).toBe(0);
  });
});
