export * from "./error-body.js";
export * from "./errors.js";
export * from "./f0-codes.js";
export * from "./fields.js";
export * from "./limits.js";
export * from "./push.js";
export * from "./schemes.js";
export * from "./uploads.js";
