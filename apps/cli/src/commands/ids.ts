import {
  fromHex,
  gaenRpis,
  getIdScheme,
  ID_SCHEME_NAMES,
  type IdScheme,
  toHex,
} from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { type Command, Option } from "commander";
import { nonNegativeInt, positiveInt } from "../options.js";
import { UsageError } from "../usage-error.js";

interface IdsOptions {
  scheme: string;
  key: string;
  day?: number;
  interval?: number;
  count?: number;
}

/** Hash chains cost one SHA-256 per day; this keeps a mistyped --day from hanging. */
const MAX_DAY = 100_000;
const UINT32_END = 2 ** 32;

const EXAMPLES = `
Keys:
  bluezone  the 32-byte base ID; prints the IDs of day D from slot 0 (15-minute slots)
  gaen      a 16-byte TEK; prints the RPIs of intervals I, I+1, … (10-minute intervals)
  dp3t      the 32-byte SK of day 0; prints the EphIDs of day D from epoch 0 (15 minutes)

Examples:
  $ tracebed ids --scheme gaen --key 75c734c6dd1a782de7a965da5eb93125 --interval 2642976
  $ tracebed ids --scheme bluezone --key $(openssl rand -hex 32) --day 3 --count 4
  $ tracebed ids --scheme dp3t --key ${"00".repeat(32)} --day 1 --count 3`;

export function registerIds(program: Command): void {
  program
    .command("ids")
    .description("Print the rolling broadcast IDs of one key as lowercase hex, one a line.")
    .addOption(
      new Option("--scheme <name>", "ID scheme").choices(ID_SCHEME_NAMES).makeOptionMandatory(),
    )
    .requiredOption("--key <hex>", "the phone's secret key in hex (see Keys below)")
    .option("--day <D>", "bluezone, dp3t: days after the key's day (default: 0)", nonNegativeInt)
    .option(
      "--interval <I>",
      "gaen: first interval number = unix seconds / 600 (default: 0, 1970-01-01 00:00 UTC)",
      nonNegativeInt,
    )
    .option(
      "--count <N>",
      "IDs to print, at most one day's (default: bluezone 96, gaen 144, dp3t 96)",
      positiveInt,
    )
    .addHelpText("after", EXAMPLES)
    .action((opts: IdsOptions) => {
      const scheme = getIdScheme(opts.scheme);
      const ids = rollingIds(scheme, parseKey(scheme, opts.key), opts);
      const lines: string[] = [];
      for (let o = 0; o < ids.length; o += scheme.idLength) {
        lines.push(toHex(ids.subarray(o, o + scheme.idLength)));
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}

function parseKey(scheme: IdScheme, hex: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = fromHex(hex, "--key");
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (key.length !== scheme.keyLength) {
    throw new UsageError(
      `--key: ${scheme.name} needs a ${scheme.keyLength}-byte key (${2 * scheme.keyLength} hex digits), got ${key.length} byte${key.length === 1 ? "" : "s"}`,
    );
  }
  return key;
}

function rollingIds(scheme: IdScheme, key: Uint8Array, opts: IdsOptions): Uint8Array {
  const count = opts.count ?? scheme.slotsPerDay;
  if (count > scheme.slotsPerDay) {
    throw new UsageError(
      `--count: at most ${scheme.slotsPerDay} for ${scheme.name} (one day of IDs), got ${count}`,
    );
  }
  if (scheme.name === "gaen") {
    if (opts.day !== undefined)
      throw new UsageError("--day does not apply to gaen; use --interval");
    const interval = opts.interval ?? 0;
    if (interval + count > UINT32_END) {
      throw new UsageError(
        `--interval: intervals are uint32, so --interval + --count must be at most ${UINT32_END}`,
      );
    }
    // RPIs depend only on (TEK, interval), so a run may cross midnight under the same TEK.
    return gaenRpis(key, interval, count, nodeCrypto);
  }
  if (opts.interval !== undefined) {
    throw new UsageError(`--interval applies only to gaen; ${scheme.name} takes --day`);
  }
  const day = opts.day ?? 0;
  if (day > MAX_DAY) throw new UsageError(`--day: must be at most ${MAX_DAY}, got ${day}`);
  return scheme.ids(scheme.dailyKey(key, day, nodeCrypto), 0, 0, count, nodeCrypto);
}
