/** An append-only Uint32 buffer that doubles; `view()` trims to what was written. */
export class GrowableUint32 {
  private buf: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint32Array(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = x;
  }

  get(i: number): number {
    return this.buf[i]!;
  }

  view(): Uint32Array {
    return this.buf.subarray(0, this.length);
  }

  /** A compact copy (the buffer may be twice as large as needed). */
  toArray(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}
