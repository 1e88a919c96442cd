// The upload loop against a stand-in server that records what it is sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { uploadBurst } from "../src/phones/upload-burst.js";

const posted: { path: string; body: Record<string, unknown>; auth?: string }[] = [];
let phones = 0;
let refuseLogs = false;
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let text = "";
  req.on("data", (d) => {
    text += d;
  });
  req.on("end", () => {
    const body = JSON.parse(text);
    posted.push({
      path: req.url!,
      body,
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    };
    if (req.url === "/v1/phones") {
      phones++;
      reply(201, { phoneId: `phone-${phones}`, secret: `secret-${phones}-0123456789` });
    } else if (req.url === "/v1/f0-codes") reply(201, { code: "1234567890" });
    else if (req.url === "/v1/f0-codes/redeem")
      reply(200, { indexId: "index-1", uploadToken: "t", windowEnd: 1 });
    else if (refuseLogs && req.url === "/v1/uploads/log") reply(400, { error: "no" });
    else reply(201, { uploadId: "u" });
  });
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const burst = { haToken: "ha-token-0123456789", seconds: 0.2, concurrency: 4, entries: 3 };

test("each phone uploads keys then its log, naming the index person, until time is up", async () => {
  posted.length = 0;
  const r = await uploadBurst({ ...burst, urls: [url], idPrefix: "phone-a-" });
  const uploads = posted.filter((p) => p.path.startsWith("/v1/uploads/"));
  expect(r.acknowledged).toBe(uploads.length);
  expect(r.refused).toBe(0);
  expect(r.uploadsPerSecond).toBeGreaterThan(0);
  expect(r.latencyMs.p99).toBeGreaterThanOrEqual(r.latencyMs.p50);
  // Phone 1 redeemed the code; phone 2 is the first uploader, with its own credential.
  const first = uploads.filter((u) => u.body.phoneId === "phone-2");
  expect(first.map((u) => u.path)).toEqual(["/v1/uploads/keys", "/v1/uploads/log"]);
  expect(first.every((u) => u.auth === "Phone secret-2-0123456789")).toBe(true);
  const log = uploads.find((u) => u.path === "/v1/uploads/log")!.body;
  expect(log.basis).toEqual({ kind: "exposure", indexIds: ["index-1"] });
  expect(log.log).toHaveLength(3);
  expect((log.idempotencyKey as string).length).toBeGreaterThanOrEqual(16);
});

test("only the kinds asked for; refusals counted", async () => {
  posted.length = 0;
  refuseLogs = true;
  const r = await uploadBurst({ ...burst, urls: [url], idPrefix: "phone-b-", kinds: ["log"] });
  refuseLogs = false;
  // The keys a log's own IDs derive from are sent first, and not counted.
  expect(r.acknowledged).toBe(0);
  expect(r.refused).toBeGreaterThan(0);
});
