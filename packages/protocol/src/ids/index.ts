export { bluezone } from "./bluezone.js";
export { dp3t } from "./dp3t.js";
export {
  GAEN_INTERVAL_SECONDS,
  GAEN_INTERVALS_PER_DAY,
  gaen,
  gaenAem,
  gaenAemk,
  gaenRpik,
  gaenRpis,
} from "./gaen.js";
export {
  getIdScheme,
  ID_SCHEME_NAMES,
  ID_SCHEMES,
  type IdSchemeName,
  isIdSchemeName,
} from "./registry.js";
export * from "./scheme.js";
