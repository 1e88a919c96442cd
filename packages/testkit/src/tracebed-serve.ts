// `tracebed serve` as the tests run it: the repository's built CLI, a free port, NODE_ENV=test.
import { fileURLToPath } from "node:url";
import { type ServeProcess, startServeProcess } from "@tracebed/bench";

/** apps/cli/dist/bin.js beside this package in the repository (build the CLI first). */
export const TRACEBED_CLI = fileURLToPath(
  new URL("../../../apps/cli/dist/bin.js", import.meta.url),
);

export interface StartServeOptions {
  /** Another build of the CLI (default TRACEBED_CLI). */
  readonly cli?: string;
  /** Set over this process's environment and NODE_ENV=test. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** `tracebed serve --port 0 …args`; resolves once it is listening. */
export function startServe(
  args: readonly string[],
  o: StartServeOptions = {},
): Promise<ServeProcess> {
  return startServeProcess({
    entry: o.cli ?? TRACEBED_CLI,
    args: ["serve", "--port", "0", ...args],
    env: { NODE_ENV: "test", ...o.env },
    name: "serve",
    timeoutMs: o.timeoutMs,
  });
}
