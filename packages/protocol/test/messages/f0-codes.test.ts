import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/messages/errors.js";
import {
  f0CodeRequestSchema,
  f0CodeResponseSchema,
  f0RedeemRequestSchema,
  f0RedeemResponseSchema,
} from "../../src/messages/f0-codes.js";
import {
  f0CodeRequest,
  f0CodeResponse,
  f0RedeemRequest,
  f0RedeemResponse,
  NOW,
} from "./examples.js";
import { expectRejected, without } from "./expect-message.js";

describe("F0 code request (HA → server)", () => {
  it("accepts a case reference with or without confirmation time and TTL", () => {
    expect(parseMessage(f0CodeRequestSchema, f0CodeRequest)).toEqual(f0CodeRequest);
    expect(parseMessage(f0CodeRequestSchema, { caseRef: "A1", ttlSeconds: 600 })).toEqual({
      caseRef: "A1",
      ttlSeconds: 600,
    });
  });

  it("rejects bad fields in one line", () => {
    const s = f0CodeRequestSchema;
    expectRejected(s, {}, "caseRef: is required");
    expectRejected(s, { caseRef: "" }, "caseRef: must be at least 1 character");
    expectRejected(s, { caseRef: "a b" }, "caseRef: must use only A-Z, a-z, 0-9 and . _ : / -");
    expectRejected(s, { caseRef: "x".repeat(65) }, "caseRef: must be at most 64 characters");
    expectRejected(s, { caseRef: "A1", confirmedAt: 1.5e9 }, "confirmedAt: must be ≥ 1577836800");
    expectRejected(s, { caseRef: "A1", ttlSeconds: 59 }, "ttlSeconds: must be ≥ 60");
    expectRejected(s, { caseRef: "A1", ttlSeconds: 86_401 }, "ttlSeconds: must be ≤ 86400");
    expectRejected(s, { caseRef: "A1", phone: "0912345678" }, "phone: is not allowed");
  });
});

describe("F0 code response (server → HA)", () => {
  it("accepts ten digits with leading zeros", () => {
    expect(parseMessage(f0CodeResponseSchema, f0CodeResponse)).toEqual(f0CodeResponse);
  });

  it("rejects codes that are not ten digits, and missing expiry", () => {
    for (const code of ["041729", "417290063", "04172900631", "041729006a", 417290063]) {
      expectRejected(
        f0CodeResponseSchema,
        { ...f0CodeResponse, code },
        typeof code === "number"
          ? "code: must be a string, got 417290063"
          : "code: must be exactly 10 digits",
      );
    }
    expectRejected(
      f0CodeResponseSchema,
      without(f0CodeResponse, "expiresAt"),
      "expiresAt: is required",
    );
  });
});

describe("F0 code redemption", () => {
  it("accepts a request and a response", () => {
    expect(parseMessage(f0RedeemRequestSchema, f0RedeemRequest)).toEqual(f0RedeemRequest);
    expect(parseMessage(f0RedeemResponseSchema, f0RedeemResponse)).toEqual(f0RedeemResponse);
  });

  it("rejects bad fields in one line", () => {
    expectRejected(
      f0RedeemRequestSchema,
      without(f0RedeemRequest, "phoneId"),
      "phoneId: is required",
    );
    expectRejected(
      f0RedeemRequestSchema,
      { ...f0RedeemRequest, phoneId: "short" },
      "phoneId: must be at least 8 characters",
    );
    expectRejected(
      f0RedeemRequestSchema,
      { ...f0RedeemRequest, phoneId: "phone/0001" },
      "phoneId: must use only A-Z, a-z, 0-9, _ and -",
    );
    expectRejected(
      f0RedeemResponseSchema,
      { ...f0RedeemResponse, role: "F1" },
      'role: must be "F0"',
    );
    expectRejected(
      f0RedeemResponseSchema,
      { ...f0RedeemResponse, uploadToken: "abc" },
      "uploadToken: must be at least 16 characters",
    );
    expectRejected(
      f0RedeemResponseSchema,
      { ...f0RedeemResponse, windowEnd: NOW + 0.5 },
      "windowEnd: must be an integer, got 1597312800.5",
    );
  });
});
