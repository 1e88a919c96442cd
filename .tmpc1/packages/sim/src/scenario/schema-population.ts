import * as z from "zod";
import {
  idSchema,
  monthOrDateSchema,
  positiveIntSchema,
  positiveNumberSchema,
  shareSchema,
  sourceRefSchema,
  textSchema,
} from "./primitives.js";

export const REGION_KINDS = [
  "country",
  "socioEconomicRegion",
  "province",
  "city",
  "town",
  "district",
] as const;

/** A place whose people are simulated: a province's districts, or a country's regions. */
export const regionSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  kind: z.enum(REGION_KINDS, { error: `must be one of ${REGION_KINDS.join(", ")}` }),
  /** People living there (all ages). */
  population: positiveIntSchema,
  /** Year the population figure refers to; when the source gives none, say so in populationNote. */
  populationYear: positiveIntSchema.optional(),
  populationSource: sourceRefSchema,
  populationNote: textSchema.optional(),
});

/** An age band: ages minAge..maxAge inclusive (maxAge null: and older). */
export const ageBandSchema = z.strictObject({
  id: idSchema,
  minAge: z.int({ error: "must be a whole number of years, 0 or more" }).min(0, {
    error: "must be a whole number of years, 0 or more",
  }),
  maxAge: z.int({ error: "must be a whole number of years, or null for the open band" }).nullable(),
  /** Share of the whole population in this band. */
  share: shareSchema,
  /** Share of the band's people who own a smartphone. */
  smartphoneOwnership: shareSchema,
  source: sourceRefSchema,
  smartphoneSource: sourceRefSchema,
});

/** Households by number of members; the last size stands for "that many or more". */
export const householdsSchema = z.strictObject({
  sizeShares: z
    .array(z.strictObject({ size: positiveIntSchema, share: shareSchema }), {
      error: "must be a list of { size, share }",
    })
    .min(1, { error: "must list at least one household size" }),
  /** True when the last size stands for "that many or more" (the census's 7+). */
  lastSizeIsOpenEnded: z.boolean({ error: "must be true or false" }),
  /** The mean household size the source states (persons per household). */
  meanSize: positiveNumberSchema,
  source: sourceRefSchema,
  notes: textSchema.optional(),
});

export const platformsSchema = z.strictObject({
  android: shareSchema,
  ios: shareSchema,
  asOf: monthOrDateSchema,
  source: sourceRefSchema,
  notes: textSchema.optional(),
});

/**
 * Share of installs running with Bluetooth on (active apps: they log, advertise and upload),
 * by platform. "report": a published count; "assumption": the scenario's own choice.
 */
export const activeAppsSchema = z.strictObject({
  android: shareSchema,
  ios: shareSchema,
  basis: z.enum(["report", "assumption"], { error: 'must be "report" or "assumption"' }),
  asOf: monthOrDateSchema,
  source: sourceRefSchema,
  notes: textSchema.optional(),
});
