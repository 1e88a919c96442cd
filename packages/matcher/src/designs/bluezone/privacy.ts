import { buildIdTable, getIdScheme } from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { pushesSince } from "../../store/common/pushes.js";
import type { MatcherStore, PhoneRecord } from "../../store/common/types.js";

/**
 * What an operator of the Bluezone hybrid server can learn from its store: counted from the
 * records it holds, never from the simulation. (docs/PROTOCOLS.md, "What the server learns".)
 */
export interface PrivacyCounts {
  /**
   * Phones other than a confirmed F0 that the operator can tie to at least one contact:
   * registration alone does not count; uploading keys, a log or an exposure does.
   */
  readonly nonIndexPhonesKnown: number;
  /** Distinct pairs of phones the operator can tie together (an undirected contact edge). */
  readonly contactEdgesKnown: number;
}

/**
 * In the hybrid design a phone that matches a push uploads its keys and its log naming the
 * index person, and every F0 uploads its keys and log. So the operator holds, for each
 * uploader, the IDs it broadcast (from its keys) and the IDs it saw (its log). An edge is a
 * pair of uploaders where one's log holds an ID the other's keys derive, or an exposure
 * upload naming an index person (the uploader and that index person's phone).
 */
export async function bluezonePrivacy(store: MatcherStore): Promise<PrivacyCounts> {
  const indexPhone = new Map<string, string>();
  const confirmed = new Set<string>();
  const uploaders = new Set<string>();
  for (const indexId of await store.listIndexIds()) {
    const index = await store.getIndex(indexId);
    if (index === null) continue;
    indexPhone.set(indexId, index.phoneId);
    if (index.role === "F0") confirmed.add(index.phoneId);
    uploaders.add(index.phoneId);
    for (const phoneId of await store.candidatesOf(indexId)) uploaders.add(phoneId);
  }
  const phones: PhoneRecord[] = [];
  for (const phoneId of uploaders) {
    const phone = await store.getPhone(phoneId);
    if (phone !== null) phones.push(phone);
  }
  // Whose broadcast ID is this (every uploaded key's IDs, one table for the operator).
  const ownerOfId = new Map<string, string>();
  for (const phone of phones) {
    if (phone.scheme === null || phone.keys.length === 0) continue;
    const table = buildIdTable(phone.keys, getIdScheme(phone.scheme), nodeCrypto);
    for (const id of table.slotById.keys()) ownerOfId.set(id, phone.phoneId);
  }
  const edges = new Set<string>();
  const tie = (a: string, b: string) => {
    if (a !== b) edges.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  };
  for (const phone of phones) {
    for (const entry of await store.getLog(phone.phoneId)) {
      const owner = ownerOfId.get(entry.contactId);
      if (owner !== undefined) tie(phone.phoneId, owner);
    }
    for (const indexId of phone.exposures) {
      const other = indexPhone.get(indexId);
      if (other !== undefined) tie(phone.phoneId, other);
    }
  }
  const known = new Set<string>();
  for (const edge of edges) {
    for (const phoneId of edge.split(" ")) if (!confirmed.has(phoneId)) known.add(phoneId);
  }
  return { nonIndexPhonesKnown: known.size, contactEdgesKnown: edges.size };
}

/** Crypto a phone of the design did in the run: every phone, alike. */
export interface PhoneCrypto {
  /** Operations per phone. */
  readonly perPhone: number;
  /** What one operation is. */
  readonly operation: string;
}

/**
 * Every phone receives every push and derives each pushed key's IDs (one SHA-256 per ID) to
 * look for them in its log: counted from the pushes the store holds.
 */
export async function bluezonePhoneCrypto(store: MatcherStore): Promise<PhoneCrypto> {
  let ids = 0;
  for await (const push of pushesSince(store, 0)) {
    ids += push.keys.length * getIdScheme(push.scheme).slotsPerDay;
  }
  return { perPhone: ids, operation: "SHA-256 (one per broadcast ID derived from a pushed key)" };
}
