import type { Matcher } from "@tracebed/matcher";

/** One line for a failure of a long-running command; exit status 1. */
export function failLine(what: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`tracebed: ${what}: ${message.split("\n")[0]}\n`);
  process.exitCode = 1;
}

/** A shutdown that has not finished by then (e.g. its Redis is unreachable) is cut short. */
export const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * Serves until SIGTERM or SIGINT, then closes the matcher (in-flight requests finish, the
 * store is flushed) and exits; `onSignal` runs first. A close that takes longer than
 * SHUTDOWN_LIMIT_MS exits non-zero with one line.
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
  // Clients of an unreachable Redis are cut at close: their pending commands reject with
  // nobody left to hear it. The shutdown says what matters in its own line.
  process.on("unhandledRejection", () => {});
  const limit = setTimeout(() => {
    const store = matcher.store.kind === "redis" ? " (is its Redis reachable?)" : "";
    process.stderr.write(
      `tracebed: ${what}: shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000} s${store}; exiting without it\n`,
    );
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS);
  limit.unref();
  // A store that does not answer now (Redis away) cannot confirm what it holds: said, exit 1.
  const reachable = await matcher.store.stats().then(
    () => true,
    () => false,
  );
  try {
    await matcher.close();
  } catch (err) {
    clearTimeout(limit);
    return failLine(what, err);
  }
  clearTimeout(limit);
  if (!reachable) {
    failLine(what, new Error(`the ${matcher.store.kind} store was unreachable at shutdown`));
  }
  // Everything is closed; a stray handle must not keep the process alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref();
}
