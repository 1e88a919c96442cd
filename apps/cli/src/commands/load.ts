import { DEFAULT_UPLOAD_CONCURRENCY, runLoad } from "@tracebed/fleet";
import { DEV_HA_TOKEN } from "@tracebed/matcher";
import {
  DEFAULT_GAEN_EXPOSURE,
  DESIGN_NAMES,
  type DesignName,
  GAEN_RULE_NAMES,
  type GaenRuleName,
} from "@tracebed/protocol";
import { configFromScenario } from "@tracebed/sim";
import { type Command, Option } from "commander";
import { documentHeader, printJson } from "../document.js";
import { positiveInt } from "../options.js";
import {
  addRunFlags,
  adoptionChoice,
  loadScenario,
  type RunFlags,
  runOptions,
} from "../run-options.js";
import { UsageError } from "../usage-error.js";

interface LoadFlags extends RunFlags {
  url: string;
  f0Rate: number;
  procs: number;
  uploadConcurrency: number;
  ackedFile?: string;
  haToken?: string;
  json?: boolean;
  design: DesignName;
  gaenRule: GaenRuleName;
  gaenF1Upload: number;
  gaenPollMs: number;
}

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError("--gaen-f1-upload: must be a share from 0 to 1");
  }
  return n;
}

function urls(text: string): string[] {
  const list = text.split(",").map((u) => u.trim());
  for (const u of list) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      throw new UsageError(`--url: not a URL: ${u}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new UsageError(`--url: must be http(s): ${u}`);
  }
  return list;
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError("--f0-rate: must be a number of F0 per second greater than 0");
  return n;
}

/**
 * Why `confirmed` F0 of the run's `drawn`: only an F0 with the app can be given a code by the
 * health authority and upload their keys; drawn among everyone, the others have no phone in
 * the fleet.
 */
export function f0Note(confirmed: number, f0: { count: number; from: "all" | "appUsers" }): string {
  const head = `${confirmed} of the run's ${f0.count} F0 confirmed`;
  if (f0.from === "all") {
    return `${head}: the F0 are drawn among everyone (--f0-from all) and only those with the app can be given a code and upload their keys; the other ${f0.count - confirmed} have no app${confirmed < f0.count ? " (--f0-from app-users draws them all among app users)" : ""}`;
  }
  return confirmed < f0.count
    ? `${head}: drawn among app users (--f0-from app-users), ${f0.count - confirmed} could not be confirmed (see the errors above)`
    : `${head}: drawn among app users (--f0-from app-users), every one confirmed`;
}

export function registerLoad(program: Command): void {
  const cmd = program
    .command("load")
    .description(
      "Replay a run's phones against running matchers: F0 confirmed by the health authority, key pushes, uploads on a hit, notifications — compared with the oracle.",
    )
    .argument("<scenario>", "scenario name (see scenarios/) or path to a scenario JSON file")
    .requiredOption("--url <URL[,URL…]>", "matcher URLs; phones are spread over them")
    .option("--f0-rate <R>", "F0 confirmed per second", rate, 5)
    .option(
      "--procs <K>",
      "fleet processes (each may hold up to 20,000 open files)",
      positiveInt,
      1,
    )
    .option(
      "--upload-concurrency <N>",
      "uploads in flight at once per fleet process (phones upload independently; this only spares the fleet process)",
      positiveInt,
      DEFAULT_UPLOAD_CONCURRENCY,
    )
    .option(
      "--acked-file <F>",
      "append each acknowledged upload id to this file as it is acknowledged",
    )
    .option(
      "--ha-token <T>",
      "the health authority's token (default: TRACEBED_HA_TOKEN, else the development token)",
    )
    .addOption(
      new Option("--design <D>", "the design the phones follow (the matchers must serve it)")
        .choices(DESIGN_NAMES)
        .default("bluezone"),
    )
    .addOption(
      new Option("--gaen-rule <R>", "gaen: the exposure rule the phones decide with")
        .choices(GAEN_RULE_NAMES)
        .default(DEFAULT_GAEN_EXPOSURE.rule),
    )
    .option(
      "--gaen-f1-upload <SHARE>",
      "gaen: share of notified F1 who upload their own keys so their contacts learn they are F2 (default 0: the deployed GAEN apps asked only confirmed cases)",
      share,
      0,
    )
    .option("--gaen-poll-ms <MS>", "gaen: how often phones download index.txt", positiveInt, 1_000)
    .option("--json", "print one JSON document on stdout");
  addRunFlags(cmd).action(async (name: string, flags: LoadFlags, command: Command) => {
    if (flags.design !== "gaen") {
      for (const f of ["gaenRule", "gaenF1Upload", "gaenPollMs"]) {
        if (command.getOptionValueSource(f) === "cli") {
          throw new UsageError("--gaen-* flags apply only to --design gaen");
        }
      }
    }
    const scenario = loadScenario(name);
    const list = urls(flags.url);
    const config = configFromScenario(scenario, runOptions(flags));
    let last = 0;
    const { summary, ok } = await runLoad({
      config,
      urls: list,
      haToken: flags.haToken ?? process.env.TRACEBED_HA_TOKEN ?? DEV_HA_TOKEN,
      f0Rate: flags.f0Rate,
      procs: flags.procs,
      uploadConcurrency: flags.uploadConcurrency,
      design: flags.design,
      gaen: {
        exposure: { rule: flags.gaenRule, minMinutes: DEFAULT_GAEN_EXPOSURE.minMinutes },
        f1UploadShare: flags.gaenF1Upload,
        pollMs: flags.gaenPollMs,
      },
      ...(flags.ackedFile ? { ackedFile: flags.ackedFile } : {}),
      onEvent: (e) => {
        if (e.type === "ready") process.stderr.write(`tracebed: ${e.phones} phones connected\n`);
        if (e.type === "error") process.stderr.write(`tracebed: ${e.message}\n`);
        if (e.type === "notified" && Date.now() - last > 1000 && process.stderr.isTTY) {
          last = Date.now();
          process.stderr.write(`\r notifications arriving…`);
        }
      },
    });
    const doc = {
      ...documentHeader(scenario),
      seed: config.seed,
      run: {
        adoption: adoptionChoice(flags),
        ble: config.ble.mode,
        urls: list,
        procs: flags.procs,
        uploadConcurrency: flags.uploadConcurrency,
        f0Rate: flags.f0Rate,
        f0: config.f0.count,
        f0From: config.f0.from,
        design: flags.design,
        ...(flags.design === "gaen"
          ? {
              gaen: {
                rule: flags.gaenRule,
                minMinutes: DEFAULT_GAEN_EXPOSURE.minMinutes,
                f1UploadShare: flags.gaenF1Upload,
                pollMs: flags.gaenPollMs,
              },
            }
          : {}),
      },
      ...summary,
      f0Note: f0Note(summary.f0, config.f0),
    };
    if (flags.json) printJson(doc);
    else {
      const share = (x: number | null) => (x === null ? "—" : x.toFixed(2));
      const line = (k: string, c: typeof summary.f1) =>
        `${k}  expected ${c.expected}  notified ${c.notified}  missing ${c.missing}  extra ${c.extra}${
          c.truth === undefined
            ? ""
            : `  (against the truth: ${c.truth.found} of ${c.truth.true} true found, recall ${share(c.truth.recall)}, precision ${share(c.truth.precision)})`
        }`;
      process.stdout.write(
        `${[
          `${summary.phones} phones, ${summary.f0} F0 confirmed, ${summary.uploads.acknowledged}/${summary.uploads.sent} uploads acknowledged`,
          doc.f0Note,
          line("F1", summary.f1),
          line("F2", summary.f2),
          `F0 confirmed → F1 notified: p50 ${summary.latencyMs.notifyP50} ms, p99 ${summary.latencyMs.notifyP99} ms`,
          `per F0, confirmed → last F1: p50 ${summary.latencyMs.lastF1P50} ms, p99 ${summary.latencyMs.lastF1P99} ms; → last F2: ${
            summary.latencyMs.lastF2P50 === null
              ? "not tied (no F2, or no live feed)"
              : `p50 ${summary.latencyMs.lastF2P50} ms, p99 ${summary.latencyMs.lastF2P99} ms`
          }`,
        ].join("\n")}\n`,
      );
    }
    if (!ok) process.exitCode = 1;
  });
}
