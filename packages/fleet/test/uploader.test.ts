import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { logUploadSchema } from "@tracebed/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FleetEvent } from "../src/events.js";
import { uploader } from "../src/uploader.js";
import { smallRun } from "./small-run.js";

interface Seen {
  path: string;
  idempotencyKey: string;
  phoneId: string;
  auth: string | undefined;
}

const seen: Seen[] = [];
let inFlight = 0;
let peak = 0;
let invalid = 0;
let url = "";
const http = createServer((req, res) => {
  let body = "";
  inFlight++;
  peak = Math.max(peak, inFlight);
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    const b = JSON.parse(body);
    const uploadId = `upload-${seen.push({ path: req.url!, idempotencyKey: b.idempotencyKey, phoneId: b.phoneId, auth: req.headers.authorization })}`;
    if (req.url === "/v1/uploads/log" && !logUploadSchema.safeParse(b).success) invalid++;
    setTimeout(() => {
      inFlight--;
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ uploadId }));
    }, 5);
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => http.close(() => r())));

describe("uploader", () => {
  it("posts each phone's keys then its log, at most `concurrency` at once, reporting each", async () => {
    const { uploads, agents, phoneIdOf } = await smallRun();
    const events: FleetEvent[] = [];
    const upload = uploader(
      uploads,
      () => url,
      (p) => ({ authorization: `Phone secret-of-${p}` }),
      3,
      (e) => events.push(e),
    );
    const phones = [0, 5, 9, 14, 20, 33, 41];
    await Promise.all(
      phones.map((p) =>
        upload(p, { kind: "exposure", indexIds: ["index-0001"] }, `x-index-of-phone-${p}`),
      ),
    );
    expect(invalid).toBe(0);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
    for (const p of phones) {
      const mine = seen.filter((s) => s.phoneId === phoneIdOf(agents[p]!));
      expect(mine).toEqual([
        {
          path: "/v1/uploads/keys",
          idempotencyKey: `x-index-of-phone-${p}-keys`,
          phoneId: mine[0]!.phoneId,
          auth: `Phone secret-of-${p}`,
        },
        {
          path: "/v1/uploads/log",
          idempotencyKey: `x-index-of-phone-${p}-log`,
          phoneId: mine[0]!.phoneId,
          auth: `Phone secret-of-${p}`,
        },
      ]);
    }
    expect(events.filter((e) => e.type === "sent")).toHaveLength(2 * phones.length);
    const acked = events.flatMap((e) => (e.type === "acked" ? [e.uploadId] : []));
    expect(new Set(acked).size).toBe(2 * phones.length);
  });
});
