import { hash2, normal, unit } from "../rng.js";
import { MIN_DISTANCE_METERS, type RadioEnvironment } from "./environment.js";

/** Mean attenuation at `distance` metres, before the pair offset and placements, dB. */
export function meanAttenuationDb(env: RadioEnvironment, distanceMeters: number): number {
  const d = Math.max(distanceMeters, MIN_DISTANCE_METERS);
  return env.oneMeterAttenuationDb + 10 * env.pathLossExponent * Math.log10(d);
}

/** The placement loss of a phone drawn from `h` (a 32-bit hash), dB. */
export function placementLossDb(env: RadioEnvironment, h: number): number {
  let u = unit(h);
  for (const p of env.placements) {
    if (u < p.share) return p.lossDb;
    u -= p.share;
  }
  return env.placements[env.placements.length - 1]!.lossDb;
}

/**
 * What stays fixed over one contact of a pair, dB: the pair offset plus both phones'
 * placement losses, from the contact's seed.
 */
export function contactOffsetDb(env: RadioEnvironment, contactSeed: number): number {
  const offset = env.pairSdDb * normal(hash2(contactSeed, 1), hash2(contactSeed, 2));
  return (
    offset +
    placementLossDb(env, hash2(contactSeed, 3)) +
    placementLossDb(env, hash2(contactSeed, 4))
  );
}

/**
 * One scan of a contact: its attenuation in dB, or NaN when the scan missed the advertiser.
 * `scanSeed` must differ per scan (e.g. hash2(contactSeed, 16 + scan)).
 */
export function scanAttenuationDb(
  env: RadioEnvironment,
  levelDb: number,
  scanSeed: number,
): number {
  if (unit(hash2(scanSeed, 1)) >= env.scanDetectProbability) return Number.NaN;
  return levelDb + env.fadingSdDb * normal(hash2(scanSeed, 2), hash2(scanSeed, 3));
}
