/*
 * The processes a bench run starts: `tracebed serve` (the built CLI, as users run it) and a
 * real redis-server, with what the bench reads from them (resident memory, Redis INFO).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type RedisServer,
  type ServeProcess,
  startRedis as startRedisServer,
  startServeProcess,
} from "@tracebed/bench";

export {
  openFileLimit,
  type RedisInfo,
  type RedisServer as RedisProcess,
  rssBytes,
  type ServeProcess,
} from "@tracebed/bench";

/** The built CLI entry (this file is dist/bench/processes.js). */
export const CLI_ENTRY = fileURLToPath(new URL("../bin.js", import.meta.url));

export interface ServeOptions {
  store: string;
  haToken: string;
  scenario: string;
  host?: string;
  /** Memory store: use (and keep) this data directory instead of a temporary one. */
  dataDir?: string;
  /** More `tracebed serve` arguments (e.g. a design). */
  args?: readonly string[];
}

/** Starts `tracebed serve --port 0` (memory store: in a temporary data directory). */
export async function startServe(o: ServeOptions): Promise<ServeProcess> {
  const own = o.store === "memory" && o.dataDir === undefined;
  const dataDir = own ? mkdtempSync(join(tmpdir(), "tracebed-bench-")) : (o.dataDir ?? null);
  const removeData = () => own && dataDir && rmSync(dataDir, { recursive: true, force: true });
  const args = [
    "serve",
    ...["--port", "0", "--host", o.host ?? "127.0.0.1", "--store", o.store],
    ...(dataDir ? ["--data", dataDir] : []),
    ...["--ha-token", o.haToken, "--scenario", o.scenario, "--log-level", "error"],
    ...(o.args ?? []),
  ];
  const serve = await startServeProcess({
    entry: CLI_ENTRY,
    args,
    name: "serve",
    timeoutMs: 30_000,
  }).catch((e) => {
    removeData();
    throw e;
  });
  return {
    ...serve,
    async stop() {
      const code = await serve.stop();
      removeData();
      return code;
    },
  };
}

/**
 * A redis-server on a free loopback port, in a temporary directory: append-only file with
 * `appendfsync always`, so an acknowledged upload is on disk as with the memory store's journal.
 */
export function startRedis(binary = "redis-server"): Promise<RedisServer> {
  return startRedisServer({ appendonly: true, appendfsync: "always", maxclients: 1000, binary });
}
