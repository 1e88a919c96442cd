// What `tracebed compare` needs to know of each design: how its server is started, how its
// phones are told to behave (and their radio), and how its costs grow nationally. What the
// server learns, each phone's crypto and the bytes it keeps are not here: every design's server
// answers them itself (GET /v1/operator/counts, read by run-design.ts).
import type { LoadOptions } from "@tracebed/fleet";
import type { SimConfig } from "@tracebed/sim";

export interface CompareDesign {
  readonly name: string;
  /** Extra `tracebed serve` arguments for this design. */
  readonly serveArgs: readonly string[];
  /** Extra fleet options for this design's phones. */
  readonly load: Partial<LoadOptions>;
  /**
   * This design's phones' radio, from the run's (the same people, contacts and truth; only
   * what the phones hear differs). Undefined: the run's radio as it is.
   */
  readonly radio?: (ble: SimConfig["ble"]) => SimConfig["ble"];
  /**
   * Bytes each phone downloads that the fleet fetches once per fleet process for all its
   * phones (read from the server after the run, bodies only); the run adds them for every
   * other phone. Undefined: each phone's downloads are its own.
   */
  readonly sharedDownloads?: (url: string) => Promise<number>;
  /** How its costs grow nationally (compare/plan.ts). */
  readonly scaling: {
    /** Each F0's keys reach every phone (pushed or published): per-F0 costs grow with phones. */
    readonly broadcast: boolean;
    /** What a phone costs before any case recurs every day (e.g. fetching a day's IDs). */
    readonly dailyPerPhone: boolean;
  };
}

/** Seconds per GAEN export batch in a compare run (the server's default is an hour). */
const GAEN_EXPORT_PERIOD_SECONDS = 2;

async function bodyBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Every GAEN phone downloads the public key and every export file the index lists. */
async function gaenPublished(url: string): Promise<number> {
  let n = (await bodyBytes(`${url}/v1/exports/public-key.pem`)).length;
  const index = new TextDecoder().decode(await bodyBytes(`${url}/v1/exports/index.txt`));
  for (const path of index.split("\n")) {
    if (path !== "") n += (await bodyBytes(`${url}/${path}`)).length;
  }
  return n;
}

/** Every design compare can run, in the order it prints them. */
export const COMPARE_DESIGNS: readonly CompareDesign[] = [
  {
    name: "bluezone",
    serveArgs: [],
    load: {},
    // Keys pushed to every phone; a phone registers once and holds its connection.
    scaling: { broadcast: true, dailyPerPhone: false },
  },
  {
    name: "gaen",
    serveArgs: ["--design", "gaen", "--export-period", String(GAEN_EXPORT_PERIOD_SECONDS)],
    // The default phone: the German rule (DEFAULT_GAEN_EXPOSURE), F1 do not upload (no F2), polling
    // every second (docs/PROTOCOLS.md, "GAEN").
    load: { design: "gaen" },
    // The OS's exposure notification service scans and advertises with the app in the
    // background, iPhones included: two backgrounded iPhones hear each other (they did not
    // under Bluezone's app).
    radio: (ble) => ({ ...ble, iosBackgroundShare: 0 }),
    sharedDownloads: gaenPublished,
    // Every export reaches every phone; no daily cost before a case (keys stay on the phone).
    scaling: { broadcast: true, dailyPerPhone: false },
  },
  {
    name: "bluetrace",
    serveArgs: ["--design", "bluetrace"],
    // An app like Bluezone's, with the same iOS background limits (TraceTogether asked its
    // iPhone users to keep the app open): the default radio.
    load: { design: "bluetrace" },
    // Nothing reaches every phone; each phone fetches its day's TempIDs (a batch of 100).
    scaling: { broadcast: false, dailyPerPhone: true },
  },
];
