import { describe, expect, it } from "vitest";
import { isContact } from "../../src/decide/contact.js";
import { bestDay, closeSecondsByDay } from "../../src/decide/days.js";
import { DAY, DAY0, PERIOD } from "./helpers.js";

const p0 = DAY0 / PERIOD; // the first period of DAY0
const d0 = DAY0 / DAY;

describe("closeSecondsByDay", () => {
  it("counts distinct periods per UTC day × the period", () => {
    const byDay = closeSecondsByDay(new Set([p0 + 10, p0 + 11, p0 + 288 + 5]), PERIOD);
    expect([...byDay]).toEqual([
      [d0, 600],
      [d0 + 1, 300],
    ]);
  });

  it("returns days in ascending order", () => {
    const byDay = closeSecondsByDay([p0 + 600, p0 + 5, p0 + 300], PERIOD);
    expect([...byDay.keys()]).toEqual([d0, d0 + 1, d0 + 2]);
  });

  it("puts the last period before midnight and the first after on different days", () => {
    const byDay = closeSecondsByDay([p0 - 1, p0], PERIOD);
    expect([...byDay]).toEqual([
      [d0 - 1, 300],
      [d0, 300],
    ]);
  });
});

describe("bestDay", () => {
  it("is the day with most close seconds, the earliest on a tie, null when empty", () => {
    expect(bestDay(new Map())).toBeNull();
    expect(
      bestDay(
        new Map([
          [5, 300],
          [6, 900],
          [7, 600],
        ]),
      ),
    ).toBe(6);
    expect(
      bestDay(
        new Map([
          [7, 900],
          [5, 900],
        ]),
      ),
    ).toBe(5);
  });
});

describe("isContact", () => {
  it("needs one day at or above the minimum: 3 periods = 900 s count, 2 do not", () => {
    expect(isContact(new Map([[d0, 900]]), 900)).toBe(true);
    expect(isContact(new Map([[d0, 600]]), 900)).toBe(false);
    expect(isContact(new Map(), 900)).toBe(false);
  });

  it("does not add days up", () => {
    expect(
      isContact(
        new Map([
          [d0, 600],
          [d0 + 1, 600],
        ]),
        900,
      ),
    ).toBe(false);
  });
});
