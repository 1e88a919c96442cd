import shipped from "../../../docs/calibration-2020-08.json" with { type: "json" };

/**
 * The shipped `tracebed calibrate` result for August 2020 (docs/calibration-2020-08.json,
 * docs/MODEL.md "Validation"): true F1 + F2 found by the app beyond manual tracing per
 * app-using F0 under that month's conditions, beside the Ministry's 4.8. Fixed: it does not
 * follow the slider.
 */
export const CALIBRATION_2020_08 = {
  mean: shipped.beyondManualPerF0.mean,
  lo: shipped.beyondManualPerF0.ci95[0]!,
  hi: shipped.beyondManualPerF0.ci95[1]!,
  ministry: shipped.ministry,
  seeds: shipped.seeds.length,
  scenario: shipped.scenario,
};
