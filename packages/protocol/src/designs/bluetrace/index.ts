export * from "./cipher.js";
export * from "./tempid.js";
