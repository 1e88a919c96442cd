import { phoneHandshakeSchema } from "@tracebed/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRunTag, phoneIdFor } from "../src/phone-ids.js";

describe("phone IDs", () => {
  it("are valid opaque IDs, one per (run, agent), ordered as the agents", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }),
        fc.nat({ max: 999_999_999 }),
        fc.nat({ max: 999_999_999 }),
        (now, a, b) => {
          const tag = newRunTag(now);
          expect(phoneHandshakeSchema.safeParse({ phoneId: phoneIdFor(tag, a) }).success).toBe(
            true,
          );
          expect(phoneIdFor(tag, a) === phoneIdFor(tag, b)).toBe(a === b);
          expect(phoneIdFor(tag, a) < phoneIdFor(tag, b)).toBe(a < b);
          expect(phoneIdFor(tag, a)).not.toBe(phoneIdFor(newRunTag(now + 1), a));
        },
      ),
    );
  });
});
