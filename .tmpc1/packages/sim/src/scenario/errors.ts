import { formatPath } from "@tracebed/protocol";
import type * as z from "zod";

/** A scenario that cannot be used; `message` is one line: `file: path: rule`. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  /** Every problem found, each one line like `message`; `message` is the first. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems[0] ?? "invalid scenario");
    this.problems = problems;
  }
}

/** `regions[3].population`, `layers[0].contactsPerDay.byAgeBand.65-plus`; "(root)" when empty. */
export { formatPath };

/** One line: `name: path: rule`, newlines folded to spaces. */
export function problemLine(name: string, path: readonly PropertyKey[], rule: string): string {
  return `${name}: ${formatPath(path)}: ${rule}`.replace(/\s*\n\s*/g, " ");
}

function kindOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "an object";
  if (typeof input === "string") return "text";
  return `a ${typeof input}`;
}

const EXPECTED: Record<string, string> = {
  object: "an object",
  array: "a list",
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
};

/**
 * Plain-English rules for the issues the schema does not word itself. Passed to zod per
 * parse; the schema's own `error` options take precedence.
 */
export const plainEnglish: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return "is required";
      return `must be ${EXPECTED[iss.expected] ?? iss.expected} (got ${kindOf(iss.input)})`;
    case "unrecognized_keys":
      return `has unknown field${iss.keys.length > 1 ? "s" : ""} ${iss.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `must be ${iss.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "too_small":
      return iss.origin === "array"
        ? `must have at least ${iss.minimum} entr${iss.minimum === 1 ? "y" : "ies"}`
        : `must be at least ${iss.minimum}`;
    case "too_big":
      return iss.origin === "array"
        ? `must have at most ${iss.maximum} entries`
        : `must be at most ${iss.maximum}`;
    case "invalid_format":
      return `must be a valid ${iss.format}`;
    default:
      return "is not valid here";
  }
};

/** The one-line problems of a failed zod parse, in document order. */
export function problemsOf(name: string, error: z.ZodError): string[] {
  return error.issues.map((iss) => problemLine(name, iss.path, iss.message));
}
