import { describe, expect, test } from "vitest";
import {
  calibrationConfig,
  NATIONAL_INSTALLS_2020_08,
  sensitivityParameters,
} from "../../src/calibrate/index.js";
import { RADIO_ENVIRONMENTS, varyEnvironment } from "../../src/core/index.js";
import { loadScenarioFile } from "../../src/node/index.js";

const scenario = loadScenarioFile("can-giuoc-2020-08-14");
const { home: HOME, office: OFFICE, transit: TRANSIT } = RADIO_ENVIRONMENTS;

describe("calibration set-up", () => {
  test("August 2020: the national share of installs on the scenario's ramp, realistic BLE, 17 app-using F0", () => {
    const c = calibrationConfig(scenario, 3, { seeds: 1, agents: 5000 });
    expect(c.seed).toBe(3);
    expect(c.ble.mode).toBe("realistic");
    expect(c.f0).toEqual({ count: 17, from: "appUsers" });
    expect(c.adoption.mode).toBe("policy");
    if (c.adoption.mode !== "policy") return;
    expect(c.adoption.denominator).toBe("population");
    expect(c.adoption.byRegion).toEqual([NATIONAL_INSTALLS_2020_08.share]);
    expect(NATIONAL_INSTALLS_2020_08.share).toBeCloseTo(0.161, 3);
    expect(c.adoption.ramp?.length).toBe(c.days);
    expect(c.activeShare).toEqual({ android: 0.4, ios: 0.4 });
  });

  test("every sensitivity parameter changes the config at low and at high, differently", () => {
    const base = calibrationConfig(scenario, 1, { seeds: 1, agents: 5000 });
    const params = sensitivityParameters(base);
    expect(new Set(params.map((p) => p.parameter)).size).toBe(params.length);
    for (const p of params) {
      expect(p.low).toBeLessThan(p.high);
      const lo = JSON.stringify(p.apply(base, p.low));
      const hi = JSON.stringify(p.apply(base, p.high));
      expect(lo).not.toBe(JSON.stringify(base));
      expect(hi).not.toBe(lo);
    }
  });

  test("radio variations scale what they name and nothing else", () => {
    const t = varyEnvironment(TRANSIT, { transitExcess: 2, indoorPlacementLoss: 0 });
    const excess = TRANSIT.oneMeterAttenuationDb - HOME.oneMeterAttenuationDb;
    expect(t.oneMeterAttenuationDb).toBeCloseTo(HOME.oneMeterAttenuationDb + 2 * excess, 10);
    expect(t.placements).toEqual(TRANSIT.placements);
    const o = varyEnvironment(OFFICE, { transitExcess: 2, indoorPlacementLoss: 0.5 });
    expect(o.oneMeterAttenuationDb).toBe(OFFICE.oneMeterAttenuationDb);
    o.placements.forEach((p, i) => {
      expect(p.lossDb).toBeCloseTo(OFFICE.placements[i]!.lossDb * 0.5, 10);
    });
  });
});
