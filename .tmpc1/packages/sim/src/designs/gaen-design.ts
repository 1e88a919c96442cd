import {
  DEFAULT_GAEN_EXPOSURE,
  type GaenExposureConfig,
  gaenAttenuationDb,
  gaenKeyNotifies,
} from "@tracebed/protocol";
import { pairSightings } from "../core/ble/evidence.js";
import { decisionDayOf, SECONDS_PER_DAY } from "../core/contacts.js";
import type { Engine } from "../core/engine.js";
import { contactsAround } from "../core/oracle/pairs.js";
import { hasApp } from "../core/population/population.js";
import type { DesignSettings, SimDesign } from "./design.js";
import { gaenF1Uploads } from "./gaen.js";

const DAY = SECONDS_PER_DAY;

interface KeyRule {
  /** The UTC days of keys uploaded (the F0's window) and the time they are published by. */
  firstDay: number;
  lastDay: number;
  publishedBy: number;
  exposure: GaenExposureConfig;
}

/**
 * GAEN's rule (docs/PROTOCOLS.md): every F0 with the app uploads the keys of its window's UTC
 * days, published once each day has ended (here: all, as the F0 are confirmed at the end of
 * the run); a phone is an F1 when one published key passes the exposure rule on its own
 * scans. F2 exist only through F1 that choose to upload (`f1UploadShare`, default 0). The
 * pooled sets equal `gaenOracle`'s; per F0, each F0's keys and then its own F1's.
 */
export const gaenDesign: SimDesign = {
  name: "gaen",
  finds({ engine, outbreak }, settings) {
    const pop = engine.population;
    const { window } = outbreak;
    const rule: KeyRule = {
      firstDay: Math.floor(window.start / DAY),
      lastDay: Math.floor((window.end - 1) / DAY),
      publishedBy: window.end,
      exposure: settings.gaen?.exposure ?? DEFAULT_GAEN_EXPOSURE,
    };
    const share = uploadShare(settings);
    const appF0 = outbreak.sets.f0.filter((a) => hasApp(pop, a));
    const fromF0 = notifiedBySource(engine, new Set(appF0), rule);
    const f0Set = new Set(appF0);
    const f1 = new Map<number, number>();
    for (const found of fromF0.values())
      for (const [p, day] of found) if (!f0Set.has(p)) keepEarliest(f1, p, day);
    const uploading = new Set([...f1.keys()].filter((a) => gaenF1Uploads(engine, a, share)));
    const fromF1 = uploading.size > 0 ? notifiedBySource(engine, uploading, rule) : new Map();
    const f2 = new Set<number>();
    for (const found of fromF1.values())
      for (const q of found.keys()) if (!f0Set.has(q) && !f1.has(q)) f2.add(q);
    const chains = outbreak.chains.map((c) => {
      const own = new Map<number, number>();
      if (c.app) for (const [p, day] of fromF0.get(c.f0) ?? []) if (p !== c.f0) own.set(p, day);
      const ownF2 = new Set<number>();
      for (const j of own.keys()) {
        if (!uploading.has(j)) continue;
        for (const q of (fromF1.get(j) ?? new Map()).keys())
          if (q !== c.f0 && !own.has(q)) ownF2.add(q);
      }
      return { f1: own, f2: ownF2 };
    });
    return { f1, f2, chains };
  },
  /**
   * docs/PROTOCOLS.md, GAEN's "What the server learns": the store holds key uploads, each
   * naming its uploader only. An F1 that uploads says "I was notified" (tied to a contact,
   * not to whom); no record names two phones.
   */
  privacy({ engine }, finds, settings) {
    const share = uploadShare(settings);
    let uploaders = 0;
    for (const j of finds.f1.keys()) if (gaenF1Uploads(engine, j, share)) uploaders++;
    return { nonIndexPhonesKnown: uploaders, contactEdgesKnown: 0 };
  },
};

function uploadShare(settings: DesignSettings): number {
  return settings.gaen?.f1UploadShare ?? 0;
}

function keepEarliest(map: Map<number, number>, x: number, day: number): void {
  const had = map.get(x);
  if (had === undefined || day < had) map.set(x, day);
}

/**
 * For each source (a phone whose keys are published), the phones one of its keys notifies,
 * with the simulated day of the first such key: each phone judges, per key (one source, one
 * UTC day), the attenuations of its own scans that logged the source's IDs.
 */
function notifiedBySource(
  engine: Engine,
  sources: ReadonlySet<number>,
  rule: KeyRule,
): Map<number, Map<number, number>> {
  const pop = engine.population;
  const scanMinutes = engine.config.ble.scanPeriodSeconds / 60;
  const day0 = decisionDayOf(engine.config, 0);
  const out = new Map<number, Map<number, number>>();
  for (const [source, byPartner] of contactsAround(engine, sources)) {
    if (!hasApp(pop, source)) continue;
    const found = new Map<number, number>();
    for (const [partner, contacts] of byPartner) {
      if (!hasApp(pop, partner)) continue;
      // The partner's scans of this source, by the key's UTC day.
      const byKey = new Map<number, number[]>();
      pairSightings(engine, source, partner, contacts, (scanner, _adv, t, rssi, tx) => {
        if (scanner !== partner) return;
        const keyDay = Math.floor(t / DAY);
        if (keyDay < rule.firstDay || keyDay > rule.lastDay) return;
        if ((keyDay + 1) * DAY > rule.publishedBy) return;
        const list = byKey.get(keyDay);
        if (list === undefined) byKey.set(keyDay, [gaenAttenuationDb(tx, rssi)]);
        else list.push(gaenAttenuationDb(tx, rssi));
      });
      let first = -1;
      for (const [keyDay, attenuations] of byKey) {
        if (!gaenKeyNotifies(attenuations, scanMinutes, rule.exposure)) continue;
        if (first < 0 || keyDay < first) first = keyDay;
      }
      if (first >= 0) found.set(partner, first - day0);
    }
    out.set(source, found);
  }
  return out;
}
