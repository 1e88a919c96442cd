import { indexWindow, keyUploadSchema, toHex } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { IdsAtTime } from "@tracebed/sim";
import { describe, expect, it } from "vitest";
import { smallRun } from "./small-run.js";

describe("PhoneUploads", () => {
  it("uploads a phone's daily keys for the days of the window it had the app, one per day", async () => {
    const { uploads, outbreak, agents, phoneIdOf } = await smallRun();
    const lastDay = Math.floor((outbreak.window.end - 1) / 86_400);
    const firstDay = Math.floor(outbreak.window.start / 86_400);
    for (let p = 0; p < agents.length; p += 17) {
      const up = uploads.keys(
        p,
        { kind: "exposure", indexIds: ["index-0001"] },
        `upload-${String(p).padStart(6, "0")}-keys`,
      );
      expect(keyUploadSchema.safeParse(up).error).toBeUndefined();
      expect(up.phoneId).toBe(phoneIdOf(agents[p]!));
      const days = up.keys.map((k) => k.unixDay);
      expect(days.at(-1)).toBe(lastDay);
      expect(days[0]).toBeGreaterThanOrEqual(firstDay);
      expect(days).toEqual(days.map((_, i) => days[0]! + i));
    }
  });

  it("uploads exactly the phone's sightings inside the window, each with the phone's own ID then", async () => {
    const { engine, uploads, logs, outbreak, agents } = await smallRun();
    const window = indexWindow(outbreak.window.end, 14);
    const own = new IdsAtTime(engine, undefined, nodeCrypto);
    let entries = 0;
    for (let p = 0; p < agents.length; p += 13) {
      const up = uploads.log(
        p,
        { kind: "exposure", indexIds: ["index-0001"] },
        `upload-${String(p).padStart(6, "0")}-log`,
      );
      let inWindow = 0;
      for (let i = 0; i < logs.size; i++) {
        const e = logs.entry(i);
        if (e.phone === p && e.time >= window.start && e.time < window.end) inWindow++;
      }
      expect(up.log.length).toBe(inWindow);
      const wrong = up.log.filter(
        (e) =>
          e.timestamp < window.start ||
          e.timestamp >= window.end ||
          e.ownId !== toHex(own.idAt(agents[p]!, e.timestamp)),
      );
      expect(wrong).toEqual([]);
      entries += up.log.length;
    }
    expect(entries).toBeGreaterThan(0);
  });
});
