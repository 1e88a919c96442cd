export { buildProgram } from "./program.js";
export { run } from "./run.js";
