import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/messages/errors.js";
import { statsSchema } from "../../src/messages/stats.js";
import { stats } from "./examples.js";
import { expectRejected, without } from "./expect-message.js";

describe("stats", () => {
  it("accepts the matcher's counts, on any store", () => {
    expect(parseMessage(statsSchema, stats)).toEqual(stats);
    expect(parseMessage(statsSchema, { ...stats, store: "redis" }).store).toBe("redis");
    // The store's kind is the store's own name: a new store needs no protocol change.
    expect(parseMessage(statsSchema, { ...stats, store: "sqlite" }).store).toBe("sqlite");
  });

  it("rejects bad counts in one line", () => {
    expectRejected(statsSchema, { ...stats, store: "" }, "store: must be at least 1 character");
    expectRejected(
      statsSchema,
      { ...stats, uploads: { stored: -1 } },
      "uploads.stored: must be ≥ 0",
    );
    expectRejected(
      statsSchema,
      { ...stats, phones: { connected: 5, idle: 2 } },
      "phones.idle: is not allowed",
    );
    expectRejected(statsSchema, without(stats, "keyPushes"), "keyPushes: is required");
  });
});
