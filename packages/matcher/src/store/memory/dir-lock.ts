import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export const LOCK_FILE = "LOCK";

/** Another live process holds the data directory. */
export class DataDirInUseError extends Error {
  override readonly name = "DataDirInUseError";
}

/**
 * One process per data directory: two servers appending to one journal, or one compacting
 * what the other still writes, would corrupt it. DIR/LOCK holds the owner's pid; a lock whose
 * process is gone (kill -9, a crash) is stale and taken over.
 */
export class DirLock {
  private constructor(private readonly path: string) {}

  static async acquire(dir: string): Promise<DirLock> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fh = await open(path, "wx", 0o600);
        await fh.writeFile(`${process.pid}\n`);
        await fh.close();
        return new DirLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      // Our own pid: a store of this process that was never closed (a test's simulated crash).
      if (Number.isSafeInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new DataDirInUseError(
          `${dir}: in use by process ${owner} (${path}); stop it, or remove the file if that process is not a tracebed server`,
        );
      }
      await rm(path, { force: true });
    }
    throw new DataDirInUseError(`${dir}: could not take ${path}: another process keeps taking it`);
  }

  async release(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
