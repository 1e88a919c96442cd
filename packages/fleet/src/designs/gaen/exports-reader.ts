import { type ExportKey, readExportFile } from "@tracebed/protocol/gaen";
import { verifyExportSignature } from "@tracebed/protocol/node";

/** A batch file's window, from its name `<start>-<end>-<n>.zip`. */
export function batchEnd(path: string): number {
  const m = /(\d+)-(\d+)-\d+\.zip$/.exec(path);
  return m === null ? 0 : Number(m[2]);
}

async function getBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * A phone's download of the exports: index.txt, then each file it has not seen, each verified
 * against the server's public key (every signature must verify) before its keys are used.
 */
export class ExportsReader {
  private readonly seen = new Set<string>();
  private publicKey: string | null = null;
  /** The latest batch end among the files read (unix seconds). */
  seenUntil = 0;
  /** Bytes downloaded: index, key and files. */
  bytes = 0;

  constructor(private readonly base: string) {}

  /** The keys of the files published since the last call, file by file in index order. */
  async poll(): Promise<ExportKey[]> {
    this.publicKey ??= new TextDecoder().decode(await this.get("v1/exports/public-key.pem"));
    const index = new TextDecoder().decode(await this.get("v1/exports/index.txt"));
    const keys: ExportKey[] = [];
    for (const path of index.split("\n")) {
      if (path === "" || this.seen.has(path)) continue;
      const file = readExportFile(await this.get(path));
      if (file.signatures.length === 0) throw new Error(`${path}: no signature`);
      for (const s of file.signatures) {
        if (!verifyExportSignature(this.publicKey, file.exportBin, s.signature)) {
          throw new Error(`${path}: the signature does not verify`);
        }
      }
      this.seen.add(path);
      this.seenUntil = Math.max(this.seenUntil, batchEnd(path));
      keys.push(...file.keys);
    }
    return keys;
  }

  private async get(path: string): Promise<Uint8Array> {
    const bytes = await getBytes(new URL(path, this.base).toString());
    this.bytes += bytes.length;
    return bytes;
  }
}
