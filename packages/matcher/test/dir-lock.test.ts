// One process per data directory: a second server on the same directory is refused while the
// first lives, and a lock left by a dead process (kill -9) is taken over.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { DataDirInUseError, LOCK_FILE, MemoryStore } from "../src/index.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tracebed-lock-"));
  dirs.push(dir);
  return dir;
}

/** A live process that is not this one, to stand for another server. */
async function otherProcess() {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    stdio: "ignore",
  });
  await new Promise((resolve) => child.once("spawn", resolve));
  return child;
}

it("holds DIR/LOCK with its pid while open and removes it on close", async () => {
  const dir = tempDir();
  const store = await MemoryStore.open({ dataDir: dir });
  expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
  await store.close();
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
});

it("refuses a directory another live process holds, naming it, and changes nothing", async () => {
  const dir = tempDir();
  const other = await otherProcess();
  try {
    writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`);
    const err = await MemoryStore.open({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirInUseError);
    expect((err as Error).message).toBe(
      `${dir}: in use by process ${other.pid} (${join(dir, LOCK_FILE)}); stop it, or remove the file if that process is not a tracebed server`,
    );
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(other.pid));
  } finally {
    other.kill("SIGKILL");
    await new Promise((resolve) => other.once("exit", resolve));
  }
  // Its process is gone (as after kill -9): the lock is stale and taken over.
  const store = await MemoryStore.open({ dataDir: dir });
  expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
  await store.close();
});

it("takes over a lock file it cannot read as a pid", async () => {
  const dir = tempDir();
  writeFileSync(join(dir, LOCK_FILE), "");
  const store = await MemoryStore.open({ dataDir: dir });
  await store.close();
});
