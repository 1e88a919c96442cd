import type { Matcher } from "@tracebed/matcher";

/** One line for a failure of a long-running command; exit status 1. */
export function failLine(what: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tracebed: ${what}: ${message.split("\n")[0]}\n`);
  process.exitCode = 1;
}

/**
 * Serves until SIGTERM or SIGINT, then closes the matcher (in-flight requests finish, the
 * store is flushed) and exits; `onSignal` runs first.
 */
export async function serveUntilSignal(
  matcher: Matcher,
  what: string,
  onSignal: (signal: NodeJS.Signals) => void,
): Promise<void> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  onSignal(signal);
  try {
    await matcher.close();
  } catch (err) {
    return failLine(what, err);
  }
  // Everything is closed; a stray handle must not keep the process alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref();
}
