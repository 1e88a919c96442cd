import { readExportFile } from "@tracebed/protocol/gaen";
import type { PhoneCrypto } from "../types.js";
import type { GaenStore } from "./store.js";

/**
 * What each GAEN phone computes from what the server published: it downloads every export
 * file, verifies its signature, and derives each key's rolling proximity identifiers (one
 * HKDF-SHA256 for the key's RPI key, then one AES-128 block per RPI: rollingPeriod of them,
 * 144 for a day's key) to look for them among what it heard. Counted from the stored exports.
 */
export async function gaenPhoneCrypto(store: GaenStore): Promise<PhoneCrypto> {
  let files = 0;
  let keys = 0;
  let blocks = 0;
  for (const name of await store.exportNames()) {
    const zip = await store.getExport(name);
    if (zip === null) continue;
    files++;
    for (const k of readExportFile(zip).keys) {
      keys++;
      blocks += k.rollingPeriod;
    }
  }
  return {
    perPhone: blocks,
    operation: `AES-128 block (one per RPI derived from a published key), beside ${keys} HKDF-SHA256 (one per key) and ${files} ECDSA P-256 verifications (one per export file)`,
  };
}
