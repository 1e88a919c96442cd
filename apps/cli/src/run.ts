import { type Command, CommanderError } from "commander";
import { buildProgram } from "./program.js";
import { EXIT_USAGE, UsageError } from "./usage-error.js";

/** Commander prints "error: …" lines; keep only the first so a bad flag is one line. */
function configureErrors(cmd: Command): void {
  cmd.exitOverride().configureOutput({
    outputError: (str, write) =>
      write(`tracebed: ${str.split("\n")[0]!.replace(/^error: /, "")}\n`),
  });
  for (const sub of cmd.commands) configureErrors(sub);
}

/** Runs the CLI; resolves to the exit status. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  configureErrors(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`tracebed: ${err.message}\n`);
      return EXIT_USAGE;
    }
    // The fleet's refusal of a server calibrated or designed otherwise: one line, status 1
    // (by name: the fleet is loaded only by the commands that drive phones).
    if (err instanceof Error && err.name === "CalibrationError") {
      process.stderr.write(`tracebed: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
