import * as z from "zod";
import { LAYER_KIND_NAMES } from "../core/layers/kinds/index.js";
import {
  distributionSchema,
  idSchema,
  nonNegativeNumberSchema,
  positiveNumberSchema,
  shareSchema,
  sourceRefSchema,
  textSchema,
} from "./primitives.js";

export { LAYER_KIND_NAMES };

const dbm = z.number({ error: "must be a number of dBm" });
const perPlatformPair = <T extends z.ZodType>(value: T) =>
  z.strictObject({ androidAndroid: value, androidIos: value, iosAndroid: value, iosIos: value });

/**
 * Contacts per agent per day: one mean for everybody, a mean per age band (the band's own
 * agents), or — households — every member every day.
 */
export const contactsPerDaySchema = z.strictObject({
  mean: nonNegativeNumberSchema.optional(),
  byAgeBand: z
    .record(z.string(), nonNegativeNumberSchema, { error: "must map age-band ids to numbers" })
    .optional(),
  allHouseholdMembers: z.literal(true, { error: "must be true when given" }).optional(),
});

export const layerSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(LAYER_KIND_NAMES, { error: `must be one of ${LAYER_KIND_NAMES.join(", ")}` }),
  name: textSchema,
  nameEn: textSchema,
  contactsPerDay: contactsPerDaySchema,
  /** Who belongs to this layer's groups (workplaces, classes) and how big they are. */
  cluster: z
    .strictObject({
      meanSize: positiveNumberSchema,
      minAge: z.int({ error: "must be a whole number of years" }).min(0),
      maxAge: z.int({ error: "must be a whole number of years" }).min(0),
      participation: shareSchema,
      /** Share of a member's colleague ties met on a given day (default 0.5, OpenABM's). */
      dailyFraction: shareSchema.optional(),
    })
    .optional(),
  /** Local hours [from, to) in which this layer's contacts start. */
  hours: z
    .tuple(
      [
        z
          .int()
          .min(0, { error: "must be an hour 0-24" })
          .max(24, { error: "must be an hour 0-24" }),
        z
          .int()
          .min(0, { error: "must be an hour 0-24" })
          .max(24, { error: "must be an hour 0-24" }),
      ],
      { error: "must be [fromHour, toHour]" },
    )
    .optional(),
  /** Minutes the pair spends together that day in this layer. */
  durationMinutes: distributionSchema,
  /** Typical distance between the two during that time, metres. */
  distanceMeters: distributionSchema,
  /**
   * Share of this layer's true contacts that manual tracing would list when the case knows
   * them (household, colleagues, classmates, regular partners).
   */
  manualRecall: shareSchema,
  /** Mixing layers: share of true contacts with one-off strangers that tracing would list. */
  manualRecallStrangers: shareSchema.optional(),
  /**
   * Mixing layers: the share of the day's contacts that are with regular partners (the same
   * people day after day), and how many regular partners each person has (2 or 4).
   */
  regular: z
    .strictObject({
      share: shareSchema,
      partners: z
        .int({ error: "must be a whole number of people" })
        .min(2)
        .max(4)
        .refine((n) => n % 2 === 0, { error: "must be 2 or 4" }),
    })
    .optional(),
  sources: z.array(sourceRefSchema, { error: "must be a list of source ids" }).min(1, {
    error: "must cite at least one source",
  }),
  notes: textSchema.optional(),
});

export const closeContactSchema = z.strictObject({
  maxDistanceMeters: positiveNumberSchema,
  minMinutes: positiveNumberSchema,
  source: sourceRefSchema,
});

export const bleSchema = z.strictObject({
  scan: z.strictObject({ onSeconds: positiveNumberSchema, offSeconds: nonNegativeNumberSchema }),
  advertise: z.strictObject({
    onSeconds: positiveNumberSchema,
    offSeconds: nonNegativeNumberSchema,
  }),
  txPowerDbm: dbm,
  /** RSSI(d) = txPowerDbm − lossAt1mDb − 10 · exponent · log10(d / 1 m) + noise + pair offset. */
  pathLoss: z.strictObject({ exponent: positiveNumberSchema, lossAt1mDb: positiveNumberSchema }),
  rssiNoiseSdDb: nonNegativeNumberSchema,
  pairOffsetSdDb: nonNegativeNumberSchema,
  /** Weakest RSSI a phone logs at all. */
  sensitivityDbm: dbm,
  /**
   * The app's per-platform RSSI thresholds, (scanner, advertiser) as its configuration names
   * them. Bluezone's published app applies them to what its nearby-devices screen shows, not to
   * what it logs (docs/MODEL.md, "Radio"), so the simulator's logs do not filter on them.
   */
  rssiThresholdDbm: perPlatformPair(dbm).optional(),
  /**
   * Share of the time an iPhone's app is in the background: two iPhones whose apps are both
   * in the background see nothing of each other then.
   */
  iosBackground: z.strictObject({ backgroundShare: shareSchema }),
  sources: z.array(sourceRefSchema, { error: "must be a list of source ids" }).min(1, {
    error: "must cite at least one source",
  }),
  notes: textSchema.optional(),
});
