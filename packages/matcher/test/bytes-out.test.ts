import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../src/index.js";
import { HA_TOKEN, PhoneClient } from "./helpers/clients.js";
import { TestPhone, today } from "./helpers/phones.js";

let m: Matcher;
let url: string;
let port: number;

beforeAll(async () => {
  m = await createMatcher({ dataDir: null, haToken: HA_TOKEN, logLevel: "silent" });
  ({ url, port } = await m.listen(0));
});
afterAll(() => m.close());

/** One raw HTTP/1.1 exchange; resolves with every byte the client received. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    const s = connect(port, "127.0.0.1", () => {
      s.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    s.on("data", (b: Buffer) => {
      received += b.length;
    });
    s.on("close", () => resolve(received));
    s.on("error", reject);
  });
}

describe("bytes out", () => {
  it("counts exactly the bytes a client receives over HTTP, headers included", async () => {
    const before = m.metrics.bytesOut.total();
    const received = (await rawGet("/v1/openapi.json")) + (await rawGet("/v1/no-such-route"));
    // The server saw both sockets close once the client did.
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toBeGreaterThan(1_000);
    expect(m.metrics.bytesOut.total() - before).toBe(received);
  });

  it("counts a phone's websocket frames while the socket is still open", async () => {
    const phone = new TestPhone("bytes", today() - 3);
    const before = m.metrics.bytesOut.total();
    const client = await PhoneClient.open(phone, url);
    try {
      await client.connected();
      const whileOpen = m.metrics.bytesOut.total() - before;
      // Registration's response and the websocket's upgrade, handshake and ready event.
      expect(whileOpen).toBeGreaterThan(200);
      const scraped = await (await fetch(`${url}/metrics`)).text();
      const line = scraped.split("\n").find((l) => l.startsWith("tracebed_bytes_out_total "));
      expect(Number(line?.split(" ")[1])).toBeGreaterThanOrEqual(before + whileOpen);
    } finally {
      client.close();
    }
  });
});
