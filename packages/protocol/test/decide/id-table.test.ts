import { describe, expect, it } from "vitest";
import { buildIdTable, epochSlot } from "../../src/decide/id-table.js";
import { DAY, DAY0 } from "./helpers.js";
import { toyIdAt, toyKey, toyScheme } from "./toy-scheme.js";

describe("buildIdTable", () => {
  it("maps every ID of every key to its slot counted from the epoch", () => {
    const d0 = DAY0 / DAY;
    const table = buildIdTable(
      [
        { unixDay: d0, key: toyKey(7) },
        { unixDay: d0 + 1, key: toyKey(7) },
      ],
      toyScheme,
    );
    expect(table.slotById.size).toBe(192);
    expect(table.slotSeconds).toBe(900);
    expect(table.scheme).toBe("toy");
    for (const t of [DAY0, DAY0 + 899, DAY0 + 900, DAY0 + DAY + 5 * 3600, DAY0 + 2 * DAY - 1]) {
      expect(table.slotById.get(toyIdAt(7, t))).toBe(epochSlot(t, 900));
    }
    expect(table.slotById.get(toyIdAt(7, DAY0 + 2 * DAY))).toBeUndefined();
  });

  it("refuses a scheme whose slots do not tile a day", () => {
    expect(() => buildIdTable([], { ...toyScheme, slotSeconds: 1000 })).toThrow(
      "scheme toy: 96 slots × 1000 s must tile a UTC day",
    );
  });
});
