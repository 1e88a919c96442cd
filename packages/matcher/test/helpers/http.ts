// Small HTTP helpers over fetch and node:http for the matcher's tests.
import { request } from "node:http";

export interface Res<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON loosely
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const r = await fetch(base + path, init);
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (metrics)
  }
  return { status: r.status, body: parsed as T, headers: r.headers };
}

/**
 * POSTs `totalBytes` of a JSON-looking body in chunks (chunked encoding, no Content-Length),
 * stops writing once the server answers, and returns the status and how much it wrote.
 */
export function streamBody(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
    });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, written });
      });
      res.on("error", reject);
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    req.write("[");
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end("]");
    };
    pump();
  });
}
