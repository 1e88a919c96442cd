import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatPath, MessageError, parseMessage } from "../../src/messages/errors.js";

describe("formatPath", () => {
  it("joins keys with . and indices with [i]", () => {
    expect(formatPath(["log", 3, "rssi"])).toBe("log[3].rssi");
    expect(formatPath([0, "a", 1, 2])).toBe("[0].a[1][2]");
    expect(formatPath([])).toBe("(root)");
  });
});

describe("parseMessage", () => {
  const schema = z.strictObject({
    n: z.int().min(1).lt(10),
    s: z.string().min(2).max(3),
    list: z.array(z.number()).min(1).max(2),
    kind: z.enum(["x", "y"]),
    u: z.discriminatedUnion("t", [
      z.strictObject({ t: z.literal("a") }),
      z.strictObject({ t: z.literal("b") }),
    ]),
  });
  const ok = { n: 5, s: "ab", list: [1], kind: "x", u: { t: "a" } };
  const fails = (value: unknown) => {
    try {
      parseMessage(schema, value);
    } catch (e) {
      expect(e).toBeInstanceOf(MessageError);
      return (e as MessageError).message;
    }
    throw new Error("expected a MessageError");
  };

  it("returns the typed value", () => {
    const v: { n: number } = parseMessage(schema, ok);
    expect(v).toEqual(ok);
  });

  it("words each rule in one line", () => {
    expect(fails({ ...ok, n: 0 })).toBe("n: must be ≥ 1");
    expect(fails({ ...ok, n: 10 })).toBe("n: must be < 10");
    expect(fails({ ...ok, n: 1.5 })).toBe("n: must be an integer, got 1.5");
    expect(fails({ ...ok, n: "5" })).toBe("n: must be a number, got a string");
    expect(fails({ ...ok, s: "a" })).toBe("s: must be at least 2 characters");
    expect(fails({ ...ok, s: "abcd" })).toBe("s: must be at most 3 characters");
    expect(fails({ ...ok, list: [] })).toBe("list: must have at least 1 item");
    expect(fails({ ...ok, list: [1, 2, 3] })).toBe("list: must have at most 2 items");
    expect(fails({ ...ok, list: [1, null] })).toBe("list[1]: must be a number, got null");
    expect(fails({ ...ok, kind: "z" })).toBe('kind: must be one of "x", "y"');
    expect(fails({ ...ok, u: { t: "c" } })).toBe('u.t: must be one of "a", "b"');
    expect(fails({ ...ok, extra: 1 })).toBe("extra: is not allowed");
    expect(fails(null)).toBe("(root): must be an object, got null");
    expect(fails([])).toBe("(root): must be an object, got an array");
  });

  it("says a missing field is required", () => {
    const { n: _, ...rest } = ok;
    expect(fails(rest)).toBe("n: is required");
  });

  it("keeps every problem and counts the others in the message", () => {
    const message = fails({ ...ok, n: 0, s: 1 });
    expect(message).toBe("n: must be ≥ 1 (and 1 more)");
    expect(message).not.toContain("\n");
    try {
      parseMessage(schema, { ...ok, n: 0, s: 1 });
    } catch (e) {
      expect((e as MessageError).problems).toEqual([
        "n: must be ≥ 1",
        "s: must be a string, got 1",
      ]);
    }
  });
});
