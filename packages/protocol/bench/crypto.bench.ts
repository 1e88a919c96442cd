// Micro-benchmark of the primitives at the sizes the ID schemes use: noble (pure JS) against
// node:crypto. `npm run bench -w @tracebed/protocol`; the medians decide src/node/crypto.ts.
import { bench, describe } from "vitest";
import { nobleCrypto } from "../src/crypto/noble.js";
import { bluezone } from "../src/ids/bluezone.js";
import { dp3t } from "../src/ids/dp3t.js";
import { gaen } from "../src/ids/gaen.js";
import { nodeCrypto } from "../src/node/crypto.js";
import { hkdfSha256ViaHmac, nativeCrypto, sha256CreateHash } from "../src/node/native.js";

const bytes = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 255);
const key16 = bytes(16, 1);
const key32 = bytes(32, 2);
const iv = bytes(16, 3);
const msg32 = bytes(32, 4);
const msg45 = bytes(45, 5); // Bluezone's dailyKey ‖ "bluzonesubkey"
const msg64 = bytes(64, 6);
const info = bytes(7, 7);
const empty = new Uint8Array(0);
const block1 = bytes(16, 8);
const blocks144 = bytes(144 * 16, 9);
const ctr4 = bytes(4, 10); // a GAEN AEM
const ctr96 = bytes(96 * 16, 11); // a DP-3T day of EphIDs

const opts = { time: 300, warmupTime: 100 };

for (const [label, data] of [
  ["32 B", msg32],
  ["45 B", msg45],
  ["64 B", msg64],
] as const) {
  describe(`sha256 ${label}`, () => {
    bench("noble", () => void nobleCrypto.sha256(data), opts);
    bench("node hash()", () => void nativeCrypto.sha256(data), opts);
    bench("node createHash", () => void sha256CreateHash(data), opts);
  });
}

describe("hmacSha256 32 B key, 13 B data", () => {
  const data = bytes(13, 12);
  bench("noble", () => void nobleCrypto.hmacSha256(key32, data), opts);
  bench("node", () => void nativeCrypto.hmacSha256(key32, data), opts);
});

describe("hkdfSha256 16 B → 16 B", () => {
  bench("noble", () => void nobleCrypto.hkdfSha256(key16, empty, info, 16), opts);
  bench("node hkdfSync", () => void nativeCrypto.hkdfSha256(key16, empty, info, 16), opts);
  bench("node HMAC ×2", () => void hkdfSha256ViaHmac(key16, empty, info, 16), opts);
});

for (const [label, data] of [
  ["1 block", block1],
  ["4 blocks", blocks144.subarray(0, 64)],
  ["8 blocks", blocks144.subarray(0, 128)],
  ["16 blocks", blocks144.subarray(0, 256)],
  ["144 blocks", blocks144],
] as const) {
  describe(`aesEcbEncrypt AES-128 ${label}`, () => {
    bench("noble", () => void nobleCrypto.aesEcbEncrypt(key16, data), opts);
    bench("node", () => void nativeCrypto.aesEcbEncrypt(key16, data), opts);
  });
}

for (const [label, key, data] of [
  ["AES-128 4 B", key16, ctr4],
  ["AES-256 1 block", key32, ctr96.subarray(0, 16)],
  ["AES-256 4 blocks", key32, ctr96.subarray(0, 64)],
  ["AES-256 8 blocks", key32, ctr96.subarray(0, 128)],
  ["AES-256 96 blocks", key32, ctr96],
] as const) {
  describe(`aesCtr ${label}`, () => {
    bench("noble", () => void nobleCrypto.aesCtr(key, iv, data), opts);
    bench("node", () => void nativeCrypto.aesCtr(key, iv, data), opts);
  });
}

// One day of IDs per scheme: what the simulator and the matcher actually call.
for (const scheme of [bluezone, gaen, dp3t]) {
  describe(`${scheme.name} one day of IDs`, () => {
    const key = bytes(scheme.keyLength, 13);
    bench("noble", () => void scheme.ids(key, 18354, 0, scheme.slotsPerDay, nobleCrypto), opts);
    bench(
      "node-native",
      () => void scheme.ids(key, 18354, 0, scheme.slotsPerDay, nativeCrypto),
      opts,
    );
    bench(
      "node (mixed)",
      () => void scheme.ids(key, 18354, 0, scheme.slotsPerDay, nodeCrypto),
      opts,
    );
  });
}
