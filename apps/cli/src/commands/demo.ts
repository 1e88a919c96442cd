import { randomBytes } from "node:crypto";
import { ConfigError, createMatcher, type Matcher } from "@tracebed/matcher";
import { configFromScenario, decisionParams, type Scenario } from "@tracebed/sim";
import { loadDefaultScenario } from "@tracebed/sim/node";
import { type Command, InvalidArgumentError, Option } from "commander";
import { ensureViewerBuilt, viewerDir, viewerFiles } from "../demo/viewer-files.js";
import { failLine, serveUntilSignal } from "../until-signal.js";
import { UsageError } from "../usage-error.js";

/**
 * `tracebed demo` (what `npm start` runs): the matcher on the embedded memory store and the
 * built viewer on one port — the page, the matcher's HTTP API under /v1 and Socket.IO (phones
 * and the viewer's /live feed) — then the URL on stderr.
 */

/** What an outbreak replay gets: a running matcher to drive, and the scenario on screen. */
export interface DemoReplayContext {
  /** The matcher's base URL (the viewer's too). */
  url: string;
  /** The health authority's bearer token, random per demo. */
  haToken: string;
  scenario: Scenario;
  /** A sample size that keeps the demo quick (the viewer's default). */
  agents: number;
  seed: number;
  /** Aborted when the demo stops. */
  signal: AbortSignal;
  log: (line: string) => void;
}

/**
 * THE HOOK for the fleet: replays a small outbreak (virtual phones uploading keys and logs,
 * F0 codes redeemed) against the demo's matcher, so the viewer's live panel fills up. Pass one
 * to registerDemo in program.ts: `registerDemo(program, { replay: replayOutbreak })`.
 */
export type DemoReplay = (ctx: DemoReplayContext) => Promise<void>;

export interface DemoOptions {
  replay?: DemoReplay;
}

interface DemoFlags {
  port: number;
  host: string;
  logLevel: string;
  replay: boolean;
}

const DEMO_AGENTS = 20_000;

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new InvalidArgumentError("must be a port number from 0 to 65535");
  }
  return Number(value);
}

function defaultPort(): number {
  const env = process.env.PORT;
  if (env === undefined || env === "") return 8080;
  try {
    return port(env);
  } catch {
    throw new UsageError(`PORT=${env}: must be a port number from 0 to 65535`);
  }
}

const EXAMPLES = `
Opens nothing by itself: open the printed URL in a browser. The simulator runs in the page
(Web Workers), so the viewer works offline; the live panel follows the matcher on this port.

Examples:
  $ npm start                        # tracebed demo on PORT or 8080
  $ PORT=9000 npx tracebed demo
  $ npx tracebed demo --port 0       # any free port
  $ npx tracebed demo --host 0.0.0.0 # show it to the room over the LAN`;

export function registerDemo(program: Command, options: DemoOptions = {}): void {
  program
    .command("demo")
    .description(
      "Serve the viewer and a matcher on one port (PORT, default 8080) and print the URL: what `npm start` runs.",
    )
    .addOption(
      new Option(
        "--port <P>",
        "TCP port (default: $PORT, else 8080); 0 picks a free one",
      ).argParser(port),
    )
    .option("--host <H>", "address to listen on", "127.0.0.1")
    .addOption(
      new Option("--log-level <L>", "matcher log level (stderr)")
        .choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
        .default("warn"),
    )
    .option("--no-replay", "do not replay an outbreak against the matcher")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: Omit<DemoFlags, "port"> & { port?: number }) => {
      if (flags.host.trim() === "") throw new UsageError("--host: must not be empty");
      await demo({ ...flags, port: flags.port ?? defaultPort() }, options);
    });
}

const log = (line: string) => process.stderr.write(`tracebed: ${line}\n`);

async function demo(flags: DemoFlags, options: DemoOptions): Promise<void> {
  const dir = viewerDir();
  if (!ensureViewerBuilt(dir, log)) {
    log(`demo: the viewer is not built: run \`npm run build\` (looked in ${dir})`);
    process.exitCode = 1;
    return;
  }
  const haToken = process.env.TRACEBED_HA_TOKEN || randomBytes(24).toString("hex");
  // The page's credential for the live feed: the viewer scope only (counts, anonymised events).
  const viewerToken = randomBytes(24).toString("hex");
  const files = viewerFiles(dir, { live: "same-origin", liveToken: viewerToken });

  let matcher: Matcher;
  try {
    matcher = await createMatcher({
      store: "memory",
      dataDir: null,
      haToken,
      viewerToken,
      decisionParams: decisionParams(configFromScenario(loadDefaultScenario())),
      logLevel: flags.logLevel,
      warn: log,
    });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    return fail(err);
  }
  // The page and its assets, beside the matcher's routes (theirs win: /v1/…, /healthz, /metrics).
  const serve = async (
    req: { url: string },
    reply: {
      code(n: number): unknown;
      header(k: string, v: string): unknown;
      type(t: string): unknown;
      send(b: Buffer): unknown;
      callNotFound(): unknown;
    },
  ) => {
    const f = files.get(req.url);
    if (f.status === 404) return reply.callNotFound();
    reply.code(200);
    reply.header("cache-control", f.cache);
    reply.type(f.type);
    return reply.send(f.body);
  };
  matcher.http.get("/", serve);
  matcher.http.get("/*", serve);

  let url: string;
  try {
    url = (await matcher.listen(flags.port, flags.host)).url;
  } catch (err) {
    await matcher.close().catch(() => {});
    return fail(err);
  }
  const shown =
    flags.host === "0.0.0.0" || flags.host === "::"
      ? url.replace(/\/\/[^:/]+|\/\/\[[^\]]+\]/, "//localhost")
      : url;
  log(`viewer and matcher on ${shown}/ (matcher API under /v1, live feed on Socket.IO /live)`);
  process.stderr.write(`${shown}/\n`);

  const stop = new AbortController();
  if (flags.replay && options.replay) {
    const replay = options.replay;
    void (async () => {
      try {
        await replay({
          url,
          haToken,
          scenario: loadDefaultScenario(),
          agents: DEMO_AGENTS,
          seed: 1,
          signal: stop.signal,
          log,
        });
      } catch (err) {
        if (!stop.signal.aborted) log(`demo: outbreak replay failed: ${String(err)}`);
      }
    })();
  }

  await serveUntilSignal(matcher, "demo", (signal) => {
    log(`${signal}: stopping`);
    stop.abort();
  });
}

function fail(err: unknown): void {
  failLine("demo", err);
}
