export { startBlueTraceFleetProcess } from "./fleet-process.js";
