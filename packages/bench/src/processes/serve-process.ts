// A Node server as a child process: started, awaited until it prints its URL, stopped.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { exitOf, kill9, terminate } from "./child.js";
import { rssBytes } from "./proc.js";

export interface ServeProcessOptions {
  /** The script Node runs. */
  readonly entry: string;
  readonly args?: readonly string[];
  /** Node's own flags, before the entry (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  /** Set over this process's environment. */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Matched against all of stderr so far; group 1 is the URL. Default: `listening on URL`. */
  readonly listening?: RegExp;
  /** In error messages; default the entry's file name. */
  readonly name?: string;
  /** Until the listening line (default 15 s). */
  readonly timeoutMs?: number;
  /** From SIGTERM to SIGKILL when stopping (default 15 s). */
  readonly stopGraceMs?: number;
}

export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null after a signal). */
  readonly exited: Promise<number | null>;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far (warnings, errors). */
  stderr(): string;
  /** Resident set size now, bytes (Linux). */
  rss(): number;
  /** SIGTERM (SIGKILL after the grace period); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill9(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;

export async function startServeProcess(o: ServeProcessOptions): Promise<ServeProcess> {
  if (!existsSync(o.entry)) throw new Error(`${o.entry} is missing: build it first`);
  const name = o.name ?? basename(o.entry);
  const timeoutMs = o.timeoutMs ?? 15_000;
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), o.entry, ...(o.args ?? [])], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = exitOf(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr!.setEncoding("utf8");
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start within ${timeoutMs} ms: ${err.trim()}`)),
        timeoutMs,
      );
      child.stderr!.on("data", (d: string) => {
        err += d;
        const m = (o.listening ?? LISTENING).exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code}) before listening: ${err.trim()}`));
      });
    });
  } catch (e) {
    await kill9(child, exited);
    throw e;
  }
  return {
    url,
    pid: child.pid!,
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    rss: () => rssBytes(child.pid!),
    stop: () => terminate(child, exited, o.stopGraceMs ?? 15_000),
    kill9: () => kill9(child, exited),
  };
}
