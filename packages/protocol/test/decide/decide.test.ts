import { describe, expect, it } from "vitest";
import { decide, decideContacts, type IndexPerson, type Person } from "../../src/decide/decide.js";
import { buildIdTable } from "../../src/decide/id-table.js";
import { DEFAULT_DECISION_PARAMS as P } from "../../src/decide/params.js";
import { indexWindow } from "../../src/decide/window.js";
import { DAY, DAY0, keysOf, PERIOD, periods, sighting } from "./helpers.js";
import { toyIdAt, toyScheme } from "./toy-scheme.js";

const I = 1;
const C = 2;
const X = 3;
/** F0 confirmed at noon on DAY0. */
const CONFIRMED = DAY0 + 12 * 3600;
/** Two days before, 10:00 UTC: a slot and period boundary. */
const T = DAY0 - 2 * DAY + 10 * 3600;
const d = (t: number) => Math.floor(t / DAY);

function index(log: Person["log"], windowEnd = CONFIRMED): IndexPerson {
  return { keys: keysOf(I), log, windowEnd };
}
function candidate(log: Person["log"]): Person {
  return { keys: keysOf(C), log };
}
function run(iLog: Person["log"], cLog: Person["log"], params = P, windowEnd = CONFIRMED) {
  return decide(index(iLog, windowEnd), candidate(cLog), params, toyScheme);
}

describe("decide: evidence from either log", () => {
  it("finds a contact from C's log alone (C heard I's IDs)", () => {
    const r = run([], periods(I, T, 3));
    expect(r).toMatchObject({ contact: true, bestDay: d(T), closePeriods: 3, evidenceCount: 3 });
    expect([...r.closeSecondsByDay]).toEqual([[d(T), 900]]);
  });

  it("finds a contact from I's log alone (I heard C's IDs)", () => {
    expect(run(periods(C, T, 3), [])).toMatchObject({ contact: true, evidenceCount: 3 });
  });

  it("adds distinct periods from both logs", () => {
    const r = run(periods(C, T, 1), periods(I, T + PERIOD, 2));
    expect(r).toMatchObject({ contact: true, closePeriods: 3, evidenceCount: 3 });
  });

  it("ignores IDs of another person, in either log", () => {
    const r = run(periods(X, T, 3), periods(X, T, 3));
    expect(r).toMatchObject({ contact: false, bestDay: null, closePeriods: 0, evidenceCount: 0 });
  });

  it("ignores the candidate's IDs in its own log and the index's in its own", () => {
    expect(run(periods(I, T, 3), periods(C, T, 3))).toMatchObject({ evidenceCount: 0 });
  });

  it("ignores IDs of days whose key was not uploaded", () => {
    const r = decide(
      { keys: keysOf(I).filter((k) => k.unixDay !== d(T)), log: [], windowEnd: CONFIRMED },
      candidate(periods(I, T, 3)),
      P,
      toyScheme,
    );
    expect(r.evidenceCount).toBe(0);
  });
});

describe("decide: close periods are distinct scan periods", () => {
  it("counts exactly 3 periods (15 min) as a contact and 2 as none", () => {
    expect(run([], periods(I, T, 3)).contact).toBe(true);
    const two = run([], periods(I, T, 2));
    expect(two).toMatchObject({ contact: false, closePeriods: 2, bestDay: d(T) });
    expect(two.closeSecondsByDay.get(d(T))).toBe(600);
  });

  it("counts a period seen twice once", () => {
    const log = [...periods(I, T, 2), sighting(I, T + 10), sighting(I, T + PERIOD + 299)];
    expect(run([], log)).toMatchObject({ contact: false, closePeriods: 2, evidenceCount: 4 });
  });

  it("counts a period seen from both sides once", () => {
    const r = run(periods(C, T, 2), periods(I, T, 2));
    expect(r).toMatchObject({ contact: false, closePeriods: 2, evidenceCount: 4 });
  });

  it("does not add periods across midnight", () => {
    const midnight = DAY0 - DAY;
    const r = run([], periods(I, midnight - 2 * PERIOD, 3));
    expect(r.contact).toBe(false);
    expect([...r.closeSecondsByDay]).toEqual([
      [d(midnight) - 1, 600],
      [d(midnight), 300],
    ]);
    expect(run([], periods(I, midnight - 3 * PERIOD, 3)).contact).toBe(true);
  });

  it("honours minCloseSeconds", () => {
    expect(run([], periods(I, T, 2), { ...P, minCloseSeconds: 600 }).contact).toBe(true);
  });
});

describe("decide: each ID only inside its own slot", () => {
  const slotEnd = T + 900; // T starts a slot
  const idOfSlot = toyIdAt(I, T);
  const heard = (contactId: string, timestamp: number) => ({
    ...sighting(I, timestamp),
    contactId,
  });

  it("counts an ID heard at its slot's last second", () => {
    const log = [...periods(I, T, 2), heard(idOfSlot, slotEnd - 1)];
    expect(run([], log)).toMatchObject({ contact: true, evidenceCount: 3 });
  });

  it("ignores an ID heard one second after its slot ends", () => {
    const log = [...periods(I, T, 2), heard(idOfSlot, slotEnd)];
    expect(run([], log)).toMatchObject({ contact: false, evidenceCount: 2 });
  });

  it("ignores an ID heard one second before its slot begins", () => {
    const log = [...periods(I, T, 2), heard(toyIdAt(I, slotEnd), slotEnd - 1)];
    expect(run([], log)).toMatchObject({ contact: false, evidenceCount: 2 });
  });

  it("applies the same rule to C's IDs in I's log", () => {
    const early = { ...sighting(C, slotEnd), contactId: toyIdAt(C, T) };
    expect(run([...periods(C, T, 2), early], []).evidenceCount).toBe(2);
  });
});

describe("decide: the index's window", () => {
  const { start } = indexWindow(CONFIRMED, 14);

  it("is the 14 UTC days up to the F0's confirmation", () => {
    expect(start).toBe(DAY0 - 13 * DAY);
  });

  it("counts a day that starts the window, not the day before it", () => {
    expect(run([], periods(I, start, 3)).contact).toBe(true);
    const before = run([], periods(I, start - 3 * PERIOD, 3));
    expect(before).toMatchObject({ contact: false, evidenceCount: 0 });
  });

  it("counts sightings just inside each edge, not just outside (F0)", () => {
    expect(run([], [sighting(I, start)]).evidenceCount).toBe(1);
    expect(run([], [sighting(I, start - 1)]).evidenceCount).toBe(0);
    expect(run([], [sighting(I, CONFIRMED - 1)]).evidenceCount).toBe(1);
    expect(run([], [sighting(I, CONFIRMED)]).evidenceCount).toBe(0);
  });

  it("ends an F1's window at its notification", () => {
    const notified = DAY0 + 5 * DAY + 15 * 3600 + 7 * 60 + 13;
    const w = indexWindow(notified, 14);
    expect(w.start).toBe(DAY0 - 8 * DAY);
    const count = (t: number) => run([sighting(C, t)], [], P, notified).evidenceCount;
    expect([count(w.start - 1), count(w.start), count(notified - 1), count(notified)]).toEqual([
      0, 1, 1, 0,
    ]);
    // Contact in the last 15 minutes before notification counts; one period later does not.
    expect(run(periods(C, notified - 3 * PERIOD, 3), [], P, notified).contact).toBe(true);
    expect(run(periods(C, notified - 2 * PERIOD, 3), [], P, notified).contact).toBe(false);
  });

  it("honours windowDays", () => {
    const log = periods(I, DAY0 - 5 * DAY, 3);
    expect(run([], log).contact).toBe(true);
    expect(run([], log, { ...P, windowDays: 5 }).contact).toBe(false);
  });
});

describe("decide: distance", () => {
  it("counts periods just under 2 m and exactly at 2 m, not just over", () => {
    expect(run([], periods(I, T, 3, 1.999)).contact).toBe(true);
    expect(run([], periods(I, T, 3, 2)).contact).toBe(true);
    const over = run([], [...periods(I, T, 2, 1), sighting(I, T + 2 * PERIOD, 2.001)]);
    expect(over).toMatchObject({ contact: false, closePeriods: 2, evidenceCount: 3 });
  });

  it("changes with calibration", () => {
    const log = periods(I, T, 3, 2.5);
    expect(run([], log).contact).toBe(false);
    // 4 dB more loss at 1 m reads the same RSSI as 2.5 m · 10^(−4/20) ≈ 1.58 m.
    const lossier = { ...P, pathLoss: { oneMeterLossDb: -45, exponent: 2 } };
    expect(run([], log, lossier).contact).toBe(true);
    expect(run([], log, { ...P, closeDistanceMeters: 3 }).contact).toBe(true);
  });
});

describe("decide: API", () => {
  it("accepts prebuilt ID tables and gives the same decision", () => {
    const log = periods(I, T, 3);
    const withTables = decide(
      { ids: buildIdTable(keysOf(I), toyScheme), log: [], windowEnd: CONFIRMED },
      { ids: buildIdTable(keysOf(C), toyScheme), log },
      P,
      toyScheme,
    );
    expect(withTables).toEqual(run([], log));
  });

  it("refuses a table of another scheme", () => {
    const ids = { ...buildIdTable(keysOf(I), toyScheme), scheme: "bluezone" };
    expect(() =>
      decide({ ids, log: [], windowEnd: CONFIRMED }, candidate([]), P, toyScheme),
    ).toThrow("ID table of scheme bluezone, deciding with toy");
  });

  it("refuses invalid params in one line", () => {
    expect(() => run([], [], { ...P, scanPeriodSeconds: 7 })).toThrow(
      "decision params: scanPeriodSeconds: must divide 86400 (a period never spans midnight)",
    );
    expect(() => run([], [], { ...P, closeDistanceMeters: 0 })).toThrow(/closeDistanceMeters/);
  });

  it("decideContacts decides each candidate as decide does", () => {
    const candidates: Person[] = [
      { keys: keysOf(C), log: periods(I, T, 3) },
      { keys: keysOf(X), log: periods(I, T, 2) },
      { keys: keysOf(4), log: [] },
    ];
    const iLog = periods(4, T, 3);
    const all = decideContacts(index(iLog), candidates, P, toyScheme);
    expect(all.map((r) => r.contact)).toEqual([true, false, true]);
    candidates.forEach((c, k) => {
      expect(all[k]).toEqual(decide(index(iLog), c, P, toyScheme));
    });
  });
});
