import { availableParallelism } from "node:os";
import { type AdoptionChoice, type RunOptions, type Scenario, ScenarioError } from "@tracebed/sim";
import { loadScenarioFile } from "@tracebed/sim/node";
import { type Command, Option } from "commander";
import { nonNegativeInt, positiveInt, share } from "./options.js";
import { UsageError } from "./usage-error.js";

/** The flags simulate, sweep, export and load share (README.md). */
export interface RunFlags {
  seed: number;
  days?: number;
  agents?: number;
  adoption?: number;
  target?: number;
  f0?: number;
  f0From?: "all" | "app-users";
  ble: "ideal" | "realistic";
  threads: number;
}

/** The engine stores install days in a byte. */
const MAX_DAYS = 120;

function days(value: string): number {
  const n = positiveInt(value);
  if (n > MAX_DAYS) throw new UsageError(`--days: at most ${MAX_DAYS}`);
  return n;
}

export function addRunFlags(
  cmd: Command,
  { adoption = true }: { adoption?: boolean } = {},
): Command {
  cmd
    .option(
      "--seed <S>",
      "random seed: same scenario, flags and seed give the same output",
      nonNegativeInt,
      1,
    )
    .option("--days <D>", `simulated days (default: the scenario's, 14; at most ${MAX_DAYS})`, days)
    .option(
      "--agents <N>",
      "simulate a sample of N agents, regions in proportion (default: everyone)",
      positiveInt,
    );
  if (adoption) {
    cmd
      .addOption(
        new Option(
          "--adoption <A>",
          "uniform, independent adoption: share A of the whole population with an active app (0-1)",
        )
          .argParser(share)
          .conflicts("target"),
      )
      .addOption(
        new Option(
          "--target <A>",
          "the scenario's policy scaled to A on its target's denominator (0-1)",
        )
          .argParser(share)
          .conflicts("adoption"),
      );
  }
  return cmd
    .option("--f0 <N>", "confirmed cases (default: the scenario's, 17)", nonNegativeInt)
    .addOption(
      new Option("--f0-from <who>", "draw F0 among everyone or among app users").choices([
        "all",
        "app-users",
      ]),
    )
    .addOption(
      new Option("--ble <mode>", "BLE model").choices(["ideal", "realistic"]).default("realistic"),
    )
    .option(
      "--threads <T>",
      "worker threads (0: none); results do not depend on it",
      nonNegativeInt,
      Math.min(2, availableParallelism()),
    );
}

export function adoptionChoice(flags: RunFlags): AdoptionChoice {
  if (flags.adoption !== undefined) return { kind: "uniform", share: flags.adoption };
  if (flags.target !== undefined) return { kind: "target", share: flags.target };
  return { kind: "scenario" };
}

export function runOptions(
  flags: RunFlags,
  adoption: AdoptionChoice = adoptionChoice(flags),
): RunOptions {
  return {
    seed: flags.seed,
    ...(flags.days !== undefined ? { days: flags.days } : {}),
    ...(flags.agents !== undefined ? { agents: flags.agents } : {}),
    adoption,
    ...(flags.f0 !== undefined ? { f0: flags.f0 } : {}),
    ...(flags.f0From !== undefined
      ? { f0From: flags.f0From === "app-users" ? "appUsers" : "all" }
      : {}),
    ble: flags.ble,
  };
}

/** A scenario by name or path; its errors are usage errors (one line, exit 2). */
export function loadScenario(nameOrPath: string): Scenario {
  try {
    return loadScenarioFile(nameOrPath);
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(err.message);
    throw err;
  }
}
