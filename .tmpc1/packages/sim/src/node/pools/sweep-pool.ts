import { Worker } from "node:worker_threads";
import type { SimResult } from "../../core/index.js";
import type { JobRunner } from "../../sweep/index.js";

/**
 * Runs sweep jobs on `threads` worker threads, each taking the next job when free; results
 * come back in job order, so they do not depend on the number of threads.
 */
export function workerRunner(threads: number): JobRunner {
  return async (jobs, onDone) => {
    const results = new Array<SimResult>(jobs.length);
    let next = 0;
    let done = 0;
    const workers = Array.from(
      { length: Math.max(1, Math.min(threads, jobs.length)) },
      () => new Worker(new URL("./sweep-worker.js", import.meta.url)),
    );
    try {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const take = () => {
                if (next >= jobs.length) return resolve();
                const id = next++;
                w.postMessage({ id, config: jobs[id]!.config });
              };
              w.on("message", (msg: { id: number; result: SimResult }) => {
                results[msg.id] = msg.result;
                onDone?.(++done);
                take();
              });
              w.once("error", reject);
              take();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
  };
}
