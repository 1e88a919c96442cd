import { type ErrorBody, type ErrorCode, errorBody } from "@tracebed/protocol";

/** Codes beyond the protocol's ERROR_CODES (clients accept any snake_case code). */
export type MatcherErrorCode =
  | ErrorCode
  | "unsupported_media_type"
  | "already_confirmed"
  | "scheme_mismatch"
  | "unknown_index";

/** An error answered as `{"error": {"code", "message"}}` with this HTTP status. */
export class HttpError extends Error {
  override readonly name = "HttpError";

  constructor(
    readonly status: number,
    readonly code: MatcherErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(oneLine(message));
  }
}

/** The protocol's error body for any of our codes. */
export function body(code: MatcherErrorCode, message: string): ErrorBody {
  return errorBody(code as ErrorCode, oneLine(message));
}

/** One line of at most 1,000 characters, as the error body requires. */
export function oneLine(message: string): string {
  const line = message.replace(/[\r\n]+/g, " ").trim() || "error";
  return line.length > 1_000 ? `${line.slice(0, 997)}...` : line;
}
