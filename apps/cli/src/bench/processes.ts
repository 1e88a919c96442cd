/*
 * The processes a bench run starts: `tracebed serve` (the built CLI, as users run it) and a
 * real redis-server, with what the bench reads from them (resident memory, Redis INFO).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI entry (this file is dist/bench/processes.js). */
export const CLI_ENTRY = fileURLToPath(new URL("../bin.js", import.meta.url));

/** Resident set size of a process, bytes (Linux: VmRSS of /proc/PID/status). */
export function rssBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    throw new Error(`cannot read /proc/${pid}/status: the bench measures memory on Linux only`);
  }
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

/** The open-file limit of this process (children inherit it): the most sockets a process holds. */
export function openFileLimit(): number | null {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  rss(): number;
  /** Everything it wrote on stderr (warnings, errors). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  store: string;
  haToken: string;
  scenario: string;
  host?: string;
}

/** Starts `tracebed serve --port 0` and waits for its "listening on" line. */
export async function startServe(o: ServeOptions): Promise<ServeProcess> {
  const dataDir = o.store === "memory" ? mkdtempSync(join(tmpdir(), "tracebed-bench-")) : null;
  const args = [
    CLI_ENTRY,
    "serve",
    ...["--port", "0", "--host", o.host ?? "127.0.0.1", "--store", o.store],
    ...(dataDir ? ["--data", dataDir] : []),
    ...["--ha-token", o.haToken, "--scenario", o.scenario, "--log-level", "error"],
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      err += d;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${err.trim()}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    rss: () => rssBytes(child.pid!),
    stderr: () => err,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One RESP command (inline form) on a fresh connection; the raw reply. */
function redisCommand(port: number, command: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let data = "";
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`redis ${command}: timed out`));
    });
    socket.on("error", reject);
    socket.on("connect", () => socket.write(`${command}\r\n`));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      data += chunk;
      if (data.startsWith("$")) {
        const nl = data.indexOf("\r\n");
        const len = Number(data.slice(1, nl));
        if (Buffer.byteLength(data) >= nl + 2 + len + 2) {
          socket.end();
          resolve(data.slice(nl + 2, nl + 2 + len));
        }
      } else if (data.includes("\r\n")) {
        socket.end();
        resolve(data.trim());
      }
    });
  });
}

export interface RedisInfo {
  commands: number;
  netInputBytes: number;
  netOutputBytes: number;
  usedMemoryBytes: number;
}

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly version: string;
  info(): Promise<RedisInfo>;
  stop(): Promise<void>;
}

/**
 * A redis-server on a free loopback port, in a temporary directory: append-only file with
 * `appendfsync always`, so an acknowledged upload is on disk as with the memory store's journal.
 */
export async function startRedis(binary = "redis-server"): Promise<RedisProcess> {
  const dir = mkdtempSync(join(tmpdir(), "tracebed-bench-redis-"));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      ...["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""],
      ...["--appendonly", "yes", "--appendfsync", "always", "--daemonize", "no"],
      ...["--maxclients", "1000", "--logfile", ""],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  child.stderr!.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (e) =>
      reject(new Error(`${binary}: ${e.message} (the Redis benchmark needs redis-server)`)),
    ),
  );
  const started = Date.now();
  for (;;) {
    const pong = await Promise.race([redisCommand(port, "PING", 500).catch(() => ""), spawnError]);
    if (pong === "+PONG") break;
    if (child.exitCode !== null || Date.now() - started > 10_000) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start: ${err.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const server = await redisCommand(port, "INFO server");
  const version = /redis_version:(\S+)/.exec(server)?.[1] ?? "unknown";
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    version,
    async info() {
      const text = await redisCommand(port, "INFO");
      const n = (k: string) => Number(new RegExp(`^${k}:(\\d+)`, "m").exec(text)?.[1] ?? 0);
      return {
        commands: n("total_commands_processed"),
        netInputBytes: n("total_net_input_bytes"),
        netOutputBytes: n("total_net_output_bytes"),
        usedMemoryBytes: n("used_memory"),
      };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
