import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

/** Buffered NDJSON lines to a file, honouring backpressure. */
export class NdjsonWriter {
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  lines = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(value: unknown): Promise<void> {
    this.chunk.push(JSON.stringify(value));
    this.lines++;
    if (this.chunk.length >= 4096) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const ok = this.stream.write(`${this.chunk.join("\n")}\n`);
    this.chunk = [];
    if (!ok) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
}
