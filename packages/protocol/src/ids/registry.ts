import { bluezone } from "./bluezone.js";
import { dp3t } from "./dp3t.js";
import { gaen } from "./gaen.js";
import type { IdScheme } from "./scheme.js";

/** Every rolling-ID scheme by name; a new scheme is one file plus one line here. */
export const ID_SCHEMES = {
  bluezone,
  gaen,
  dp3t,
} as const satisfies Record<string, IdScheme>;

export type IdSchemeName = keyof typeof ID_SCHEMES;

export const ID_SCHEME_NAMES = Object.keys(ID_SCHEMES) as IdSchemeName[];

export function isIdSchemeName(name: string): name is IdSchemeName {
  return Object.hasOwn(ID_SCHEMES, name);
}

export function getIdScheme(name: string): IdScheme {
  if (!isIdSchemeName(name)) {
    throw new Error(`unknown ID scheme "${name}" (known: ${ID_SCHEME_NAMES.join(", ")})`);
  }
  return ID_SCHEMES[name];
}
