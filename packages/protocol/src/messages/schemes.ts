import { z } from "zod";
import { ID_SCHEME_NAMES, ID_SCHEMES, type IdSchemeName } from "../ids/registry.js";

/** The ID schemes a message may name: the registry's (ids/registry.ts), in its order. */
export const SCHEME_NAMES: readonly IdSchemeName[] = ID_SCHEME_NAMES;
export type SchemeName = IdSchemeName;
export const schemeNameSchema = z.enum(SCHEME_NAMES);

/**
 * Bytes on the wire per scheme, as each scheme defines them: one daily key (what a phone
 * uploads, `keyLength`) and one broadcast ID (`idLength`).
 */
export const WIRE_SIZES = Object.fromEntries(
  ID_SCHEME_NAMES.map((name) => [
    name,
    { keyBytes: ID_SCHEMES[name].keyLength, idBytes: ID_SCHEMES[name].idLength },
  ]),
) as Readonly<Record<SchemeName, { readonly keyBytes: number; readonly idBytes: number }>>;
