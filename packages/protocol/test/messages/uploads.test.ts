import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/messages/errors.js";
import { MAX_LOG_ENTRIES } from "../../src/messages/limits.js";
import { keyUploadSchema, logUploadSchema, uploadAckSchema } from "../../src/messages/uploads.js";
import { DAY, entry, hex, keys, keyUpload, logUpload, NOW, uploadAck } from "./examples.js";
import { expectRejected, without } from "./expect-message.js";

describe("key upload", () => {
  it("accepts 1 to 14 daily keys of the scheme's length", () => {
    expect(parseMessage(keyUploadSchema, keyUpload)).toEqual(keyUpload);
    const gaen = { ...keyUpload, scheme: "gaen", keys: [{ unixDay: DAY, key: hex(16) }] };
    expect(parseMessage(keyUploadSchema, gaen)).toEqual(gaen);
  });

  it("checks key lengths per scheme", () => {
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, scheme: "gaen" },
      "keys[0].key: must be 32 hex characters (a gaen daily key is 16 bytes) (and 13 more)",
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, keys: [{ unixDay: DAY, key: hex(16) }] },
      "keys[0].key: must be 64 hex characters (a bluezone daily key is 32 bytes)",
    );
  });

  it("rejects bad hex, duplicate days, spans over 14 days and too many keys", () => {
    const one = (key: object) => ({ ...keyUpload, keys: [key] });
    expectRejected(
      keyUploadSchema,
      one({ unixDay: DAY, key: hex(32, "A") }),
      "keys[0].key: must be lowercase hex (pairs of 0-9, a-f)",
    );
    expectRejected(
      keyUploadSchema,
      one({ unixDay: DAY, key: hex(33) }),
      "keys[0].key: must be at most 64 characters",
    );
    expectRejected(
      keyUploadSchema,
      one({ unixDay: DAY + 0.5, key: hex(32) }),
      "keys[0].unixDay: must be an integer, got 18487.5",
    );
    expectRejected(
      keyUploadSchema,
      one({ unixDay: 18_000, key: hex(32) }),
      "keys[0].unixDay: must be ≥ 18262",
    );
    expectRejected(keyUploadSchema, one({ key: hex(32) }), "keys[0].unixDay: is required");
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, keys: [keys[0], keys[1], keys[0]] },
      `keys[2].unixDay: duplicates keys[0].unixDay (${keys[0]!.unixDay})`,
    );
    expectRejected(
      keyUploadSchema,
      {
        ...keyUpload,
        keys: [
          { unixDay: DAY - 14, key: hex(32) },
          { unixDay: DAY, key: hex(32) },
        ],
      },
      `keys: days must lie within 14 consecutive days (got ${DAY - 14}…${DAY})`,
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, keys: [...keys, keys[0]] },
      "keys: must have at most 14 items",
    );
    expectRejected(keyUploadSchema, { ...keyUpload, keys: [] }, "keys: must have at least 1 item");
  });

  it("requires the idempotency key, the scheme and a known basis", () => {
    expectRejected(
      keyUploadSchema,
      without(keyUpload, "idempotencyKey"),
      "idempotencyKey: is required",
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, idempotencyKey: "retry-1" },
      "idempotencyKey: must be at least 16 characters",
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, scheme: "bluetrace" },
      'scheme: must be one of "bluezone", "gaen", "dp3t"',
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, basis: { kind: "f1" } },
      'basis.kind: must be one of "f0", "exposure"',
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, basis: { kind: "f0" } },
      "basis.uploadToken: is required",
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, basis: { kind: "exposure", indexIds: [] } },
      "basis.indexIds: must have at least 1 item",
    );
    expectRejected(
      keyUploadSchema,
      { ...keyUpload, basis: { kind: "exposure", indexIds: Array(1_001).fill("idx_8f3a2b1c") } },
      "basis.indexIds: must have at most 1000 items",
    );
  });
});

describe("log upload", () => {
  it("accepts Bluezone entries (fractional RSSI) and an empty log", () => {
    expect(parseMessage(logUploadSchema, logUpload)).toEqual(logUpload);
    expect(parseMessage(logUploadSchema, { ...logUpload, log: [] }).log).toEqual([]);
  });

  it(`accepts ${MAX_LOG_ENTRIES} entries and refuses one more`, () => {
    const full = { ...logUpload, log: Array(MAX_LOG_ENTRIES).fill(entry) };
    expect(parseMessage(logUploadSchema, full).log).toHaveLength(MAX_LOG_ENTRIES);
    expectRejected(
      logUploadSchema,
      { ...logUpload, log: Array(MAX_LOG_ENTRIES + 1).fill(entry) },
      "log: must have at most 100000 items",
    );
  });

  it("names the entry and the rule", () => {
    const at3 = (patch: object) => ({
      ...logUpload,
      log: [entry, entry, entry, { ...entry, ...patch }],
    });
    expectRejected(logUploadSchema, at3({ rssi: 21 }), "log[3].rssi: must be ≤ 20");
    expectRejected(logUploadSchema, at3({ rssi: -128 }), "log[3].rssi: must be ≥ -127");
    expectRejected(
      logUploadSchema,
      at3({ rssi: "-60" }),
      "log[3].rssi: must be a number, got a string",
    );
    expectRejected(logUploadSchema, at3({ txPower: 20.5 }), "log[3].txPower: must be ≤ 20");
    expectRejected(
      logUploadSchema,
      at3({ timestamp: NOW + 0.25 }),
      "log[3].timestamp: must be an integer, got 1597312800.25",
    );
    expectRejected(
      logUploadSchema,
      at3({ timestamp: 4_102_444_800 }),
      "log[3].timestamp: must be < 4102444800",
    );
    expectRejected(
      logUploadSchema,
      at3({ timestamp: NOW * 1000 }),
      "log[3].timestamp: must be < 4102444800",
    );
    expectRejected(
      logUploadSchema,
      at3({ contactId: hex(16) }),
      "log[3].contactId: must be 24 hex characters (a bluezone ID is 12 bytes)",
    );
    expectRejected(
      logUploadSchema,
      at3({ ownId: "xyz" }),
      "log[3].ownId: must be lowercase hex (pairs of 0-9, a-f)",
    );
    expectRejected(logUploadSchema, at3({ duration: 300 }), "log[3].duration: is not allowed");
    expectRejected(
      logUploadSchema,
      { ...logUpload, log: [entry, without(entry, "rssi")] },
      "log[1].rssi: is required",
    );
    expectRejected(
      logUploadSchema,
      { ...logUpload, log: {} },
      "log: must be an array, got an object",
    );
  });

  it("takes each scheme's ID length", () => {
    const dp3t = {
      ...logUpload,
      scheme: "dp3t",
      log: [{ ...entry, ownId: hex(16), contactId: hex(16) }],
    };
    expect(parseMessage(logUploadSchema, dp3t)).toEqual(dp3t);
  });
});

describe("upload acknowledgement", () => {
  it("accepts the server's upload id with the client's idempotency key", () => {
    expect(parseMessage(uploadAckSchema, uploadAck)).toEqual(uploadAck);
    expect(parseMessage(uploadAckSchema, { ...uploadAck, replayed: true }).replayed).toBe(true);
  });

  it("rejects bad fields in one line", () => {
    expectRejected(uploadAckSchema, without(uploadAck, "uploadId"), "uploadId: is required");
    expectRejected(
      uploadAckSchema,
      { ...uploadAck, kind: "both" },
      'kind: must be one of "keys", "log"',
    );
    expectRejected(uploadAckSchema, { ...uploadAck, count: -1 }, "count: must be ≥ 0");
    expectRejected(
      uploadAckSchema,
      { ...uploadAck, replayed: "no" },
      "replayed: must be a boolean, got a string",
    );
  });
});
