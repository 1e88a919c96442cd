export { nobleCrypto } from "./noble.js";
export type { CryptoPrimitives } from "./primitives.js";
