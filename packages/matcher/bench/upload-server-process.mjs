// upload-server.mjs as a child process on a fresh data directory, for the bench scripts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServeProcess } from "@tracebed/testkit";

export const HA_TOKEN = "bench-ha-token-0123456789";

/** `store`: memory (journal in a temporary directory) or a redis:// URL. */
export async function startUploadServer({ store = "memory", nodeArgs = [] } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "tracebed-bench-"));
  const server = await startServeProcess({
    entry: fileURLToPath(new URL("upload-server.mjs", import.meta.url)),
    args: [dataDir, HA_TOKEN, store],
    nodeArgs,
    name: "matcher",
  });
  return {
    server,
    /** Stops it, removes its data and passes on its own warnings and errors. */
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      const errors = server
        .stderr()
        .replace(/^listening on .*\n/m, "")
        .replace(/^memory .*\n/gm, "");
      if (errors) process.stderr.write(errors);
    },
  };
}
