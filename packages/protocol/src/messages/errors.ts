import type { z } from "zod";

/** A message that failed validation; `message` is the first problem as `path: rule`. */
export class MessageError extends Error {
  override readonly name = "MessageError";
  /** Every problem found, one `path: rule` line each. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(`${problems[0] ?? "(root): invalid"}${more}`);
    this.problems = problems;
  }
}

/** A typed value of `schema`, or a MessageError naming the field and the rule in one line. */
export function parseMessage<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new MessageError(result.error.issues.flatMap(formatIssue));
}

/** `log[3].rssi`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

/** One zod issue as `path: rule` lines (an unknown-keys issue gives one line per key). */
export function formatIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: is not allowed`);
  }
  return [`${formatPath(issue.path)}: ${rule(issue)}`];
}

const ARTICLE: Record<string, string> = {
  int: "an integer",
  number: "a number",
  string: "a string",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
};

function rule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is required";
      const expected = ARTICLE[issue.expected] ?? issue.expected;
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) {
        return `must be a finite number, got ${String(issue.input)}`;
      }
      return `must be ${expected}, got ${describe(issue.input)}`;
    }
    case "too_big":
      return bound(issue.origin, issue.maximum, issue.inclusive !== false, issue.exact, "max");
    case "too_small":
      return bound(issue.origin, issue.minimum, issue.inclusive !== false, issue.exact, "min");
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union": {
      // A discriminated union whose tag matched no option names the allowed tags.
      const { note, options } = issue as { note?: string; options?: unknown[] };
      if (note === "No matching discriminator" && options) {
        return `must be one of ${options.map((v) => JSON.stringify(v)).join(", ")}`;
      }
      return "matches none of the allowed shapes";
    }
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      // invalid_format (our regexes carry their own wording), custom checks, the rest.
      return issue.message;
  }
}

function bound(
  origin: string,
  limit: number | bigint,
  inclusive: boolean,
  exact: boolean | undefined,
  side: "min" | "max",
): string {
  const n = String(limit);
  if (origin === "string" || origin === "array") {
    const unit = `${origin === "string" ? "character" : "item"}${n === "1" ? "" : "s"}`;
    const verb = origin === "string" ? "be" : "have";
    if (exact) return `must ${verb} exactly ${n} ${unit}`;
    return `must ${verb} at ${side === "max" ? "most" : "least"} ${n} ${unit}`;
  }
  if (side === "max") return `must be ${inclusive ? "≤" : "<"} ${n}`;
  return `must be ${inclusive ? "≥" : ">"} ${n}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
