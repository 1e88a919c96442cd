export {
  type CalibrateOptions,
  type CalibrationResult,
  calibrate,
  calibrationConfig,
  MINISTRY,
  NATIONAL_INSTALLS_2020_08,
  NHS,
  type SensitivityRow,
} from "./calibrate.js";
export { type SensitivityParameter, sensitivityParameters } from "./sensitivity.js";
