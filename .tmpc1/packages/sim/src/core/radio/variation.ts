import type { LayerKind } from "../config.js";
import type { RadioEnvironment } from "./environment.js";
import { HOME } from "./home.js";
import { radioEnvironmentOfLayer } from "./registry.js";

/**
 * One-at-a-time changes to the radio model for sensitivity analyses (`tracebed calibrate`):
 * multipliers, 1 = as measured. Absent from a config: the environments as shipped.
 */
export interface RadioVariation {
  /** Indoor (home, office, shop) placement losses: pockets, bags, bodies. */
  indoorPlacementLoss?: number;
  /** Transit's attenuation above the open-room reference at 1 m (13.9 dB as measured). */
  transitExcess?: number;
  /** Each phone model's raw-RSSI offset (0: a calibrated stack, as GAEN). */
  handsetOffset?: number;
}

const cache = new Map<string, Map<LayerKind, RadioEnvironment>>();

/** The layer's environment with the variation applied (memoised per variation). */
export function variedEnvironmentOfLayer(kind: LayerKind, v: RadioVariation): RadioEnvironment {
  const key = `${v.indoorPlacementLoss ?? 1}/${v.transitExcess ?? 1}`;
  let byKind = cache.get(key);
  if (!byKind) {
    byKind = new Map();
    cache.set(key, byKind);
  }
  let env = byKind.get(kind);
  if (!env) {
    env = varyEnvironment(radioEnvironmentOfLayer(kind), v);
    byKind.set(kind, env);
  }
  return env;
}

export function varyEnvironment(env: RadioEnvironment, v: RadioVariation): RadioEnvironment {
  if (env.id === "transit") {
    const excess = env.oneMeterAttenuationDb - HOME.oneMeterAttenuationDb;
    return {
      ...env,
      oneMeterAttenuationDb: HOME.oneMeterAttenuationDb + excess * (v.transitExcess ?? 1),
    };
  }
  const k = v.indoorPlacementLoss ?? 1;
  return { ...env, placements: env.placements.map((p) => ({ ...p, lossDb: p.lossDb * k })) };
}
