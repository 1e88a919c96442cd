// Start and stop a real redis-server (Debian's /usr/bin/redis-server) on a free loopback port.
// Self-contained (node built-ins only), so other packages' tests can import or copy it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Its working directory (the append-only file lives here). */
  readonly dir: string;
  readonly process: ChildProcess;
  /** SHUTDOWN NOSAVE-like stop (SIGTERM), waits for exit, removes the directory unless kept. */
  stop(options?: { keepDir?: boolean }): Promise<void>;
  /** SIGKILL: a crash. The directory is kept for a restart. */
  kill9(): Promise<void>;
}

export interface StartRedisOptions {
  /** Write an append-only file (default false: no persistence at all). */
  readonly appendonly?: boolean;
  /** With appendonly: `always` fsyncs every write (default `everysec`). */
  readonly appendfsync?: "always" | "everysec" | "no";
  /** Reuse a directory (restart after kill9); default a new temporary one. */
  readonly dir?: string;
  /** Reuse a port (restart after kill9). */
  readonly port?: number;
  readonly binary?: string;
  readonly timeoutMs?: number;
}

/** A free TCP port on 127.0.0.1 (free when asked; bind it soon). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers true once the server replies +PONG on `port`. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let data = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      data += chunk.toString();
      if (data.includes("\r\n")) done(data.startsWith("+PONG"));
    });
  });
}

export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "tracebed-redis-"));
  const timeoutMs = options.timeoutMs ?? 10_000;
  for (let attempt = 0; ; attempt++) {
    const port = options.port ?? (await freePort());
    const args = [
      ...["--port", String(port), "--bind", "127.0.0.1", "--dir", dir],
      ...["--save", "", "--daemonize", "no", "--logfile", ""],
      ...["--appendonly", options.appendonly ? "yes" : "no"],
      ...(options.appendfsync ? ["--appendfsync", options.appendfsync] : []),
    ];
    const child = spawn(options.binary ?? "redis-server", args, {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let exited = false;
    const exit = new Promise<void>((resolve) =>
      child.once("exit", () => {
        exited = true;
        resolve();
      }),
    );
    const started = Date.now();
    while (!exited && Date.now() - started < timeoutMs) {
      if (await ping(port)) {
        return {
          port,
          url: `redis://127.0.0.1:${port}`,
          dir,
          process: child,
          async stop(stopOptions = {}) {
            if (!exited) {
              child.kill("SIGTERM");
              await exit;
            }
            if (!stopOptions.keepDir && options.dir === undefined) {
              rmSync(dir, { recursive: true, force: true });
            }
          },
          async kill9() {
            if (!exited) {
              child.kill("SIGKILL");
              await exit;
            }
          },
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await exit;
    // The port was taken between freePort and the bind: try another one.
    if (options.port === undefined && attempt < 3) continue;
    throw new Error(`redis-server did not start on port ${port} within ${timeoutMs} ms`);
  }
}
