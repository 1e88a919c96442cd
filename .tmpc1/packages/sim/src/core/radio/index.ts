export * from "./attenuation.js";
export * from "./bench.js";
export * from "./bench-setup.js";
export * from "./environment.js";
export * from "./handsets.js";
export * from "./realistic.js";
export * from "./registry.js";
export { BENCH_SETUP_NAMES, BENCH_SETUPS } from "./setups.js";
export * from "./variation.js";
