import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

const CHUNK_BYTES = 1 << 20;

/**
 * A file written in 1 MiB chunks with backpressure: callers fill `buf` from `pos` with whole
 * lines, synchronously, and await `flush` only when a line might not fit, so there is no
 * promise per line and no string per line to encode.
 */
export class ChunkedFile {
  private readonly stream: WriteStream;
  buf: Uint8Array = Buffer.allocUnsafe(CHUNK_BYTES);
  pos = 0;
  private readonly spare: Uint8Array[] = [];

  constructor(path: string) {
    // A few chunks in flight let the disk write while the next chunk is built.
    this.stream = createWriteStream(path, { highWaterMark: 4 * CHUNK_BYTES });
  }

  async flush(): Promise<void> {
    if (this.pos === 0) return;
    // The stream holds the chunk until it is written; then the chunk is free for reuse.
    const chunk = this.buf;
    const ok = this.stream.write(chunk.subarray(0, this.pos), () => this.spare.push(chunk));
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
    if (!ok) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
