import {
  ConfigError,
  createMatcher,
  DEFAULT_COMPACT_AFTER_BYTES,
  DEFAULT_DATA_DIR,
  DEFAULT_F1_PUSH_HOLD_MS,
  isStoreSpec,
  type Matcher,
  redactUrl,
  type StoreSpec,
} from "@tracebed/matcher";
import { DESIGN_NAMES, type DesignName } from "@tracebed/protocol";
import { configFromScenario, decisionParams } from "@tracebed/sim";
import { type Command, InvalidArgumentError, Option } from "commander";
import { loadScenario } from "../run-options.js";
import { failLine, serveUntilSignal } from "../until-signal.js";
import { UsageError } from "../usage-error.js";

interface ServeOptions {
  port: number;
  host: string;
  store: StoreSpec;
  data: string;
  haToken?: string;
  viewerToken?: string;
  logLevel: string;
  scenario?: string;
  f1PushHold: number;
  compactAfterMb: number;
  design: DesignName;
  exportPeriod: number;
}

const MIB = 1024 * 1024;
const MAX_COMPACT_AFTER_MIB = 1024 * 1024;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

const EXAMPLES = `
The HA token comes from --ha-token, else TRACEBED_HA_TOKEN; without either a development
token is used with a warning (refused when NODE_ENV=production).

Examples:
  $ tracebed serve                                   # http://127.0.0.1:8080, journal in ${DEFAULT_DATA_DIR}
  $ tracebed serve --port 0 --data /tmp/matcher      # any free port
  $ tracebed serve --store redis://127.0.0.1:6379 --port 8081 --host 0.0.0.0`;

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65_535) {
    throw new InvalidArgumentError("must be a port number from 0 to 65535");
  }
  return Number(value);
}

function holdMs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 60_000) {
    throw new InvalidArgumentError("must be whole milliseconds from 0 to 60000");
  }
  return Number(value);
}

function compactAfterMib(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_COMPACT_AFTER_MIB) {
    throw new InvalidArgumentError(`must be whole MiB from 0 to ${MAX_COMPACT_AFTER_MIB}`);
  }
  return Number(value);
}

function exportPeriod(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 86_400) {
    throw new InvalidArgumentError("must be whole seconds from 1 to 86400");
  }
  return Number(value);
}

function storeSpec(value: string): StoreSpec {
  if (!isStoreSpec(value)) throw new InvalidArgumentError("must be memory or a redis:// URL");
  return value;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "Run the matching server: HTTP under /v1/ and Socket.IO on one port, memory + journal or Redis store.",
    )
    .addOption(
      new Option("--port <P>", "TCP port; 0 picks a free one").argParser(port).default(8080),
    )
    .option("--host <H>", "address to listen on", "127.0.0.1")
    .addOption(
      new Option("--store <S>", "memory, or redis://[user:pass@]host:port[/db]")
        .argParser(storeSpec)
        .default("memory"),
    )
    .option("--data <DIR>", "snapshot and journal directory of the memory store", DEFAULT_DATA_DIR)
    .addOption(
      new Option(
        "--compact-after-mb <MIB>",
        "memory store: snapshot the state and start a new journal once the journal passes this and the last snapshot's size (0: never)",
      )
        .argParser(compactAfterMib)
        .default(DEFAULT_COMPACT_AFTER_BYTES / MIB),
    )
    .option(
      "--ha-token <T>",
      "bearer token of the health authority (≥ 16 characters); also the live feed's operator token",
    )
    .option(
      "--viewer-token <T>",
      "the live feed's viewer token (≥ 16 characters): counts and anonymised events, safe to hand to a browser (default: TRACEBED_VIEWER_TOKEN, else no viewer scope)",
    )
    .option(
      "--scenario <S>",
      "calibrate the decision rules (path loss, close-contact definition, scan period) as in this scenario",
    )
    .addOption(
      new Option(
        "--f1-push-hold <MS>",
        "an F1's key push waits up to this long to share a frame with other F1 pushes (0: none; F0 pushes never wait)",
      )
        .argParser(holdMs)
        .default(DEFAULT_F1_PUSH_HOLD_MS),
    )
    .addOption(
      new Option("--design <D>", "the contact-tracing design served (docs/PROTOCOLS.md)")
        .choices(DESIGN_NAMES)
        .default("bluezone"),
    )
    .addOption(
      new Option(
        "--export-period <S>",
        "gaen: one signed export file per period of S seconds, published once the period has ended",
      )
        .argParser(exportPeriod)
        .default(3_600),
    )
    .addOption(
      new Option("--log-level <L>", "server log level (stderr)")
        .choices(LOG_LEVELS)
        .default("warn"),
    )
    .addHelpText("after", EXAMPLES)
    .action(async (opts: ServeOptions, cmd: Command) => {
      if (opts.store !== "memory" && cmd.getOptionValueSource("data") === "cli") {
        throw new UsageError("--data applies only to --store memory");
      }
      if (opts.store !== "memory" && cmd.getOptionValueSource("compactAfterMb") === "cli") {
        throw new UsageError("--compact-after-mb applies only to --store memory");
      }
      if (opts.design !== "gaen" && cmd.getOptionValueSource("exportPeriod") === "cli") {
        throw new UsageError("--export-period applies only to --design gaen");
      }
      if (opts.host.trim() === "") throw new UsageError("--host: must not be empty");
      await serve(opts);
    });
}

/** A Redis connection lost mid-command: the client reconnects; the command's caller has its answer (503). */
const CONNECTION_LOST =
  /ECONNRESET|ECONNREFUSED|EPIPE|Socket closed unexpectedly|Disconnects client|client is closed/i;

async function serve(opts: ServeOptions): Promise<void> {
  if (opts.store !== "memory") {
    // Commands in flight when Redis goes away (the Socket.IO adapter's among them) reject with
    // nobody awaiting them; they must not take the server down with them.
    process.on("unhandledRejection", (err) => {
      const message = String((err as Error)?.message ?? err);
      if (CONNECTION_LOST.test(message)) {
        // "Disconnects client": cut by our own shutdown, which says so in its last line.
        if (!/Disconnects client/i.test(message)) {
          process.stderr.write(`tracebed: warning: redis: ${message}\n`);
        }
        return;
      }
      throw err;
    });
  }
  const params = opts.scenario
    ? decisionParams(configFromScenario(loadScenario(opts.scenario)))
    : undefined;
  let matcher: Matcher;
  try {
    matcher = await createMatcher({
      ...(params ? { decisionParams: params } : {}),
      store: opts.store,
      dataDir: opts.data,
      compactAfterBytes: opts.compactAfterMb * MIB,
      logLevel: opts.logLevel,
      f1PushHoldMs: opts.f1PushHold,
      design: opts.design,
      gaen: { exportPeriodSeconds: opts.exportPeriod },
      ...(opts.haToken === undefined ? {} : { haToken: opts.haToken }),
      ...viewerToken(opts.viewerToken ?? process.env.TRACEBED_VIEWER_TOKEN),
      warn: (line) => process.stderr.write(`tracebed: ${line}\n`),
    });
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    return fail(err);
  }
  let url: string;
  try {
    url = (await matcher.listen(opts.port, opts.host)).url;
  } catch (err) {
    await matcher.close().catch(() => {});
    return fail(err);
  }
  const where = opts.store === "memory" ? `data ${opts.data}` : redactUrl(opts.store);
  process.stderr.write(
    `tracebed: matcher listening on ${url} (design ${opts.design}, store ${opts.store === "memory" ? "memory" : "redis"}, ${where})\n`,
  );

  await serveUntilSignal(matcher, "serve", (signal) =>
    process.stderr.write(`tracebed: ${signal}: finishing in-flight requests, flushing the store\n`),
  );
}

function viewerToken(token: string | undefined): { viewerToken?: string } {
  return token === undefined || token === "" ? {} : { viewerToken: token };
}

function fail(err: unknown): void {
  failLine("serve", err);
}
