import type { bluetrace } from "@tracebed/protocol";
import type { BtStore } from "./store.js";

/**
 * What an operator of the BlueTrace store can reconstruct, counted from what it holds (not
 * from the run): every stored log sighting is decrypted, so it names both phones.
 *  - contactEdgesKnown: distinct unordered pairs (uploader, phone heard) with a stored sighting;
 *  - nonIndexPhonesKnown: phones in those pairs that are not confirmed cases (F0). A phone
 *    that only registered, or only fetched TempIDs, is in no pair.
 */
export async function privacyCounts(store: BtStore): Promise<bluetrace.PrivacyCounts> {
  const f0 = new Set(await store.f0Phones());
  const edges = new Set<string>();
  const phones = new Set<string>();
  for (const uploader of await store.loggers()) {
    for (const s of await store.getLog(uploader)) {
      if (s.contact === uploader) continue;
      edges.add(uploader < s.contact ? `${uploader} ${s.contact}` : `${s.contact} ${uploader}`);
      phones.add(uploader);
      phones.add(s.contact);
    }
  }
  let nonIndex = 0;
  for (const p of phones) if (!f0.has(p)) nonIndex++;
  return { nonIndexPhonesKnown: nonIndex, contactEdgesKnown: edges.size };
}
