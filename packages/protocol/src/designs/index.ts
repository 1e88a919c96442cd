export * as bluetrace from "./bluetrace/index.js";
export { DESIGN_NAMES, type DesignName } from "./names.js";
