import * as z from "zod";
import { crossCheck } from "./checks.js";
import {
  dateSchema,
  idSchema,
  monthOrDateSchema,
  positiveIntSchema,
  sourceRefSchema,
  textSchema,
} from "./primitives.js";
import { bleSchema, closeContactSchema, layerSchema } from "./schema-contacts.js";
import {
  adoptionSchema,
  calibrationSchema,
  f0Schema,
  groupSchema,
  targetSchema,
} from "./schema-policy.js";
import {
  activeAppsSchema,
  ageBandSchema,
  householdsSchema,
  platformsSchema,
  regionSchema,
} from "./schema-population.js";

export const SCENARIO_SCHEMA_VERSION = 1;

const list = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, { error: `must be a list of ${what}` })
    .min(1, { error: `must list at least one of ${what}` });

export const sourceSchema = z.strictObject({
  id: idSchema,
  citation: textSchema,
  url: z.url({ error: "must be a URL" }).optional(),
  note: textSchema.optional(),
});

/** The seed letter (công văn) a scenario comes from. */
export const letterSchema = z.strictObject({
  /** The letter's entry in `sources[]`, so fields can cite it. */
  id: sourceRefSchema,
  number: textSchema,
  issuer: textSchema,
  issuerEn: textSchema,
  date: monthOrDateSchema,
  seedFile: textSchema,
  signedBy: textSchema.optional(),
  related: z
    .array(
      z.strictObject({
        number: textSchema,
        issuer: textSchema,
        date: monthOrDateSchema,
        relation: z.enum(["forwardedBy", "implements", "alsoFrom"], {
          error: 'must be one of "forwardedBy", "implements", "alsoFrom"',
        }),
        seedFile: textSchema.optional(),
      }),
      { error: "must be a list" },
    )
    .optional(),
});

const scenarioShape = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION, {
    error: (iss) =>
      iss.input === undefined ? "is required" : `must be ${SCENARIO_SCHEMA_VERSION}`,
  }),
  id: idSchema,
  /** Vietnamese name, with diacritics. */
  name: textSchema,
  nameEn: textSchema,
  level: z.enum(["country", "province", "district"], {
    error: 'must be one of "country", "province", "district"',
  }),
  /** Date (or month) of the letter. */
  date: monthOrDateSchema,
  source: letterSchema,
  sources: list(sourceSchema, "sources"),
  notes: textSchema,
  regions: list(regionSchema, "regions"),
  ageBands: list(ageBandSchema, "age bands"),
  households: householdsSchema,
  platforms: platformsSchema,
  activeApps: activeAppsSchema,
  adoption: adoptionSchema,
  groups: z.array(groupSchema, { error: "must be a list of groups" }),
  target: targetSchema,
  otherTargets: z.array(targetSchema, { error: "must be a list of targets" }).optional(),
  calibration: calibrationSchema.optional(),
  layers: list(layerSchema, "contact layers"),
  closeContact: closeContactSchema,
  ble: bleSchema,
  f0: f0Schema,
  days: positiveIntSchema,
  startDate: dateSchema,
});

/** A scenario file, validated field by field and then across fields (sums, references). */
export const scenarioSchema = scenarioShape.superRefine(crossCheck);

export type Scenario = z.infer<typeof scenarioShape>;
export type ScenarioSource = z.infer<typeof sourceSchema>;
export type ScenarioLetter = z.infer<typeof letterSchema>;
export type ScenarioRegion = Scenario["regions"][number];
export type ScenarioAgeBand = Scenario["ageBands"][number];
export type ScenarioHouseholds = Scenario["households"];
export type ScenarioAdoption = Scenario["adoption"];
export type ScenarioGroup = Scenario["groups"][number];
export type ScenarioTarget = Scenario["target"];
export type ScenarioLayer = Scenario["layers"][number];
export type ScenarioBle = Scenario["ble"];
export type ScenarioDenominator = Scenario["target"]["of"];
