import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { syncDir } from "../../store/memory/data-dir.js";

/** The export signing key's file in the GAEN data folder: PKCS#8 PEM, mode 0600. */
export const SIGNING_KEY_FILE = "signing-key.pem";

/**
 * The signing key kept in DIR/signing-key.pem; on first use `generate()`'s, written to a
 * temporary file (0600), fsync'ed and renamed into place, so a crash leaves either no key or
 * the whole key, never half of one. A key manager holds it in exposure-notifications-server
 * (its FILESYSTEM manager, for development, writes keys 0600 the same way).
 */
export async function readOrCreateSigningKey(dir: string, generate: () => string) {
  const path = join(dir, SIGNING_KEY_FILE);
  const existing = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });
  if (existing !== null) return existing;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pem = generate();
  const temp = `${path}.tmp`;
  const fh = await open(temp, "w", 0o600);
  try {
    await fh.writeFile(pem);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, path);
  await syncDir(dir);
  return pem;
}
