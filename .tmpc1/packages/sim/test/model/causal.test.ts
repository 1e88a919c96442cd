import { isClose, closeSecondsByDay as protocolDays } from "@tracebed/protocol";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  contactsAround,
  decisionDayOf,
  decisionParams,
  firstTrueContactDay,
  pairEvidence,
  SECONDS_PER_DAY,
  simulate,
} from "../../src/core/index.js";
import { testConfig } from "../core/fixture.js";

/**
 * Property (issue "causal windows"): no F2, true or app-detected, rests on a contact before
 * its F1's exposure. Checked from the raw contacts, not from the oracle's own verdicts.
 */
describe("causal windows", () => {
  test("every F2 has a qualifying contact with an F1 on or after that F1's exposure day", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000 }),
        fc.constantFrom(0.3, 0.6, 0.9),
        fc.constantFrom("ideal", "realistic") as fc.Arbitrary<"ideal" | "realistic">,
        async (seed, share, mode) => {
          const base = testConfig({
            seed,
            regions: [{ id: "a", name: "A", agents: 6_000 }],
            f0: { count: 4, from: "all" },
            adoption: { mode: "uniform", share },
          });
          const config = { ...base, ble: { ...base.ble, mode } };
          const { engine, outbreak } = await simulate(config);
          const s = outbreak.sets;
          const from = Math.max(0, config.days - 14);
          const f0Contacts = contactsAround(engine, new Set(s.f0));
          // The truth's exposure days, recomputed: the earliest over the F0.
          const exposure = new Map<number, number>();
          for (const [i, byPartner] of f0Contacts) {
            for (const [p, list] of byPartner) {
              const day = firstTrueContactDay(engine, i, p, list, from);
              if (day >= 0 && (exposure.get(p) ?? Infinity) > day) exposure.set(p, day);
            }
          }
          for (const x of s.trueF1) expect(exposure.get(x)).toBe(outbreak.exposures.trueF1.get(x));
          const f1Contacts = contactsAround(engine, s.trueF1);
          for (const q of s.trueF2) {
            let supported = false;
            for (const [j, byPartner] of f1Contacts) {
              const list = byPartner.get(q);
              if (list && firstTrueContactDay(engine, j, q, list, exposure.get(j)!) >= 0)
                supported = true;
            }
            expect(supported).toBe(true);
          }
          // App-detected F2: the decision rules on the pair's sightings from the F1's
          // notified exposure day (00:00 UTC of its decision day) on.
          const params = decisionParams(config);
          const appF1Contacts = contactsAround(engine, s.notifiedF1);
          for (const q of s.notifiedF2) {
            let supported = false;
            for (const [j, byPartner] of appF1Contacts) {
              const list = byPartner.get(q);
              const e = outbreak.exposures.notifiedF1.get(j);
              if (!list || e === undefined) continue;
              const start = decisionDayOf(config, e) * SECONDS_PER_DAY;
              const ev = pairEvidence(engine, j, q, list, {
                timestamps: [],
                rssi: [],
                txPower: [],
              });
              const periods = new Set<number>();
              ev.timestamps.forEach((t, k) => {
                if (
                  t >= start &&
                  t < outbreak.window.end &&
                  isClose(ev.rssi[k]!, ev.txPower[k]!, params)
                )
                  periods.add(Math.floor(t / params.scanPeriodSeconds));
              });
              for (const secs of protocolDays(periods, params.scanPeriodSeconds).values())
                if (secs >= params.minCloseSeconds) supported = true;
            }
            expect(supported).toBe(true);
          }
        },
      ),
      { numRuns: 6, seed: 42 },
    );
  }, 240_000);
});
