import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

/** The repository root, the built CLI and the built viewer. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = fileURLToPath(new URL("../../apps/cli/dist/bin.js", import.meta.url));
export const WEB_DIST = fileURLToPath(new URL("../../apps/web/dist/", import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

/** Debian's Chromium, headless, with nothing reaching out to the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function assertBuilt(): void {
  const missing = [
    [CLI, "apps/cli"],
    [`${WEB_DIST}index.html`, "apps/web"],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length > 0) {
    throw new Error(
      `not built: ${missing.map(([, w]) => w).join(", ")} — run \`npx turbo run build --filter=@tracebed/web --filter=@tracebed/cli\``,
    );
  }
}

export interface Demo {
  url: string;
  haToken: string;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** `tracebed demo --port 0` as a child process; resolves with the URL it prints. */
export function startDemo(timeoutMs = 20_000): Promise<Demo> {
  const haToken = "browser-test-ha-token-0123456789";
  const child: ChildProcess = spawn(process.execPath, [CLI, "demo", "--port", "0", "--no-replay"], {
    cwd: ROOT,
    env: { ...process.env, TRACEBED_HA_TOKEN: haToken, PORT: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  return new Promise<Demo>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`tracebed demo printed no URL in ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      err += chunk;
      const m = /^(http:\/\/\S+\/)$/m.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, haToken, stderr: () => err, stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tracebed demo exited ${code}: ${err}`));
    });
  });
}

/** A minimal RFC 4180 reader (the viewer's CSV has no multi-line cells). */
export function parseCsvLines(text: string): string[][] {
  return text
    .trimEnd()
    .split(/\r?\n/)
    .map((line) => {
      const cells: string[] = [];
      let cell = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quoted && c === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = !quoted;
        else if (c === "," && !quoted) {
          cells.push(cell);
          cell = "";
        } else cell += c;
      }
      cells.push(cell);
      return cells;
    });
}
