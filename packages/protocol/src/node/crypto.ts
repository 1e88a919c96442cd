import { nobleCrypto } from "../crypto/noble.js";
import type { CryptoPrimitives } from "../crypto/primitives.js";
import { hkdfSha256ViaHmac, nativeCrypto } from "./native.js";

/*
 * Each primitive goes native only where bench/crypto.bench.ts measured it faster than noble.
 * Medians of three runs (µs per call; Node 20.20, x86-64 container, `npm run bench`):
 *
 *   sha256 32 B            noble 0.88–1.06   node hash() 0.78–0.88   → node
 *   sha256 45 B            noble 0.89–1.07   node hash() 0.86–1.05   → node (a wash)
 *   sha256 64 B            noble 1.37–1.47   node hash() 0.87–1.05   → node
 *   hmacSha256             noble 3.61–4.21   node 2.07–2.31          → node
 *   hkdfSha256 16→16 B     noble 8.12–8.39   hkdfSync 8.98–9.12      → two native HMACs 5.52–5.77
 *   AES-128-ECB 1 block    noble 1.32–1.77   node 2.52–2.67          → noble
 *   AES-128-ECB 8 blocks   noble 2.36–2.89   node 2.44–3.32          → noble
 *   AES-128-ECB 16 blocks  noble 3.15–3.58   node 2.55–3.24          → node from 16 blocks
 *   AES-128-ECB 144 blocks noble 16.4–16.6   node 3.38–3.52          → node
 *   AES-CTR 4 B (AEM)      noble 2.16–3.18   node 2.52–2.70          → noble (a wash)
 *   AES-256-CTR 1 block    noble 2.01–2.80   node 2.51–2.70          → noble (a wash)
 *   AES-256-CTR 4 blocks   noble 2.72–3.73   node 2.53–2.78          → node from 4 blocks
 *   AES-256-CTR 96 blocks  noble 16.9–17.3   node 3.14–3.38          → node
 *
 * One day of IDs (all native): bluezone 83 → 77, gaen 27 → 16, dp3t 21.7 → 7.4.
 */

const ECB_NATIVE_FROM = 16 * 16;
const CTR_NATIVE_FROM = 4 * 16;

/** CryptoPrimitives for Node: native where it measured faster, noble elsewhere. */
export const nodeCrypto: CryptoPrimitives = {
  name: "node",
  sha256: nativeCrypto.sha256,
  hmacSha256: nativeCrypto.hmacSha256,
  hkdfSha256: hkdfSha256ViaHmac,
  aesEcbEncrypt: (key, blocks) =>
    blocks.length >= ECB_NATIVE_FROM
      ? nativeCrypto.aesEcbEncrypt(key, blocks)
      : nobleCrypto.aesEcbEncrypt(key, blocks),
  aesCtr: (key, iv, data) =>
    data.length >= CTR_NATIVE_FROM
      ? nativeCrypto.aesCtr(key, iv, data)
      : nobleCrypto.aesCtr(key, iv, data),
};
