import * as z from "zod";
import {
  countSchema,
  DENOMINATORS,
  dateSchema,
  denominatorSchema,
  idSchema,
  positiveIntSchema,
  qualifierSchema,
  shareSchema,
  sourceRefSchema,
  textSchema,
} from "./primitives.js";

/** Where an adoption figure comes from: the seed letter, another report, or a stand-in. */
export const ADOPTION_BASES = ["letter", "report", "standIn"] as const;

/**
 * An amount of app users: a count, a share of a denominator, or both (the letters often give
 * both, e.g. 207,062 users = 16.53% of the population). Which of them is required is checked
 * across fields (see checks-policy.ts).
 */
const amount = {
  count: countSchema.optional(),
  countQualifier: qualifierSchema.optional(),
  share: shareSchema.optional(),
  of: denominatorSchema.optional(),
  shareQualifier: qualifierSchema.optional(),
};

export const regionAdoptionSchema = z.strictObject({
  region: idSchema,
  ...amount,
  source: sourceRefSchema,
});

export const timelinePointSchema = z.strictObject({
  date: dateSchema,
  kind: z.enum(["observed", "target"], { error: 'must be "observed" or "target"' }),
  ...amount,
  source: sourceRefSchema,
  note: textSchema.optional(),
});

export const adoptionSchema = z.strictObject({
  basis: z.enum(ADOPTION_BASES, { error: 'must be one of "letter", "report", "standIn"' }),
  asOf: dateSchema,
  ...amount,
  /** The percentage as the letter prints it, with its denominator or "unstated". */
  statedShare: z
    .strictObject({
      share: shareSchema,
      of: z.enum([...DENOMINATORS, "unstated"], {
        error: 'must be one of "population", "adults", "smartphoneUsers", "unstated"',
      }),
    })
    .optional(),
  /** When the per-region counts do not add up to the stated total: both kept, and flagged. */
  countDiscrepancy: z.strictObject({ byRegionSum: countSchema, note: textSchema }).optional(),
  rank: z
    .strictObject({ position: positiveIntSchema, of: positiveIntSchema, among: textSchema })
    .optional(),
  byRegion: z.array(regionAdoptionSchema, { error: "must be a list" }).optional(),
  timeline: z.array(timelinePointSchema, { error: "must be a list" }).optional(),
  source: sourceRefSchema,
  notes: textSchema.optional(),
});

/** A group with its own rule: officials, quarantined or must-test people. */
export const groupSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  nameEn: textSchema,
  /** How big the group is: a share of the whole population or of the adults. */
  size: z.strictObject({
    share: shareSchema,
    of: z.enum(["population", "adults"], { error: 'must be "population" or "adults"' }),
  }),
  sizeSource: sourceRefSchema,
  /** Adoption inside the group, as a share of the group's smartphone users. */
  adoption: z.strictObject({
    share: shareSchema,
    of: z.literal("smartphoneUsers", { error: 'must be "smartphoneUsers"' }),
  }),
  /** "letter": this scenario's letter says so; "otherSeedLetter": another seed letter does. */
  basis: z.enum(["letter", "otherSeedLetter"], {
    error: 'must be "letter" or "otherSeedLetter"',
  }),
  source: sourceRefSchema,
  notes: textSchema.optional(),
});

export const targetSchema = z.strictObject({
  share: shareSchema,
  of: denominatorSchema,
  qualifier: qualifierSchema,
  /** The group the target is about (e.g. officials); absent: everyone. */
  group: idSchema.optional(),
  /** Deadline the letter gives; absent when it gives none. */
  deadline: dateSchema.optional(),
  setBy: textSchema,
  setByEn: textSchema,
  source: sourceRefSchema,
  /** The letter's own words. */
  quote: textSchema.optional(),
  notes: textSchema.optional(),
});

export const f0Schema = z.strictObject({
  count: positiveIntSchema,
  from: z.enum(["all", "appUsers"], { error: 'must be "all" or "appUsers"' }),
  source: sourceRefSchema,
  notes: textSchema.optional(),
});

/** An observed outcome the simulator can be checked against (the seeds' 17 → 82). */
export const calibrationSchema = z.strictObject({
  f0WithApp: positiveIntSchema,
  f1f2BeyondManual: countSchema,
  asOf: dateSchema,
  reportedBy: textSchema,
  scope: textSchema,
  source: sourceRefSchema,
  quote: textSchema,
});
