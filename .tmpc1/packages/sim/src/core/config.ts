import type { RadioVariation } from "./radio/variation.js";

/**
 * The resolved, numeric model one run uses. A scenario (policy language: values with their
 * denominators, sources) resolves into this; the engine reads nothing else.
 */

export type Denominator = "population" | "adults" | "smartphoneUsers";

export interface RegionConfig {
  id: string;
  name: string;
  /** Agents simulated in this region. */
  agents: number;
}

export interface AgeBandConfig {
  id: string;
  from: number;
  /** Inclusive upper age; Infinity for the open band. */
  to: number;
  share: number;
  /** Share of the band owning a smartphone. */
  smartphone: number;
}

export interface GroupConfig {
  id: string;
  /** Share of the group's base (`of`) that belongs to the group. */
  share: number;
  of: "population" | "adults";
  /** Share of the group's smartphone owners using the app (officials, quarantined: 1). */
  adoption: number;
}

/** Uniform, independent adoption of a share of the whole population (reference runs). */
export interface UniformAdoption {
  mode: "uniform";
  share: number;
}

/** The scenario's policy: per region, a share of a stated denominator; groups on top. */
export interface PolicyAdoption {
  mode: "policy";
  denominator: Denominator;
  /** Share of the denominator using the app at the end of the run, one per region. */
  byRegion: number[];
  /** Optional ramp: fraction of the final users installed by the start of each day. */
  ramp?: number[];
}

export type AdoptionConfig = UniformAdoption | PolicyAdoption;

/** A distribution of a positive quantity. */
export type Distribution =
  | { family: "lognormal"; median: number; sigma: number; min?: number; max?: number }
  | { family: "uniform"; min: number; max: number }
  | { family: "fixed"; value: number };

import type { LayerKind } from "./layers/kinds/index.js";

export type { LayerKind };

export interface LayerConfig {
  id: string;
  kind: LayerKind;
  /**
   * Mean contacts per agent of the whole population per day, as contact surveys report them
   * (cluster members carry them all). Households ignore it: every member, every day.
   */
  contactsPerDay: number;
  /**
   * Mixing layers: contacts per day of each age band's agents (index = age band); the layer
   * keeps contactsPerDay as its population mean and gives each band its relative share.
   */
  contactsByAgeBand?: number[];
  /** For cluster layers: mean cluster size and who belongs (age range, share of that range). */
  cluster?: { meanSize: number; ageFrom: number; ageTo: number; participation: number };
  durationMinutes: Distribution;
  distanceMeters: Distribution;
  /** Local hours [from, to) in which contacts of this layer start. */
  hours: [number, number];
  /**
   * Share of true contacts a tracer lists when the case knows them: household members,
   * colleagues and classmates, regular partners of mixing layers.
   */
  manualRecall: number;
  /** Share of true contacts with one-off strangers (mixing layers) a tracer lists. */
  manualRecallStrangers: number;
  /**
   * Mixing layers: a share of the day's contacts are with regular partners (neighbours,
   * fellow commuters), each agent having `partners` of them, met on a share of days so that
   * the layer's mean holds; the rest are one-off strangers.
   */
  regular?: { share: number; partners: number };
  /** Cluster layers: the share of a member's colleague ties that meet on a given day. */
  dailyFraction?: number;
}

/**
 * How unevenly people meet strangers: each agent gets a weight (tickets, mean `meanTickets`,
 * negative binomial with shape `shape`) that scales their one-off mixing contacts, so daily
 * counts are overdispersed as in OpenABM-Covid19's random network (docs/MODEL.md).
 */
export interface SociabilityConfig {
  meanTickets: number;
  shape: number;
}

export interface BleConfig {
  mode: "ideal" | "realistic";
  /** Realistic mode: one-at-a-time changes to the radio environments (sensitivity runs). */
  radioVariation?: RadioVariation;
  /** An Android phone's scan cycle: on for scanWindowSeconds every scanPeriodSeconds. */
  scanPeriodSeconds: number;
  scanWindowSeconds: number;
  /** An Android phone's advertising cycle: on for advertiseOnSeconds every advertisePeriodSeconds. */
  advertiseOnSeconds: number;
  advertisePeriodSeconds: number;
  /** Share of the time an iPhone's app is in the background (realistic mode). */
  iosBackgroundShare: number;
  txPower: number;
  /** Received power at 1 m relative to the advertised tx power, dB (negative). */
  oneMeterLossDb: number;
  pathLossExponent: number;
  noiseSdDb: number;
  pairOffsetSdDb: number;
  /** Weakest RSSI a scanner logs. */
  sensitivityDbm: number;
}

/** Share of installs running with Bluetooth on (active apps), by platform. */
export interface ActiveShare {
  android: number;
  ios: number;
}

export interface SimConfig {
  seed: number | string;
  days: number;
  /** UTC day (days since 1970-01-01) of simulated day 0. */
  startUnixDay: number;
  /** Local time offset from UTC, hours (Vietnam: +7). */
  utcOffsetHours: number;
  regions: RegionConfig[];
  ageBands: AgeBandConfig[];
  /** Probability of household size 1, 2, … (the last entry is the largest size). */
  householdSizes: number[];
  iosShare: number;
  groups: GroupConfig[];
  /**
   * Policy adoption counts installs; each install is active with its platform's share.
   * Uniform adoption sets the active share and adds inactive installs in proportion.
   * Absent: every install is active.
   */
  activeShare?: ActiveShare;
  adoption: AdoptionConfig;
  layers: LayerConfig[];
  close: { maxDistanceMeters: number; minMinutes: number };
  sociability: SociabilityConfig;
  ble: BleConfig;
  f0: { count: number; from: "all" | "appUsers" };
}

export const ADULT_AGE = 18;
