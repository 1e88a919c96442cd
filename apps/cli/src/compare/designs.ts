// What `tracebed compare` needs to know of each design: how its server is started, how its
// phones are told to behave, and how its store answers what an operator can learn.
import type { LoadOptions } from "@tracebed/fleet";
import {
  bluezonePhoneCrypto,
  bluezonePrivacy,
  openStore,
  type PhoneCrypto,
  type PrivacyCounts,
} from "@tracebed/matcher";

/** What the stopped server's store tells: what its operator learns, what each phone computed. */
export interface StoreCounts {
  readonly privacy: PrivacyCounts;
  readonly phoneCrypto: PhoneCrypto;
}

export interface CompareDesign {
  readonly name: string;
  /** Extra `tracebed serve` arguments for this design. */
  readonly serveArgs: readonly string[];
  /** Extra fleet options for this design's phones. */
  readonly load: Partial<LoadOptions>;
  /** How its costs grow nationally (compare/plan.ts). */
  readonly scaling: {
    /** Each F0's keys reach every phone (pushed or published): per-F0 costs grow with phones. */
    readonly broadcast: boolean;
    /** What a phone costs before any case recurs every day (e.g. fetching a day's IDs). */
    readonly dailyPerPhone: boolean;
  };
  /** Counted from the stopped server's data directory (memory store). */
  counts(dataDir: string): Promise<StoreCounts>;
}

async function fromMemoryStore<T>(
  dataDir: string,
  count: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore("memory", { dataDir });
  try {
    return await count(store);
  } finally {
    await store.close();
  }
}

/** Every design compare can run, in the order it prints them. */
export const COMPARE_DESIGNS: readonly CompareDesign[] = [
  {
    name: "bluezone",
    serveArgs: [],
    load: {},
    // Keys pushed to every phone; a phone registers once and holds its connection.
    scaling: { broadcast: true, dailyPerPhone: false },
    counts: (dataDir) =>
      fromMemoryStore(dataDir, async (store) => ({
        privacy: await bluezonePrivacy(store),
        phoneCrypto: await bluezonePhoneCrypto(store),
      })),
  },
];
