import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HttpCallError, postJson } from "../src/http.js";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A real HTTP server on a free loopback port answering with `handler`. */
async function server(handler: Handler) {
  const s = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => handler(req, body, res));
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  closers.push(() => new Promise<void>((r) => s.close(() => r())));
  return url;
}

/** The error a call that must fail fails with. */
const refusal = (call: Promise<unknown>): Promise<HttpCallError> =>
  call.then(
    () => {
      throw new Error("the call succeeded");
    },
    (e: HttpCallError) => e,
  );

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe("postJson", () => {
  it("posts the body as JSON with the headers and returns the parsed answer", async () => {
    const url = await server((req, body, res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ got: JSON.parse(body), auth: req.headers.authorization }));
    });
    const r = await postJson<{ got: unknown; auth: string }>(
      url,
      "/v1/x",
      { a: 1 },
      { authorization: "Bearer t" },
    );
    expect(r).toEqual({ got: { a: 1 }, auth: "Bearer t" });
  });

  it("refuses a non-2xx answer with the server's message and status", async () => {
    const url = await server((_req, _body, res) => {
      res.writeHead(409, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "used", message: "code already used" } }));
    });
    const err = await refusal(postJson(url, "/v1/f0-codes/redeem", {}));
    expect(err).toBeInstanceOf(HttpCallError);
    expect(err.status).toBe(409);
    expect(err.message).toBe("/v1/f0-codes/redeem: 409 code already used");
  });

  it("retries a 429 after the server's Retry-After, as many times as asked and no more", async () => {
    let calls = 0;
    const url = await server((_req, _body, res) => {
      calls++;
      if (calls <= 2) {
        res.writeHead(429, { "retry-after": "0.05" });
        res.end("{}");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
    });
    await expect(postJson(url, "/v1/uploads/keys", {}, {}, 2)).resolves.toEqual({ ok: true });
    expect(calls).toBe(3);
    calls = 0;
    const err = await refusal(postJson(url, "/v1/uploads/keys", {}, {}, 1));
    expect(err.status).toBe(429);
    expect(calls).toBe(2);
  });

  it("names the server when it cannot be reached", async () => {
    const url = await server(() => {});
    await closers.pop()!();
    const err = await refusal(postJson(url, "/v1/x", {}));
    expect(err).toBeInstanceOf(HttpCallError);
    expect(err.status).toBe(0);
    expect(err.message).toContain(`${url}/v1/x`);
  });
});
