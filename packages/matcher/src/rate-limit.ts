/** A token bucket: `burst` tokens at most, refilled at `perSecond`. */
export interface BucketSpec {
  readonly burst: number;
  readonly perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key (an IP, a phone, a socket). `take(key)` spends a token and answers
 * 0, or answers the seconds until one is due. Full, idle buckets are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
  ) {
    if (!(spec.burst >= 1) || !(spec.perSecond > 0)) {
      throw new RangeError("rate limit: burst must be ≥ 1 and perSecond > 0");
    }
    this.lastSweep = now();
  }

  /** 0 if allowed (a token is spent), else seconds to wait before the next token. */
  take(key: string): number {
    const t = this.now();
    if (t - this.lastSweep > 60_000) this.sweep(t);
    const { burst, perSecond } = this.spec;
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { tokens: burst, at: t };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / perSecond;
  }

  delete(key: string): void {
    this.buckets.delete(key);
  }

  private sweep(t: number): void {
    this.lastSweep = t;
    const { burst, perSecond } = this.spec;
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) this.buckets.delete(k);
    }
  }
}
