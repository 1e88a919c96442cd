import { describe, expect, it } from "vitest";
import { errorBody, errorBodySchema } from "../../src/messages/error-body.js";
import { type MessageError, parseMessage } from "../../src/messages/errors.js";
import { logUploadSchema } from "../../src/messages/uploads.js";
import { errorBodyExample } from "./examples.js";
import { expectRejected } from "./expect-message.js";

describe("error body", () => {
  it('accepts {"error": {"code", "message"}}, known codes or new ones', () => {
    expect(parseMessage(errorBodySchema, errorBodyExample)).toEqual(errorBodyExample);
    const future = { error: { code: "quota_exceeded_2", message: "x" } };
    expect(parseMessage(errorBodySchema, future)).toEqual(future);
  });

  it("carries a MessageError as invalid_message in one line", () => {
    let body: unknown;
    try {
      parseMessage(logUploadSchema, {});
    } catch (e) {
      body = errorBody("invalid_message", (e as MessageError).message);
    }
    expect(parseMessage(errorBodySchema, body).error).toEqual({
      code: "invalid_message",
      message: "idempotencyKey: is required (and 4 more)",
    });
  });

  it("rejects bad fields in one line", () => {
    const withError = (error: object) => ({ error });
    expectRejected(errorBodySchema, {}, "error: is required");
    expectRejected(
      errorBodySchema,
      withError({ code: "NotFound", message: "x" }),
      "error.code: must be a snake_case code of at most 64 characters",
    );
    expectRejected(
      errorBodySchema,
      withError({ code: "not_found", message: "" }),
      "error.message: must be at least 1 character",
    );
    expectRejected(
      errorBodySchema,
      withError({ code: "not_found", message: "a\nb" }),
      "error.message: must be one line",
    );
    expectRejected(errorBodySchema, withError({ code: "not_found" }), "error.message: is required");
  });
});
