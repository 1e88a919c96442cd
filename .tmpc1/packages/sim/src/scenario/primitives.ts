import * as z from "zod";

/** The three bases a coverage figure can be stated on (see scenarios/README.md). */
export const DENOMINATORS = ["population", "adults", "smartphoneUsers"] as const;

/** How exactly a letter states a figure: "over 33 thousand", "about 60%", "at least 50%". */
export const QUALIFIERS = ["exact", "about", "moreThan", "atLeast"] as const;

const required = (rule: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? "is required" : rule;

const ID_RULE = 'must be a lowercase id like "gia-nghia" (letters a-z, digits, single hyphens)';
const SHARE_RULE = "must be a share between 0 and 1";
const POSITIVE_INT_RULE = "must be a positive integer";
const COUNT_RULE = "must be a whole number, 0 or more";
const DATE_RULE = "must be a date written YYYY-MM-DD";
const MONTH_OR_DATE_RULE = "must be a date written YYYY-MM-DD or a month written YYYY-MM";

export const idSchema = z
  .string({ error: required(ID_RULE) })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: ID_RULE });

export const textSchema = z
  .string({ error: required("must be text") })
  .min(1, { error: "must not be empty" });

/** A reference to an entry of the scenario's `sources[]`, by its id. */
export const sourceRefSchema = textSchema;

export const shareSchema = z
  .number({ error: required(SHARE_RULE) })
  .min(0, { error: SHARE_RULE })
  .max(1, { error: SHARE_RULE });

export const positiveIntSchema = z
  .int({ error: required(POSITIVE_INT_RULE) })
  .positive({ error: POSITIVE_INT_RULE });

export const countSchema = z.int({ error: required(COUNT_RULE) }).min(0, { error: COUNT_RULE });

export const positiveNumberSchema = z
  .number({ error: required("must be a number greater than 0") })
  .positive({ error: "must be a number greater than 0" });

export const nonNegativeNumberSchema = z
  .number({ error: required("must be a number, 0 or more") })
  .min(0, { error: "must be a number, 0 or more" });

function validDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  if (d === undefined) return m! >= 1 && m! <= 12;
  const t = new Date(Date.UTC(y!, m! - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

export const dateSchema = z
  .string({ error: required(DATE_RULE) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_RULE })
  .refine(validDate, { error: DATE_RULE });

export const monthOrDateSchema = z
  .string({ error: required(MONTH_OR_DATE_RULE) })
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, { error: MONTH_OR_DATE_RULE })
  .refine(validDate, { error: MONTH_OR_DATE_RULE });

export const denominatorSchema = z.enum(DENOMINATORS, {
  error: required('must be one of "population", "adults", "smartphoneUsers"'),
});

export const qualifierSchema = z.enum(QUALIFIERS, {
  error: required('must be one of "exact", "about", "moreThan", "atLeast"'),
});

const distributionBody = {
  lognormal: z.strictObject({
    family: z.literal("lognormal"),
    median: positiveNumberSchema,
    sigma: nonNegativeNumberSchema,
    min: nonNegativeNumberSchema.optional(),
    max: positiveNumberSchema.optional(),
  }),
  uniform: z.strictObject({
    family: z.literal("uniform"),
    min: nonNegativeNumberSchema,
    max: positiveNumberSchema,
  }),
  fixed: z.strictObject({ family: z.literal("fixed"), value: nonNegativeNumberSchema }),
};

/** A distribution of a positive quantity (minutes, metres): the family and its parameters. */
export const distributionSchema = z.discriminatedUnion(
  "family",
  [distributionBody.lognormal, distributionBody.uniform, distributionBody.fixed],
  {
    error: (iss) =>
      (iss.code as string) === "invalid_type"
        ? 'must be an object with a "family" field'
        : iss.input === undefined
          ? "is required"
          : 'must be one of "lognormal", "uniform", "fixed"',
  },
);
