// A real redis-server (installed on the machines that run the tests).
import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { redisCommand } from "../src/processes/redis-command.js";
import { startRedis } from "../src/processes/redis-server.js";

test("starts on a free port in a temporary directory, reports INFO, stops and cleans up", async () => {
  const redis = await startRedis();
  expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  expect(redis.version).toMatch(/^\d+\.\d+/);
  expect(await redisCommand(redis.port, "CONFIG GET appendonly")).toContain("no");
  const before = await redis.info();
  await redisCommand(redis.port, "SET a 1");
  expect((await redis.info()).commands).toBeGreaterThan(before.commands);
  await redis.stop();
  expect(existsSync(redis.dir)).toBe(false);
});

test("with appendfsync always, a write survives kill -9 and a restart on the same dir and port", async () => {
  const redis = await startRedis({ appendonly: true, appendfsync: "always", maxclients: 100 });
  expect(await redisCommand(redis.port, "CONFIG GET appendfsync")).toContain("always");
  expect(await redisCommand(redis.port, "CONFIG GET maxclients")).toContain("100");
  expect(await redisCommand(redis.port, "SET kept yes")).toBe("+OK");
  await redis.kill9();
  const again = await startRedis({ appendonly: true, dir: redis.dir, port: redis.port });
  try {
    expect(await redisCommand(again.port, "GET kept")).toBe("yes");
  } finally {
    await again.stop();
  }
  // A given directory is the caller's: kept.
  expect(existsSync(redis.dir)).toBe(true);
  await redis.stop();
  expect(existsSync(redis.dir)).toBe(false);
});

test("says when redis-server is missing", async () => {
  await expect(startRedis({ binary: "/nonexistent/redis-server" })).rejects.toThrow(
    /needs redis-server/,
  );
});
