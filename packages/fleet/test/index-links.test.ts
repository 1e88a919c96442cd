import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { EVENTS, LIVE_NAMESPACE, type LiveNotified } from "@tracebed/protocol";
import { Server } from "socket.io";
import { afterEach, describe, expect, it } from "vitest";
import { watchIndexLinks } from "../src/index-links.js";

/** A real Socket.IO server on a free loopback port, standing in for a matcher's live feed. */
async function liveFeed(): Promise<{ url: string; io: Server; http: HttpServer }> {
  const http = createServer();
  const io = new Server(http);
  io.of(LIVE_NAMESPACE);
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, io, http };
}

const notified = (o: Partial<LiveNotified>): LiveNotified => ({
  notificationId: "note-0001",
  role: "F1",
  indexId: "index-f0-1",
  contactIndexId: null,
  bestDay: 20_000,
  exposureDay: 20_000,
  closeSeconds: 900,
  notifiedAt: 1_728_000_000,
  ...o,
});

let feed: Awaited<ReturnType<typeof liveFeed>> | undefined;
afterEach(async () => {
  if (feed === undefined) return;
  await feed.io.close();
  feed = undefined;
});

describe("watchIndexLinks", () => {
  it("records which index each F1 became and what it was found through; ignores the rest", async () => {
    feed = await liveFeed();
    const links = await watchIndexLinks(feed.url, "operator-token");
    const live = feed.io.of(LIVE_NAMESPACE);
    live.emit(EVENTS.notified, notified({ indexId: "index-f0-1", contactIndexId: "index-f1-1" }));
    live.emit(EVENTS.notified, notified({ indexId: "index-f0-1", contactIndexId: "index-f1-2" }));
    live.emit(EVENTS.notified, notified({ role: "F2", indexId: "index-f1-1" }));
    live.emit(EVENTS.notified, { indexId: "index-f0-9", contactIndexId: "index-f1-9" });
    // A final F1 marks the end: events arrive in order on one socket.
    live.emit(EVENTS.notified, notified({ indexId: "index-f0-3", contactIndexId: "index-f1-3" }));
    await expect.poll(() => links.foundThrough.size).toBe(3);
    expect(Object.fromEntries(links.foundThrough)).toEqual({
      "index-f1-1": "index-f0-1",
      "index-f1-2": "index-f0-1",
      "index-f1-3": "index-f0-3",
    });
    links.close();
  });

  it("rejects, naming the feed, when nothing answers within the timeout", async () => {
    feed = await liveFeed();
    const url = feed.url;
    await feed.io.close();
    feed = undefined;
    await expect(watchIndexLinks(url, "operator-token", 300)).rejects.toThrow(
      `${url}/live: no connection within 300 ms`,
    );
  });
});
