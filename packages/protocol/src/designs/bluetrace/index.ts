export * from "./cipher.js";
export * from "./decide.js";
export * from "./messages.js";
export * from "./tempid.js";
