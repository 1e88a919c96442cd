export * from "./calibrate/index.js";
export * from "./core/index.js";
export * from "./model/index.js";
export * from "./scenario/index.js";
export * from "./sweep/index.js";
