import { describe, expect, it } from "vitest";
import { getIdScheme, ID_SCHEME_NAMES } from "../../src/ids/registry.js";
import { SCHEME_NAMES, WIRE_SIZES } from "../../src/messages/schemes.js";

describe("scheme names and wire sizes", () => {
  it("name exactly the registered ID schemes", () => {
    expect([...SCHEME_NAMES].sort()).toEqual([...ID_SCHEME_NAMES].sort());
  });

  it.each(SCHEME_NAMES)("match %s's daily key and ID lengths", (name) => {
    const scheme = getIdScheme(name);
    const dailyKey = scheme.dailyKey(new Uint8Array(scheme.keyLength), 1);
    expect(dailyKey.length).toBe(WIRE_SIZES[name].keyBytes);
    expect(scheme.idLength).toBe(WIRE_SIZES[name].idBytes);
    expect(scheme.ids(dailyKey, 18_487, 0, 1).length).toBe(WIRE_SIZES[name].idBytes);
  });
});
