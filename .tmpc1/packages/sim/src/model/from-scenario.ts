import { apportion } from "../core/apportion.js";
import type { ActiveShare, LayerConfig, SimConfig } from "../core/config.js";
import { layerKind } from "../core/layers/index.js";
import { layerMeanContacts, type Scenario, type ScenarioLayer } from "../scenario/index.js";
import { type AdoptionChoice, resolveAdoption } from "./adoption.js";
import { householdSizeProbabilities } from "./households.js";

/** The choices a run makes on top of its scenario (the CLI's simulate flags). */
export interface RunOptions {
  seed?: number | string;
  days?: number;
  /** Simulate a sample of this many agents, regions in proportion (default: everyone). */
  agents?: number;
  adoption?: AdoptionChoice;
  /** Share of installs that are active, by platform (default: the scenario's activeApps). */
  activeShare?: ActiveShare;
  f0?: number;
  f0From?: "all" | "appUsers";
  ble?: "ideal" | "realistic";
}

const VIETNAM_UTC_OFFSET_HOURS = 7;

/**
 * One-off mixing contacts per person: negative binomial weights with mean 2 tickets and
 * shape 2, so the weights' coefficient of variation is 1, as OpenABM-Covid19's random network
 * (sd = mean of daily random interactions; docs/MODEL.md, "Contact structure").
 */
const SOCIABILITY = { meanTickets: 2, shape: 2 } as const;

function layerConfig(s: Scenario, l: ScenarioLayer): LayerConfig {
  return {
    id: l.id,
    kind: l.kind,
    contactsPerDay: layerMeanContacts(s, l),
    ...(l.contactsPerDay.byAgeBand
      ? { contactsByAgeBand: s.ageBands.map((b) => l.contactsPerDay.byAgeBand?.[b.id] ?? 0) }
      : {}),
    ...(l.cluster
      ? {
          cluster: {
            meanSize: l.cluster.meanSize,
            ageFrom: l.cluster.minAge,
            ageTo: l.cluster.maxAge,
            participation: l.cluster.participation,
          },
          ...(l.cluster.dailyFraction !== undefined
            ? { dailyFraction: l.cluster.dailyFraction }
            : {}),
        }
      : {}),
    durationMinutes: l.durationMinutes,
    distanceMeters: l.distanceMeters,
    hours: l.hours ?? [...layerKind(l.kind).defaultHours],
    manualRecall: l.manualRecall,
    manualRecallStrangers: l.manualRecallStrangers ?? l.manualRecall,
    ...(l.regular ? { regular: l.regular } : {}),
  };
}

/** The engine's numeric model of a scenario, for one run. */
export function configFromScenario(s: Scenario, o: RunOptions = {}): SimConfig {
  const days = o.days ?? s.days;
  const populations = s.regions.map((r) => r.population);
  const total = populations.reduce((a, b) => a + b, 0);
  const agents =
    o.agents !== undefined && o.agents < total ? apportion(populations, o.agents) : populations;
  const ble = s.ble;
  return {
    seed: o.seed ?? 1,
    days,
    startUnixDay: Math.round(Date.parse(`${s.startDate}T00:00:00Z`) / 86_400_000),
    utcOffsetHours: VIETNAM_UTC_OFFSET_HOURS,
    regions: s.regions.map((r, i) => ({ id: r.id, name: r.name, agents: agents[i]! })),
    ageBands: s.ageBands.map((b) => ({
      id: b.id,
      from: b.minAge,
      to: b.maxAge ?? Number.POSITIVE_INFINITY,
      share: b.share,
      smartphone: b.smartphoneOwnership,
    })),
    householdSizes: householdSizeProbabilities(s.households),
    iosShare: s.platforms.ios / (s.platforms.ios + s.platforms.android),
    groups: s.groups.map((g) => ({
      id: g.id,
      share: g.size.share,
      of: g.size.of,
      adoption: g.adoption.share,
    })),
    activeShare: o.activeShare ?? { android: s.activeApps.android, ios: s.activeApps.ios },
    adoption: resolveAdoption(s, o.adoption ?? { kind: "scenario" }, days).config,
    layers: s.layers.map((l) => layerConfig(s, l)),
    close: {
      maxDistanceMeters: s.closeContact.maxDistanceMeters,
      minMinutes: s.closeContact.minMinutes,
    },
    sociability: SOCIABILITY,
    ble: {
      mode: o.ble ?? "realistic",
      scanPeriodSeconds: ble.scan.onSeconds + ble.scan.offSeconds,
      scanWindowSeconds: ble.scan.onSeconds,
      advertiseOnSeconds: ble.advertise.onSeconds,
      advertisePeriodSeconds: ble.advertise.onSeconds + ble.advertise.offSeconds,
      iosBackgroundShare: ble.iosBackground.backgroundShare,
      txPower: ble.txPowerDbm,
      oneMeterLossDb: -ble.pathLoss.lossAt1mDb,
      pathLossExponent: ble.pathLoss.exponent,
      noiseSdDb: ble.rssiNoiseSdDb,
      pairOffsetSdDb: ble.pairOffsetSdDb,
      sensitivityDbm: ble.sensitivityDbm,
    },
    f0: { count: o.f0 ?? s.f0.count, from: o.f0From ?? s.f0.from },
  };
}
