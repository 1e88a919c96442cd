import {
  bluetrace,
  type DecisionParams,
  indexWindow,
  type Notification,
  SECONDS_PER_DAY,
} from "@tracebed/protocol";
import { nodeTempIdCipher } from "@tracebed/protocol/node";
import { type Clock, unixSeconds } from "../../clock.js";
import { newId, newToken } from "../../ids.js";
import { roleRank } from "../../store/common/types.js";
import type { BtIndex, BtStore } from "./store.js";

export interface BtFlowOptions {
  readonly store: BtStore;
  readonly params: DecisionParams;
  readonly clock: Clock;
  /** How long the HA's request for an F1's log stays open (seconds). */
  readonly grantTtlSeconds: number;
  /** A phone is notified; `contactIndexId` is the index person an F1 became, else null. */
  readonly notified: (phoneId: string, n: Notification, contactIndexId: string | null) => void;
  readonly onError: (err: unknown, what: string) => void;
}

/** The records of an upload once decrypted: the valid sightings and the refusals counted. */
export interface Decrypted {
  readonly sightings: bluetrace.KnownSighting[];
  readonly refused: { failed_decryption: number; expired_id: number; unknown_user: number };
}

/**
 * The server's side of BlueTrace (docs/PROTOCOLS.md): it decrypts every TempID of an uploaded
 * log, drops the invalid ones, and decides the uploader's contacts with the protocol's
 * BlueTrace rule (the uploader's log alone, in its window). An F0's contacts are notified as
 * F1: each becomes an index person whose window starts at its exposure day, and the health
 * authority asks for its log (a grant its phone fetches and uploads with); an F1's contacts
 * are notified as F2. An F1 found again with an earlier exposure has its window moved back and
 * its log decided again. Steps run one after another in this process.
 */
export class BtFlow {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: BtFlowOptions) {}

  /** Decrypts a log's records: OpenTrace's validation, plus the uid → phone lookup. */
  async decrypt(phoneId: string, records: readonly bluetrace.StreetPassRecord[]) {
    const key = await this.o.store.key();
    const ownUid = await this.o.store.uidOf(phoneId);
    const out: Decrypted = {
      sightings: [],
      refused: { failed_decryption: 0, expired_id: 0, unknown_user: 0 },
    };
    // A TempID is heard in several scan periods: each is opened once per upload.
    const opened = new Map<string, { contact: string | null; p: bluetrace.TempIdPayload }>();
    const NONE = { contact: null, p: { uid: new Uint8Array(0), startTime: 1, expiryTime: 0 } };
    for (const r of records) {
      let o = opened.get(r.msg);
      if (o === undefined) {
        const p = await bluetrace.openTempId(nodeTempIdCipher, key, r.msg);
        if (p === null) o = NONE;
        else {
          const uid = Buffer.from(p.uid).toString("base64");
          const contact = uid === ownUid ? "" : ((await this.o.store.phoneOfUid(uid)) ?? "");
          o = { contact, p };
        }
        opened.set(r.msg, o);
      }
      if (o.contact === null) out.refused.failed_decryption++;
      else if (!bluetrace.validAt(o.p, r.timestamp)) out.refused.expired_id++;
      else if (o.contact === "") out.refused.unknown_user++;
      else {
        out.sightings.push({
          contact: o.contact,
          rssi: r.rssi,
          txPower: r.txPower,
          timestamp: r.timestamp,
        });
      }
    }
    return out;
  }

  /** Decides the contacts in `phoneId`'s log (after its upload), in the background. */
  afterUpload(phoneId: string): void {
    this.run(() => this.evaluate(phoneId), `contacts in the log of ${phoneId}`);
  }

  async idle(): Promise<void> {
    for (;;) {
      const q = this.queue;
      await q;
      if (q === this.queue) return;
    }
  }

  private run(step: () => Promise<void>, what: string): void {
    this.queue = this.queue.then(step).catch((err: unknown) => this.o.onError(err, what));
  }

  private async evaluate(phoneId: string): Promise<void> {
    const { store, params } = this.o;
    const index = await store.indexOf(phoneId);
    if (index === null) return;
    const role = index.role === "F0" ? "F1" : "F2";
    const window = indexWindow(index.windowEnd, params.windowDays, index.windowStart ?? undefined);
    const log = await store.getLog(phoneId);
    for (const d of bluetrace.contactsInLog(log, window, params)) {
      await this.notifyContact(index, role, d);
    }
  }

  private async notifyContact(
    index: BtIndex,
    role: "F1" | "F2",
    d: bluetrace.BtDecision,
  ): Promise<void> {
    const { store } = this.o;
    const current = await store.roleOf(d.contact);
    const windowStart = d.firstContactDay * SECONDS_PER_DAY;
    if (role === "F1" && current === "F1") {
      // Found again by another F0: its exposure is the earliest, and its log counts from it.
      if (await store.lowerWindowStart(d.contact, windowStart)) await this.evaluate(d.contact);
      return;
    }
    if (roleRank(current) >= roleRank(role)) return;
    const notifiedAt = unixSeconds(this.o.clock);
    const notification: Notification = {
      notificationId: newId(),
      role,
      indexId: index.indexId,
      bestDay: d.bestDay,
      exposureDay: d.firstContactDay,
      closeSeconds: d.closeSecondsByDay.get(d.bestDay) ?? 0,
      notifiedAt,
    };
    const newIndex: BtIndex | null =
      role === "F1"
        ? { indexId: newId(), phoneId: d.contact, role, windowEnd: notifiedAt, windowStart }
        : null;
    const grant =
      newIndex === null
        ? null
        : {
            uploadToken: newToken(),
            phoneId: d.contact,
            indexId: newIndex.indexId,
            expiresAt: notifiedAt + this.o.grantTtlSeconds,
          };
    if (!(await store.notify({ phoneId: d.contact, notification, newIndex, grant }))) return;
    this.o.notified(d.contact, notification, newIndex?.indexId ?? null);
    // An F1's log may be in already (an F2 upgraded, or an F0 not yet confirmed).
    if (newIndex !== null) await this.evaluate(d.contact);
  }
}
