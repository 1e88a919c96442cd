import type { CryptoPrimitives } from "../crypto/primitives.js";
import type { IdScheme } from "../ids/scheme.js";
import { firstContactDay, isContact } from "./contact.js";
import { bestDay, closeSecondsByDay } from "./days.js";
import { collectEvidence, type Sighting } from "./evidence.js";
import { buildIdTable, type DailyKeyInput, type IdTable } from "./id-table.js";
import { checkDecisionParams, type DecisionParams } from "./params.js";
import { indexWindow } from "./window.js";

/** A person's IDs: uploaded daily keys, or a table built once and reused across calls. */
export type PersonIds = { readonly keys: readonly DailyKeyInput[] } | { readonly ids: IdTable };

/** A person as the rules see them: their IDs and their own log. */
export type Person = PersonIds & { readonly log: readonly Sighting[] };

/**
 * An index person (F0 or notified F1); `windowEnd` is its confirmation or notification time;
 * an F1's `windowStart` is 00:00 UTC of its exposure day (its window is causal, `indexWindow`).
 */
export type IndexPerson = Person & { readonly windowEnd: number; readonly windowStart?: number };

export interface Decision {
  /** Some UTC day in I's window has close seconds ≥ minCloseSeconds. */
  readonly contact: boolean;
  /** UTC day → close seconds (distinct close periods × scanPeriodSeconds), ascending days. */
  readonly closeSecondsByDay: ReadonlyMap<number, number>;
  /** The earliest day whose close seconds reach minCloseSeconds (the exposure day), or null. */
  readonly firstContactDay: number | null;
  /** The day with the most close seconds (earliest on a tie); null without close periods. */
  readonly bestDay: number | null;
  /** Distinct close scan periods over the window. */
  readonly closePeriods: number;
  /** Sightings in the window of the other's IDs in their own slot, both logs, close or not. */
  readonly evidenceCount: number;
}

/** The table of a person, built from their keys unless given. */
export function idsOf(person: PersonIds, scheme: IdScheme, crypto?: CryptoPrimitives): IdTable {
  if ("ids" in person) {
    if (person.ids.scheme !== scheme.name) {
      throw new TypeError(`ID table of scheme ${person.ids.scheme}, deciding with ${scheme.name}`);
    }
    return person.ids;
  }
  return buildIdTable(person.keys, scheme, crypto);
}

/**
 * Is `candidate` a contact of `index`? Evidence = sightings of I's IDs in C's log ∪ sightings
 * of C's IDs in I's log, inside I's window, each ID only inside its own slot; close periods =
 * distinct scan periods with estimated distance ≤ the threshold, per UTC day; contact iff
 * some day reaches minCloseSeconds. See README "Decision rules".
 */
export function decide(
  index: IndexPerson,
  candidate: Person,
  params: DecisionParams,
  scheme: IdScheme,
  crypto?: CryptoPrimitives,
): Decision {
  checkDecisionParams(params);
  const indexIds = idsOf(index, scheme, crypto);
  return decideWith(index, indexIds, candidate, idsOf(candidate, scheme, crypto), params);
}

/**
 * `decide` for many candidates of one index: I's table and window are built once. Each
 * decision costs one pass over C's log and one over I's log.
 */
export function decideContacts(
  index: IndexPerson,
  candidates: readonly Person[],
  params: DecisionParams,
  scheme: IdScheme,
  crypto?: CryptoPrimitives,
): Decision[] {
  checkDecisionParams(params);
  const indexIds = idsOf(index, scheme, crypto);
  return candidates.map((c) => decideWith(index, indexIds, c, idsOf(c, scheme, crypto), params));
}

/** The composition, with both tables at hand and params already checked. */
export function decideWith(
  index: IndexPerson,
  indexIds: IdTable,
  candidate: Person,
  candidateIds: IdTable,
  params: DecisionParams,
): Decision {
  const window = indexWindow(index.windowEnd, params.windowDays, index.windowStart);
  const periods = new Set<number>();
  const evidenceCount =
    collectEvidence(candidate.log, indexIds, window, params, periods) +
    collectEvidence(index.log, candidateIds, window, params, periods);
  const byDay = closeSecondsByDay(periods, params.scanPeriodSeconds);
  return {
    contact: isContact(byDay, params.minCloseSeconds),
    closeSecondsByDay: byDay,
    firstContactDay: firstContactDay(byDay, params.minCloseSeconds),
    bestDay: bestDay(byDay),
    closePeriods: periods.size,
    evidenceCount,
  };
}
