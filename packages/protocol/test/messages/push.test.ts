import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/messages/errors.js";
import {
  keyCatchUpQuerySchema,
  keyCatchUpResponseSchema,
  keyPushFrameSchema,
  keyPushSchema,
  notificationSchema,
} from "../../src/messages/push.js";
import { hex, keyCatchUpResponse, keyPush, keys, notification } from "./examples.js";
import { expectRejected, without } from "./expect-message.js";

describe("key push", () => {
  it("accepts an index person's keys, role and window end", () => {
    expect(parseMessage(keyPushSchema, keyPush)).toEqual(keyPush);
    expect(parseMessage(keyPushSchema, { ...keyPush, role: "F1" }).role).toBe("F1");
  });

  it("rejects bad fields in one line", () => {
    expectRejected(keyPushSchema, { ...keyPush, role: "F2" }, 'role: must be one of "F0", "F1"');
    expectRejected(keyPushSchema, without(keyPush, "windowEnd"), "windowEnd: is required");
    expectRejected(keyPushSchema, { ...keyPush, seq: 0 }, "seq: must be ≥ 1");
    expectRejected(
      keyPushSchema,
      { ...keyPush, keys: [...keys, keys[0]] },
      "keys: must have at most 14 items",
    );
    expectRejected(
      keyPushSchema,
      { ...keyPush, keys: [{ ...keys[0], key: hex(31) }] },
      "keys[0].key: must be 64 hex characters (a bluezone daily key is 32 bytes)",
    );
  });
});

describe("key push frame", () => {
  it("carries one to 100 pushes", () => {
    const two = [keyPush, { ...keyPush, seq: 43, role: "F1" }];
    expect(parseMessage(keyPushFrameSchema, two)).toEqual(two);
    expectRejected(keyPushFrameSchema, [], "(root): must have at least 1 item");
    expectRejected(
      keyPushFrameSchema,
      Array(101).fill(keyPush),
      "(root): must have at most 100 items",
    );
    expectRejected(keyPushFrameSchema, [keyPush, { ...keyPush, seq: 0 }], "[1].seq: must be ≥ 1");
  });
});

describe("key catch-up", () => {
  it("parses the since query from a string; absent means from the start", () => {
    expect(parseMessage(keyCatchUpQuerySchema, { since: "42" })).toEqual({ since: 42 });
    expect(parseMessage(keyCatchUpQuerySchema, {})).toEqual({});
    expectRejected(keyCatchUpQuerySchema, { since: "-1" }, "since: must be a non-negative integer");
    expectRejected(
      keyCatchUpQuerySchema,
      { since: "1e3" },
      "since: must be a non-negative integer",
    );
    expectRejected(keyCatchUpQuerySchema, { since: "" }, "since: must be a non-negative integer");
  });

  it("accepts a page of pushes and refuses an oversized one", () => {
    expect(parseMessage(keyCatchUpResponseSchema, keyCatchUpResponse)).toEqual(keyCatchUpResponse);
    expectRejected(
      keyCatchUpResponseSchema,
      { ...keyCatchUpResponse, pushes: Array(1_001).fill(keyPush) },
      "pushes: must have at most 1000 items",
    );
    expectRejected(
      keyCatchUpResponseSchema,
      { ...keyCatchUpResponse, pushes: [keyPush, { ...keyPush, pushedAt: 0 }] },
      "pushes[1].pushedAt: must be ≥ 1577836800",
    );
    expectRejected(
      keyCatchUpResponseSchema,
      without(keyCatchUpResponse, "more"),
      "more: is required",
    );
  });
});

describe("F1/F2 notification", () => {
  it("accepts F1 and F2", () => {
    expect(parseMessage(notificationSchema, notification)).toEqual(notification);
    expect(parseMessage(notificationSchema, { ...notification, role: "F2" }).role).toBe("F2");
  });

  it("rejects bad fields in one line", () => {
    expectRejected(
      notificationSchema,
      { ...notification, role: "F0" },
      'role: must be one of "F1", "F2"',
    );
    expectRejected(
      notificationSchema,
      { ...notification, closeSeconds: 86_401 },
      "closeSeconds: must be ≤ 86400",
    );
    expectRejected(notificationSchema, without(notification, "indexId"), "indexId: is required");
  });
});
