import { expect } from "vitest";
import type { z } from "zod";
import { MessageError, parseMessage } from "../../src/messages/errors.js";

/** Parsing `value` throws a MessageError whose one-line message is exactly `message`. */
export function expectRejected(schema: z.ZodType, value: unknown, message: string): void {
  let error: unknown;
  try {
    parseMessage(schema, value);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MessageError);
  expect((error as MessageError).message).toBe(message);
}

/** A copy of `value` without `key`. */
export function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const { [key]: _, ...rest } = value;
  return rest as Partial<T>;
}
