export * from "./scheme.js";
