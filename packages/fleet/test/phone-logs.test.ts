import { indexWindow, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { IdsAtTime } from "@tracebed/sim";
import { describe, expect, it } from "vitest";
import { PhoneLogs } from "../src/phone-logs.js";
import { phonesWithHits } from "../src/push-match.js";
import { smallRun } from "./small-run.js";

describe("PhoneLogs", () => {
  it("indexes every sighting once under its own phone", async () => {
    const { logs, agents } = await smallRun();
    expect(logs.size).toBeGreaterThan(1_000);
    expect(logs.start[0]).toBe(0);
    expect(logs.start[agents.length]).toBe(logs.size);
    const seen = new Uint8Array(logs.size);
    let elsewhere = 0;
    for (let p = 0; p < agents.length; p++) {
      for (let j = logs.start[p]!; j < logs.start[p + 1]!; j++) {
        const i = logs.byPhone[j]!;
        if (logs.entry(i).phone !== p) elsewhere++;
        seen[i]! += 1;
      }
    }
    expect(elsewhere).toBe(0);
    expect(seen.every((n) => n === 1)).toBe(true);
  });

  it("finds by contact ID exactly the sightings a scan of every log finds", async () => {
    const { logs } = await smallRun();
    const byHex = new Map<string, number[]>();
    for (let i = 0; i < logs.size; i++) {
      const hex = toHex(logs.entry(i).contactId);
      if (!byHex.has(hex)) byHex.set(hex, []);
      byHex.get(hex)!.push(i);
    }
    const ids = [...byHex.keys()];
    for (let k = 0; k < ids.length; k += Math.ceil(ids.length / 200)) {
      const id = logs.entry(byHex.get(ids[k]!)![0]!).contactId;
      const found: number[] = [];
      logs.forEachSightingOf(id, (i) => found.push(i));
      expect(found.sort((a, b) => a - b)).toEqual(byHex.get(ids[k]!));
    }
    // An ID sharing a heard ID's first 4 bytes but not the rest is no sighting.
    const near = Uint8Array.from(logs.entry(0).contactId);
    near[near.length - 1]! ^= 0xff;
    const none: number[] = [];
    logs.forEachSightingOf(near, (i) => none.push(i));
    expect(none).toEqual(byHex.get(toHex(near)) ?? []);
  });

  it("keeps only the phones a process holds, and all their sightings", async () => {
    const { engine, agents, phoneOfAgent, scheme, logs } = await smallRun();
    const odd = PhoneLogs.build(engine, agents, phoneOfAgent, scheme, (p) => p % 2 === 1);
    let oddInAll = 0;
    for (let p = 1; p < agents.length; p += 2) oddInAll += logs.start[p + 1]! - logs.start[p]!;
    expect(odd.size).toBe(oddInAll);
    let even = 0;
    for (let i = 0; i < odd.size; i++) if (odd.entry(i).phone % 2 === 0) even++;
    expect(even).toBe(0);
  });
});

describe("phonesWithHits", () => {
  it("is the set of phones that heard the index person's phone inside its window", async () => {
    const { engine, logs, outbreak, phoneOfAgent, agents, pushOf } = await smallRun();
    const window = indexWindow(outbreak.window.end, 14);
    const own = new IdsAtTime(engine, undefined, nodeCrypto);
    const indexPhones = outbreak.sets.f0.map((a) => phoneOfAgent[a]!).filter((p) => p >= 0);
    expect(indexPhones.length).toBeGreaterThan(0);
    let hitsSeen = 0;
    for (const [k, p] of indexPhones.entries()) {
      const agent = agents[p]!;
      // By brute force: each sighting's heard ID against the ID the index phone sent then.
      const want = new Set<number>();
      for (let i = 0; i < logs.size; i++) {
        const e = logs.entry(i);
        if (e.time < window.start || e.time >= window.end) continue;
        if (toHex(e.contactId) === toHex(own.idAt(agent, e.time))) want.add(e.phone);
      }
      const got = phonesWithHits(pushOf(p, k + 1, `index-${k + 1}-x`), logs, 14);
      expect([...got].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
      hitsSeen += got.size;
    }
    expect(hitsSeen).toBeGreaterThan(0);
  });

  it("finds nothing once the window has moved past every sighting", async () => {
    const { logs, outbreak, phoneOfAgent, pushOf } = await smallRun();
    const p = phoneOfAgent[outbreak.sets.f0.find((a) => phoneOfAgent[a]! >= 0)!]!;
    const push = pushOf(p, 1, "index-late-x");
    const late = { ...push, windowEnd: push.windowEnd + 15 * 86_400 };
    expect(phonesWithHits(late, logs, 14).size).toBe(0);
  });
});
