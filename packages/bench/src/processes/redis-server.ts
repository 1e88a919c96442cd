// A real redis-server (Debian's /usr/bin/redis-server) on a free loopback port.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exitOf, isRunning, kill9, terminate } from "./child.js";
import { freePort } from "./free-port.js";
import { type RedisInfo, redisCommand, redisInfo } from "./redis-command.js";

export interface StartRedisOptions {
  /** Write an append-only file (default false: no persistence at all). */
  readonly appendonly?: boolean;
  /** With appendonly: `always` fsyncs every write (redis-server's default `everysec`). */
  readonly appendfsync?: "always" | "everysec" | "no";
  /** Most clients at once (redis-server's default 10,000). */
  readonly maxclients?: number;
  /** Reuse a directory (restart after kill9); default a new temporary one. */
  readonly dir?: string;
  /** Reuse a port (restart after kill9); default a free one. */
  readonly port?: number;
  readonly binary?: string;
  /** Until it answers PING (default 10 s). */
  readonly timeoutMs?: number;
}

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Its working directory (the append-only file lives here). */
  readonly dir: string;
  readonly pid: number;
  /** redis_version of `INFO server`. */
  readonly version: string;
  readonly process: ChildProcess;
  info(): Promise<RedisInfo>;
  /** SIGTERM, waits for exit, removes the directory unless kept or given. */
  stop(options?: { keepDir?: boolean }): Promise<void>;
  /** SIGKILL: a crash. The directory is kept for a restart. */
  kill9(): Promise<void>;
}

function redisArgs(port: number, dir: string, o: StartRedisOptions): string[] {
  return [
    ...["--port", String(port), "--bind", "127.0.0.1", "--dir", dir],
    ...["--save", "", "--daemonize", "no", "--logfile", ""],
    ...["--appendonly", o.appendonly ? "yes" : "no"],
    ...(o.appendfsync ? ["--appendfsync", o.appendfsync] : []),
    ...(o.maxclients ? ["--maxclients", String(o.maxclients)] : []),
  ];
}

export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const binary = options.binary ?? "redis-server";
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "tracebed-redis-"));
  const timeoutMs = options.timeoutMs ?? 10_000;
  for (let attempt = 0; ; attempt++) {
    const port = options.port ?? (await freePort());
    const child = spawn(binary, redisArgs(port, dir, options), {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = exitOf(child);
    let spawnError: Error | undefined;
    child.once("error", (e) => {
      spawnError = e;
    });
    // Its log (stdout, with --logfile "") explains a failed start; read on so it never blocks.
    let ready = false;
    let log = "";
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding("utf8").on("data", (d: string) => {
        if (!ready) log += d;
      });
    }
    const started = Date.now();
    while (!spawnError && isRunning(child) && Date.now() - started < timeoutMs) {
      if ((await redisCommand(port, "PING", 500).catch(() => "")) === "+PONG") {
        ready = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    if (ready) {
      const server = await redisCommand(port, "INFO server");
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        dir,
        pid: child.pid!,
        version: /redis_version:(\S+)/.exec(server)?.[1] ?? "unknown",
        process: child,
        info: () => redisInfo(port),
        async stop(stopOptions = {}) {
          await terminate(child, exited, 10_000);
          if (!stopOptions.keepDir && options.dir === undefined) {
            rmSync(dir, { recursive: true, force: true });
          }
        },
        kill9: () => kill9(child, exited),
      };
    }
    if (spawnError === undefined) await kill9(child, exited);
    // The port may have been taken between freePort and the bind: try another one.
    if (spawnError === undefined && options.port === undefined && attempt < 3) continue;
    if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    if (spawnError) {
      throw new Error(`${binary}: ${spawnError.message} (this needs redis-server on the PATH)`);
    }
    const tail = log.trim().split("\n").slice(-5).join("\n");
    throw new Error(`redis-server did not start on port ${port} (waited ${timeoutMs} ms): ${tail}`);
  }
}
