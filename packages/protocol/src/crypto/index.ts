export type { CryptoPrimitives } from "./primitives.js";
