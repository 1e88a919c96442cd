/** The store is unreachable: nothing was done; the caller may retry later (HTTP 503). */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}
