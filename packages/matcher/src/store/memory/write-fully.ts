import type { FileHandle } from "node:fs/promises";

/** writev until every byte is written (a short write continues where it stopped); the bytes. */
export async function writeFully(fh: FileHandle, buffers: readonly Buffer[]): Promise<number> {
  const rest = [...buffers];
  let total = 0;
  for (const b of rest) total += b.length;
  for (let written = 0, i = 0; written < total; ) {
    const { bytesWritten } = await fh.writev(rest.slice(i));
    written += bytesWritten;
    let n = bytesWritten;
    while (i < rest.length && n >= rest[i]!.length) n -= rest[i++]!.length;
    if (n > 0) rest[i] = rest[i]!.subarray(n);
  }
  return total;
}
