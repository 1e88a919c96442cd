import { InvalidArgumentError } from "commander";

/** Commander argument parsers that reject bad numbers with a message naming the rule. */
export function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a non-negative integer");
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError("is too large");
  return n;
}

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) === 0)
    throw new InvalidArgumentError("must be a positive integer");
  return nonNegativeInt(value);
}

export function share(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError("must be a fraction from 0 to 1");
  }
  return n;
}
