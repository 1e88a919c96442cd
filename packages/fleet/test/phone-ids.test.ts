import { opaqueIdSchema } from "@tracebed/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newRunTag } from "../src/phone-ids.js";

describe("run tags", () => {
  it("are valid opaque id parts, one per start time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }),
        fc.nat({ max: 999_999_999 }),
        (now, agent) => {
          const tag = newRunTag(now);
          expect(opaqueIdSchema.safeParse(`${tag}-case-${agent}`).success).toBe(true);
          expect(newRunTag(now + 1)).not.toBe(tag);
        },
      ),
    );
  });
});
