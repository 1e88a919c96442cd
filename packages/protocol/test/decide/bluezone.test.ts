import { describe, expect, it } from "vitest";
import { fromHex, toHex } from "../../src/bytes.js";
import { decide } from "../../src/decide/decide.js";
import { rssiAtDistance } from "../../src/decide/distance.js";
import { buildIdTable } from "../../src/decide/id-table.js";
import { DEFAULT_DECISION_PARAMS as P } from "../../src/decide/params.js";
import { getIdScheme } from "../../src/ids/registry.js";
import { parseMessage } from "../../src/messages/errors.js";
import { keyUploadSchema, type LogEntry, logUploadSchema } from "../../src/messages/uploads.js";
import { DAY, DAY0 } from "./helpers.js";

const bluezone = getIdScheme("bluezone");
const FIRST_DAY = DAY0 / DAY - 13;

/** 14 daily keys of the hash chain from a fixed base ID, with the UTC day each is used on. */
function dailyKeys(seed: number) {
  const base = Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 0xff);
  return Array.from({ length: 14 }, (_, d) => ({
    unixDay: FIRST_DAY + d,
    key: toHex(bluezone.dailyKey(base, d)),
  }));
}

/** The Bluezone ID broadcast at t by the owner of `keys` (optionally from a neighbouring slot). */
function idAt(keys: ReturnType<typeof dailyKeys>, t: number, slotShift = 0): string {
  const { unixDay, slot } = bluezone.slotOf(t + slotShift * 900);
  const key = keys.find((k) => k.unixDay === unixDay)!;
  return toHex(bluezone.ids(fromHex(key.key), unixDay, slot, 1));
}

const I = dailyKeys(1);
const C = dailyKeys(2);
const T = DAY0 - 4 * DAY + 9 * 3600;
const CONFIRMED = DAY0 + 15 * 3600;

function entry(
  heard: typeof I,
  own: typeof I,
  t: number,
  distance: number,
  slotShift = 0,
): LogEntry {
  return {
    ownId: idAt(own, t),
    contactId: idAt(heard, t, slotShift),
    rssi: rssiAtDistance(distance, -12),
    txPower: -12,
    timestamp: t,
  };
}

function upload(log: LogEntry[]) {
  return parseMessage(logUploadSchema, {
    idempotencyKey: "candidate-upload-0001",
    phoneId: "phone-candidate",
    scheme: "bluezone",
    basis: { kind: "exposure", indexIds: ["index-person-1"] },
    log,
  });
}

describe("decide with the Bluezone scheme and wire messages", () => {
  const keys = parseMessage(keyUploadSchema, {
    idempotencyKey: "index-upload-00001",
    phoneId: "phone-index-1",
    scheme: "bluezone",
    basis: { kind: "f0", uploadToken: "tok_0123456789abcdef" },
    keys: I,
  }).keys;
  const index = { keys, log: [], windowEnd: CONFIRMED };

  it("finds 15 minutes at 1.5 m from the candidate's uploaded log", () => {
    const log = [0, 300, 600].map((o) => entry(I, C, T + o, 1.5));
    const r = decide(index, { keys: C, log: upload(log).log }, P, bluezone);
    expect(r).toMatchObject({ contact: true, closePeriods: 3, bestDay: Math.floor(T / DAY) });
  });

  it("rejects a sighting of the ID of the next slot and one over 2 m", () => {
    const log = [entry(I, C, T, 1), entry(I, C, T + 300, 1), entry(I, C, T + 600, 1, 1)];
    expect(decide(index, { keys: C, log }, P, bluezone)).toMatchObject({
      contact: false,
      evidenceCount: 2,
    });
    const far = [entry(I, C, T, 1), entry(I, C, T + 300, 1), entry(I, C, T + 600, 2.01)];
    expect(decide(index, { keys: C, log: far }, P, bluezone).contact).toBe(false);
  });

  it("uses C's uploaded keys for sightings in I's log", () => {
    const iLog = [0, 300, 600].map((o) => entry(C, I, T + o, 2));
    expect(decide({ ...index, log: iLog }, { keys: C, log: [] }, P, bluezone).contact).toBe(true);
  });

  it("tables hold 96 IDs per daily key", () => {
    expect(buildIdTable(keys, bluezone).slotById.size).toBe(14 * 96);
  });
});
