// upload-server.mjs as a child process on a fresh data directory, for the bench scripts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServeProcess } from "@tracebed/bench";

export const HA_TOKEN = "bench-ha-token-0123456789";

/**
 * `store`: memory or a redis:// URL. The memory store's data is in `dataDir`, kept, or else in
 * a temporary directory removed on stop; `compactAfterBytes`: its compaction threshold.
 */
export async function startUploadServer({
  store = "memory",
  nodeArgs = [],
  dataDir: keptDir,
  compactAfterBytes,
} = {}) {
  const dataDir = keptDir ?? mkdtempSync(join(tmpdir(), "tracebed-bench-"));
  const args = [dataDir, HA_TOKEN, store];
  if (compactAfterBytes !== undefined) args.push(String(compactAfterBytes));
  const server = await startServeProcess({
    entry: fileURLToPath(new URL("upload-server.mjs", import.meta.url)),
    args,
    nodeArgs,
    name: "matcher",
    timeoutMs: 120_000,
  });
  return {
    server,
    /** Stops it, removes its temporary data and passes on its own warnings and errors. */
    async stop() {
      await server.stop();
      if (keptDir === undefined) rmSync(dataDir, { recursive: true, force: true });
      const errors = server
        .stderr()
        .replace(/^listening on .*\n/m, "")
        .replace(/^memory .*\n/gm, "");
      if (errors) process.stderr.write(errors);
    },
  };
}
