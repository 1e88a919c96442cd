// The simulator's public entry point: what the fleet, the CLI and the web app use. The engine's
// internals (layers, RNG, population builder, oracle passes) stay behind it; a name joins this
// list when another workspace needs it. Node-only parts are in `@tracebed/sim/node`.

// The calibration against the Ministry's and the NHS app's figures (`tracebed calibrate`).
export { type CalibrationResult, calibrate } from "./calibrate/index.js";
// Running the simulator and its results.
// Questions the viewer app asks of one run (who met whom, and what the app and the truth say).
// The radio measurement bench (`tracebed radio`).
export {
  type AdoptionConfig,
  appFindsFrom,
  BENCH_SETUP_NAMES,
  BENCH_SETUPS,
  type BenchResult,
  type Chain,
  contactsAround,
  type DayScanner,
  decisionParams,
  type Engine,
  endingAt,
  FLAG_APP,
  firstDayFrom,
  forEachSightingOfDay,
  grown,
  IdsAtTime,
  type Outbreak,
  type OverF0,
  type PerF0,
  type PersonRow,
  peopleRows,
  phoneDailyKeys,
  RADIO_ENVIRONMENTS,
  runRadioBench,
  type SimConfig,
  type SimResult,
  type SimRun,
  type SimulateOptions,
  simulate,
  type TracingMetrics,
} from "./core/index.js";
// Each design's oracle (what its phones and server must notify on the same run) and each
// design's rule on a run, by name (the page's and `simulate --design`'s figures).
export * from "./designs/index.js";
// From a scenario to a configuration.
export {
  type AdoptionChoice,
  configFromScenario,
  populationTarget,
  type RunOptions,
} from "./model/index.js";
// Scenarios: the schema, parsing, presets and shares on their denominators.
export {
  type AdoptionPreset,
  adoptionPresets,
  DEFAULT_SCENARIO,
  fromShareOfPopulation,
  parseScenario,
  type Scenario,
  ScenarioError,
  scenarioHash,
  smartphoneShare,
  toShareOfPopulation,
} from "./scenario/index.js";
// Sweeps over seeds and parameters: the sweep, its statistics, its CSV, the saturation rule.
export * from "./sweep/index.js";
