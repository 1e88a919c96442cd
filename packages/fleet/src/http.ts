/** A refused or failed HTTP call, with the server's `{"error": {code, message}}` when it sent one. */
export class HttpCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * POSTs JSON and returns the parsed response; throws HttpCallError on a non-2xx answer. For
 * idempotent calls, a network failure, a 429 or a 503 (the matcher's store unreachable) is
 * retried `retries` times (after the server's Retry-After, else with backoff, at most 5 s).
 */
export async function postJson<T>(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  retries = 0,
): Promise<T> {
  let res: Response;
  for (let attempt = 0; ; attempt++) {
    const backoff = Math.min(200 * 2 ** attempt, 5_000);
    try {
      res = await fetch(new URL(path, base), {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    } catch (err) {
      if (attempt >= retries) {
        throw new HttpCallError(
          0,
          `${base}${path}: ${(err as Error).cause ?? (err as Error).message}`,
        );
      }
      await new Promise((r) => setTimeout(r, backoff));
      continue;
    }
    if ((res.status !== 429 && res.status !== 503) || attempt >= retries) break;
    await res.arrayBuffer();
    const after = Number(res.headers.get("retry-after"));
    await new Promise((r) =>
      setTimeout(r, Number.isFinite(after) && after > 0 ? after * 1000 : backoff),
    );
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = JSON.parse(text).error?.message ?? text;
    } catch {}
    throw new HttpCallError(res.status, `${path}: ${res.status} ${message}`);
  }
  return JSON.parse(text) as T;
}
