// The protocol's benchmark cases: the primitives at the sizes the ID schemes use, noble (pure
// JS) against node:crypto, and one day of IDs per scheme. `npm run bench -w packages/protocol`
// (the build's dist/, through the repository's tracebed-bench; a declared dependency on
// @tracebed/bench would be a cycle, since the runner imports the protocol). Each case is one
// comparison; its figures are calls per second of each implementation (the median of the runs
// decides src/node/crypto.ts).
import { nobleCrypto } from "../dist/crypto/noble.js";
import { bluezone } from "../dist/ids/bluezone.js";
import { dp3t } from "../dist/ids/dp3t.js";
import { gaen } from "../dist/ids/gaen.js";
import { nodeCrypto } from "../dist/node/crypto.js";
import { hkdfSha256ViaHmac, nativeCrypto, sha256CreateHash } from "../dist/node/native.js";

const bytes = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
const key16 = bytes(16, 1);
const key32 = bytes(32, 2);
const iv = bytes(16, 3);
const info = bytes(7, 7);
const empty = new Uint8Array(0);
const blocks144 = bytes(144 * 16, 9);
const ctr96 = bytes(96 * 16, 11); // a DP-3T day of EphIDs

/** Calls per second of `fn`, over `ms` after a warm-up of a fifth of that. */
function callsPerSecond(fn, ms) {
  const until = (end) => {
    let n = 0;
    while (performance.now() < end) {
      for (let i = 0; i < 16; i++) fn();
      n += 16;
    }
    return n;
  };
  until(performance.now() + ms / 5);
  const started = performance.now();
  const n = until(started + ms);
  return Math.round((n * 1000) / (performance.now() - started));
}

/** One comparison as a case: its figures are each implementation's calls per second. */
const compare = (name, impls, ms) => ({
  name,
  what: `calls/s of ${Object.keys(impls).join(", ")}`,
  runs: 3,
  run: async () =>
    Object.fromEntries(Object.entries(impls).map(([k, fn]) => [k, callsPerSecond(fn, ms)])),
});

export const benchCases = ({ quick }) => {
  const ms = quick ? 20 : 300;
  const cases = [];
  for (const [label, n, seed] of [
    ["32 B", 32, 4],
    ["45 B", 45, 5], // Bluezone's dailyKey ‖ "bluzonesubkey"
    ["64 B", 64, 6],
  ]) {
    const data = bytes(n, seed);
    cases.push(
      compare(
        `sha256 ${label}`,
        {
          noble: () => nobleCrypto.sha256(data),
          "node hash()": () => nativeCrypto.sha256(data),
          "node createHash": () => sha256CreateHash(data),
        },
        ms,
      ),
    );
  }
  const data13 = bytes(13, 12);
  cases.push(
    compare(
      "hmacSha256 32 B key, 13 B data",
      {
        noble: () => nobleCrypto.hmacSha256(key32, data13),
        node: () => nativeCrypto.hmacSha256(key32, data13),
      },
      ms,
    ),
    compare(
      "hkdfSha256 16 B → 16 B",
      {
        noble: () => nobleCrypto.hkdfSha256(key16, empty, info, 16),
        "node hkdfSync": () => nativeCrypto.hkdfSha256(key16, empty, info, 16),
        "node HMAC ×2": () => hkdfSha256ViaHmac(key16, empty, info, 16),
      },
      ms,
    ),
  );
  for (const [label, blocks] of [
    ["1 block", 1],
    ["4 blocks", 4],
    ["8 blocks", 8],
    ["16 blocks", 16],
    ["144 blocks", 144],
  ]) {
    const data = blocks144.subarray(0, blocks * 16);
    cases.push(
      compare(
        `aesEcbEncrypt AES-128 ${label}`,
        {
          noble: () => nobleCrypto.aesEcbEncrypt(key16, data),
          node: () => nativeCrypto.aesEcbEncrypt(key16, data),
        },
        ms,
      ),
    );
  }
  for (const [label, key, data] of [
    ["AES-128 4 B", key16, bytes(4, 10)], // a GAEN AEM
    ["AES-256 1 block", key32, ctr96.subarray(0, 16)],
    ["AES-256 4 blocks", key32, ctr96.subarray(0, 64)],
    ["AES-256 8 blocks", key32, ctr96.subarray(0, 128)],
    ["AES-256 96 blocks", key32, ctr96],
  ]) {
    cases.push(
      compare(
        `aesCtr ${label}`,
        {
          noble: () => nobleCrypto.aesCtr(key, iv, data),
          node: () => nativeCrypto.aesCtr(key, iv, data),
        },
        ms,
      ),
    );
  }
  // One day of IDs per scheme: what the simulator and the matcher actually call.
  for (const scheme of [bluezone, gaen, dp3t]) {
    const key = bytes(scheme.keyLength, 13);
    const day = (c) => () => scheme.ids(key, 18354, 0, scheme.slotsPerDay, c);
    cases.push(
      compare(
        `${scheme.name} one day of IDs`,
        {
          noble: day(nobleCrypto),
          "node-native": day(nativeCrypto),
          "node (mixed)": day(nodeCrypto),
        },
        ms,
      ),
    );
  }
  return cases;
};
