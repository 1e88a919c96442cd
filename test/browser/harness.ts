import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ServeProcess, startServeProcess, TRACEBED_CLI } from "@tracebed/testkit";
import { type Browser, chromium } from "playwright-core";

/** The repository root and the built viewer (the built CLI is testkit's TRACEBED_CLI). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
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
    [TRACEBED_CLI, "apps/cli"],
    [`${WEB_DIST}index.html`, "apps/web"],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length > 0) {
    throw new Error(
      `not built: ${missing.map(([, w]) => w).join(", ")} — run \`npx turbo run build --filter=@tracebed/web --filter=@tracebed/cli\``,
    );
  }
}

export interface Demo extends ServeProcess {
  readonly haToken: string;
}

/**
 * `tracebed demo --port 0` as a child process; resolves with the URL it prints. Without
 * `replay` the matcher stays quiet (tests drive it); with it, the demo's outbreaks run.
 */
export async function startDemo(timeoutMs = 20_000, replay = false): Promise<Demo> {
  const haToken = "browser-test-ha-token-0123456789";
  const demo = await startServeProcess({
    entry: TRACEBED_CLI,
    args: ["demo", "--port", "0", ...(replay ? [] : ["--no-replay"])],
    cwd: ROOT,
    env: { TRACEBED_HA_TOKEN: haToken, PORT: "" },
    listening: /^(http:\/\/\S+\/)$/m,
    name: "tracebed demo",
    timeoutMs,
    stopGraceMs: 5_000,
  });
  return { ...demo, haToken };
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
