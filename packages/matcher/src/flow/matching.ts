import {
  buildIdTable,
  type DecisionParams,
  decideWith,
  getIdScheme,
  type IdTable,
  type KeyPush,
  type LogEntry,
  type Notification,
  SECONDS_PER_DAY,
} from "@tracebed/protocol";
import { nodeCrypto } from "@tracebed/protocol/node";
import { type Clock, unixSeconds } from "../clock.js";
import { newId } from "../ids.js";
import { Lru } from "../lru.js";
import type { MatcherStore, PhoneRecord, Role } from "../store/common/types.js";
import { roleRank } from "../store/common/types.js";

/** What the flow tells the push channel and the live feed. */
export interface FlowEvents {
  keyPushed(push: KeyPush): void;
  /** `contactIndexId`: the index person an F1 became (its keys are pushed next), else null. */
  notified(phoneId: string, notification: Notification, contactIndexId: string | null): void;
}

export interface FlowMetrics {
  decided(seconds: number, contact: boolean): void;
  notified(role: Role): void;
  pushed(role: "F0" | "F1"): void;
}

export interface MatchingOptions {
  readonly store: MatcherStore;
  readonly params: DecisionParams;
  readonly clock: Clock;
  readonly events: FlowEvents;
  readonly metrics: FlowMetrics;
  readonly onError: (err: unknown, what: string) => void;
}

/** A person's IDs and log are cached per phone, keyed on the upload counters. */
interface Cached<T> {
  readonly version: number;
  readonly value: T;
}

/**
 * The server's side of the Bluezone hybrid flow (docs/PROTOCOL.md steps 3–5). Every step is
 * idempotent, so it runs after each upload, again at start-up (`reconcile`), and
 * concurrently in several processes:
 *  - an index person whose keys are stored gets its keys pushed, and again when they change
 *    (a later keys upload) or its window starts earlier;
 *  - a pair (index I, candidate C that named I in an exposure upload) is decided with the
 *    protocol's `decide` once both have uploaded keys and a log;
 *  - a contact is notified (F1 of an F0, F2 of an F1) unless it already holds that role or a
 *    higher one; a new F1 becomes an index person whose window runs from 00:00 UTC of its
 *    exposure day to its notification time, its keys are pushed, and the same steps find F2;
 *    an F1 found again by another F0 with an earlier exposure has its window moved back.
 * Whoever writes last reads the other's write (store calls are atomic and linearisable), so
 * a pair whose two halves arrive at once, even at two processes, is decided at least once.
 */
export class Matching {
  private readonly ids = new Lru<string, Cached<IdTable>>(2_000);
  private readonly logs = new Lru<string, Cached<readonly LogEntry[]>>(500);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly o: MatchingOptions) {}

  /** Runs the steps an upload by `phoneId` may unlock, in the background. */
  afterUpload(phoneId: string): void {
    this.track(this.runForPhone(phoneId), `flow after an upload by ${phoneId}`);
  }

  /** Resolves when every background step started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Every index person: push if not yet pushed, decide its candidates (after a restart). */
  async reconcile(): Promise<void> {
    this.redelivering++;
    try {
      for (const indexId of await this.o.store.listIndexIds()) {
        await this.ensurePushed(indexId);
        await this.evaluateIndex(indexId);
      }
    } finally {
      this.redelivering--;
    }
  }

  /**
   * While reconciling (after a restart or a store outage), a contact found to hold its role
   * already gets that notification again: the store may have kept a notification whose
   * delivery the outage cut off (the write applied, its reply lost). Phones dedupe by id.
   */
  private redelivering = 0;

  private async redeliver(phone: PhoneRecord, indexId: string): Promise<void> {
    let becameIndex: string | null = null;
    for (const id of phone.indexIds) {
      if ((await this.o.store.getIndex(id))?.role === "F1") becameIndex = id;
    }
    for (const n of await this.o.store.notificationsOf(phone.phoneId)) {
      if (n.indexId !== indexId) continue;
      this.o.events.notified(phone.phoneId, n, n.role === "F1" ? becameIndex : null);
    }
  }

  async runForPhone(phoneId: string): Promise<void> {
    const phone = await this.o.store.getPhone(phoneId);
    if (phone === null) return;
    for (const indexId of phone.indexIds) await this.ensurePushed(indexId);
    if (!complete(phone)) return;
    for (const indexId of phone.exposures) await this.evaluate(indexId, phoneId);
    for (const indexId of phone.indexIds) await this.evaluateIndex(indexId);
  }

  private async ensurePushed(indexId: string): Promise<void> {
    const push = await this.o.store.pushIndex(
      indexId,
      unixSeconds(this.o.clock),
      this.o.params.windowDays,
    );
    if (push === null) return;
    this.o.metrics.pushed(push.role);
    this.o.events.keyPushed(push);
  }

  private async evaluateIndex(indexId: string): Promise<void> {
    for (const candidate of await this.o.store.candidatesOf(indexId)) {
      await this.evaluate(indexId, candidate);
    }
  }

  /**
   * Decides (index, candidate) and notifies the candidate if it is a contact. A candidate that
   * is an F1 already is decided again against another F0: an earlier exposure there moves its
   * own window's start back (an F1's exposure is the earliest over its F0).
   */
  private async evaluate(indexId: string, candidateId: string): Promise<void> {
    const { store } = this.o;
    const index = await store.getIndex(indexId);
    if (index === null || index.phoneId === candidateId) return;
    const role: Role = index.role === "F0" ? "F1" : "F2";
    const candidate = await store.getPhone(candidateId);
    if (candidate === null || !complete(candidate)) return;
    const rank = roleRank(candidate.role);
    if (rank > roleRank(role)) return;
    if (rank === roleRank(role) && role !== "F1") {
      // An F2 already: only a delivery the outage cut off is left to do (F1 go on below, to
      // the decision, as their window may move).
      if (this.redelivering > 0) await this.redeliver(candidate, indexId);
      return;
    }
    const indexPhone = await store.getPhone(index.phoneId);
    if (indexPhone === null || !complete(indexPhone)) return;
    if (indexPhone.scheme !== candidate.scheme) return;

    const [indexIds, indexLog, candidateIds, candidateLog] = await Promise.all([
      this.idTable(indexPhone),
      this.log(indexPhone),
      this.idTable(candidate),
      this.log(candidate),
    ]);
    const started = performance.now();
    const decision = decideWith(
      {
        ids: indexIds,
        log: indexLog,
        windowEnd: index.windowEnd,
        ...(index.windowStart === null ? {} : { windowStart: index.windowStart }),
      },
      indexIds,
      { ids: candidateIds, log: candidateLog },
      candidateIds,
      this.o.params,
    );
    this.o.metrics.decided((performance.now() - started) / 1000, decision.contact);
    if (!decision.contact || decision.bestDay === null || decision.firstContactDay === null) return;
    const windowStart = decision.firstContactDay * SECONDS_PER_DAY;
    if (rank === roleRank(role)) {
      if (this.redelivering > 0) await this.redeliver(candidate, indexId);
      await this.lowerExposure(candidate, windowStart);
      return;
    }

    const notifiedAt = unixSeconds(this.o.clock);
    const notification: Notification = {
      notificationId: newId(),
      role: role as "F1" | "F2",
      indexId,
      bestDay: decision.bestDay,
      exposureDay: decision.firstContactDay,
      closeSeconds: decision.closeSecondsByDay.get(decision.bestDay) ?? 0,
      notifiedAt,
    };
    const newIndex =
      role === "F1"
        ? { indexId: newId(), windowEnd: notifiedAt, windowStart, createdAt: notifiedAt }
        : null;
    const notified = await store.notify({ phoneId: candidateId, notification, newIndex });
    if (!notified) {
      // Another F0 (maybe in another process) made it an F1 first: its exposure may be ours.
      if (role === "F1") {
        const now = await store.getPhone(candidateId);
        if (now?.role === "F1") await this.lowerExposure(now, windowStart);
      }
      return;
    }
    this.o.metrics.notified(role);
    this.o.events.notified(candidateId, notification, newIndex?.indexId ?? null);
    if (newIndex !== null) {
      await this.ensurePushed(newIndex.indexId);
      await this.evaluateIndex(newIndex.indexId);
    }
  }

  /** An F1's window starts at the earliest exposure: moved back, it is pushed and decided again. */
  private async lowerExposure(f1: PhoneRecord, windowStart: number): Promise<void> {
    for (const id of f1.indexIds) {
      const index = await this.o.store.getIndex(id);
      if (index?.role !== "F1" || index.windowStart === null) continue;
      if (windowStart >= index.windowStart) return;
      if (!(await this.o.store.lowerWindowStart(id, windowStart))) return;
      await this.ensurePushed(id);
      await this.evaluateIndex(id);
      return;
    }
  }

  /** The IDs of a phone's uploaded keys (cached per keys upload). */
  ownIds(phone: PhoneRecord): IdTable {
    const hit = this.ids.get(phone.phoneId);
    if (hit !== undefined && hit.version === phone.keysVersion) return hit.value;
    const table = buildIdTable(phone.keys, getIdScheme(phone.scheme!), nodeCrypto);
    this.ids.set(phone.phoneId, { version: phone.keysVersion, value: table });
    return table;
  }

  private async idTable(phone: PhoneRecord): Promise<IdTable> {
    return this.ownIds(phone);
  }

  private async log(phone: PhoneRecord): Promise<readonly LogEntry[]> {
    const hit = this.logs.get(phone.phoneId);
    if (hit !== undefined && hit.version === phone.logVersion) return hit.value;
    const log = await this.o.store.getLog(phone.phoneId);
    this.logs.set(phone.phoneId, { version: phone.logVersion, value: log });
    return log;
  }

  private track(p: Promise<void>, what: string): void {
    const tracked = p.catch((err: unknown) => this.o.onError(err, what));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}

/** A phone can be decided about once it uploaded both its keys and its log. */
function complete(phone: PhoneRecord): boolean {
  return phone.scheme !== null && phone.keysVersion > 0 && phone.logVersion > 0;
}
