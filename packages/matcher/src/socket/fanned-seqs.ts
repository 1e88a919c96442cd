/** Gaps kept at most: a larger jump (a process joining a long-running store) starts afresh. */
const MAX_GAP = 10_000;

/**
 * The push seqs this process has fanned out to its phones, as a mark a catch-up starts from.
 * Pushes arrive out of order (this process's own, others' through the adapter), and a store
 * outage can cut one off while a later one got through (Redis killed after answering one
 * process and before answering another): the mark is the highest seq with no seq missing
 * below it since the first this process fanned, not the highest seen.
 */
export class FannedSeqs {
  private latest = 0;
  private readonly missing = new Set<number>();

  fanned(seq: number): void {
    if (this.latest === 0 || seq - this.latest > MAX_GAP) {
      this.missing.clear();
      this.latest = Math.max(this.latest, seq);
      return;
    }
    if (seq > this.latest) {
      for (let s = this.latest + 1; s < seq; s++) this.missing.add(s);
      this.latest = seq;
    } else {
      this.missing.delete(seq);
    }
  }

  /** Whether some seq below the highest fanned was not fanned. */
  hasGap(): boolean {
    return this.missing.size > 0;
  }

  /** Whether `seq` is below the highest fanned and not fanned itself. */
  isMissing(seq: number): boolean {
    return this.missing.has(seq);
  }

  /** A gap filled from the store up to `seq`: what the store did not list there is no push. */
  settledUpTo(seq: number): void {
    for (const s of this.missing) if (s <= seq) this.missing.delete(s);
  }

  /** The highest seq fanned with every seq before it (since the first) fanned too. */
  caughtUpTo(): number {
    let lowest = this.latest + 1;
    for (const s of this.missing) lowest = Math.min(lowest, s);
    return lowest - 1;
  }
}
