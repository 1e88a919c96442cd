// The Redis store's optimistic transactions (store/redis/transaction.ts, apply-if.ts): a
// transition's writes apply only if every value it read is unchanged, for every kind of read.
import { type RedisServer, startRedis } from "@tracebed/testkit";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, type RedisClient } from "../src/store/redis/connect.js";
import { Keys } from "../src/store/redis/layout.js";
import { ReadCache, type Reader, transact } from "../src/store/redis/transaction.js";

let redis: RedisServer;
let store: RedisClient;
let other: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = await startRedis();
  store = await connectRedis(redis.url);
  other = createClient({ url: redis.url });
  await other.connect();
}, 30_000);

afterAll(async () => {
  await store?.close();
  await other?.close();
  await redis?.stop();
});

const big = Buffer.alloc(4096, 7);

/** Each kind of read, what sets it up, and a change another client makes to it. */
const READS: {
  kind: string;
  setUp: (k: string) => Promise<unknown>;
  read: (r: Reader, k: string) => Promise<unknown>;
  change: (k: string) => Promise<unknown>;
}[] = [
  {
    kind: "GET",
    setUp: (k) => other.set(k, "1:2"),
    read: (r, k) => r.get(k),
    change: (k) => other.set(k, "2:2"),
  },
  {
    kind: "GET of a large binary value (compared by SHA-1)",
    setUp: (k) => other.set(k, big),
    read: (r, k) => r.getBuffer(k),
    change: (k) => other.setRange(k, 4000, "x"),
  },
  {
    kind: "HMGET",
    setUp: (k) => other.hSet(k, { a: "1", b: "2" }),
    read: (r, k) => r.hmGet(k, ["a", "c"]),
    change: (k) => other.hSet(k, "c", "3"),
  },
  {
    kind: "HGETALL",
    setUp: (k) => other.hSet(k, { a: "1", b: "2" }),
    read: (r, k) => r.hGetAll(k),
    change: (k) => other.hSet(k, "b", "20"),
  },
  {
    kind: "HKEYS",
    setUp: (k) => other.hSet(k, { a: "1" }),
    read: (r, k) => r.hKeys(k),
    change: (k) => other.hSet(k, "z", "1"),
  },
  {
    kind: "SMEMBERS",
    setUp: (k) => other.sAdd(k, ["a", "b"]),
    read: (r, k) => r.sMembers(k),
    change: (k) => other.sRem(k, "a"),
  },
  {
    kind: "LRANGE",
    setUp: (k) => other.rPush(k, ["a", "b"]),
    read: (r, k) => r.lRange(k),
    change: (k) => other.rPush(k, "c"),
  },
  {
    kind: "a key that is not there",
    setUp: async () => {},
    read: (r, k) => r.get(k),
    change: (k) => other.set(k, ""),
  },
];

describe("optimistic transactions on Redis", () => {
  for (const [i, r] of READS.entries()) {
    it(`apply when nothing changed, and run again when another client changed it: ${r.kind}`, async () => {
      const k = `t:read${i}`;
      await r.setUp(k);
      const keys = new Keys(`t${i}:`);
      const cache = new ReadCache();
      // A transaction that writes nothing leaves the read's value in the cache, so the next
      // one's first attempt runs on a right guess.
      await transact(store, keys, cache, async (reader) => ({
        result: await r.read(reader, k),
        writes: [],
      }));
      let attempts = 0;
      const result = await transact(store, keys, cache, async (reader) => {
        attempts++;
        await r.read(reader, k);
        // The first attempt loses the race: another client changes what it read.
        if (attempts === 1) {
          expect(reader.guessed).toBe(true);
          await r.change(k);
        }
        return { result: attempts, writes: [{ op: "count", field: "uploads", by: 1 }] };
      });
      expect(result).toBe(2);
      // Applied once: the attempts that lost the race wrote nothing.
      expect(await other.hGet(`t${i}:stats`, "uploads")).toBe("1");
    });
  }

  it("applies nothing when a transition writes nothing, on what Redis holds, not a guess", async () => {
    await other.set("t:there", "held");
    const result = await transact(store, new Keys("t:"), new ReadCache(), async (reader) => ({
      result: await reader.get("t:there"),
      writes: [],
    }));
    expect(result).toBe("held");
  });

  it("runs a key's next transaction on what the last one wrote: one script call, no read", async () => {
    const keys = new Keys("tc:");
    const cache = new ReadCache();
    const sent: string[] = [];
    const counted = new Proxy(store, {
      get(target, name) {
        const v = Reflect.get(target, name, target);
        if (name !== "sendCommand") return typeof v === "function" ? v.bind(target) : v;
        return (args: string[], options?: unknown) => {
          sent.push(String(args[0]));
          return target.sendCommand(args, options as never);
        };
      },
    });
    const bump = () =>
      transact(counted, keys, cache, async (reader) => {
        const [v] = await reader.hmGet("tc:phone:x", ["keysVersion"]);
        const next = Number(v ?? 0) + 1;
        return {
          result: next,
          writes: [{ op: "putKeys", phoneId: "x", keys: [], keysVersion: next }],
        };
      });
    expect(await bump()).toBe(1);
    expect(await bump()).toBe(2);
    expect(sent).toEqual(["EVALSHA", "EVALSHA"]);
    // Another process writes meanwhile: the guess is wrong, the script says what is there.
    await other.hSet("tc:phone:x", "keysVersion", "10");
    sent.length = 0;
    expect(await bump()).toBe(11);
    expect(sent).toEqual(["EVALSHA", "EVALSHA"]);
    expect(await other.hGet("tc:phone:x", "keysVersion")).toBe("11");
  });
});
