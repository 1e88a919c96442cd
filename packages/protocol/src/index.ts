export * from "./bytes.js";
export * from "./crypto/index.js";
export * from "./decide/index.js";
export * from "./designs/index.js";
export * from "./ids/index.js";
export * from "./messages/index.js";
