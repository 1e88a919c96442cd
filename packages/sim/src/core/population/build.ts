import type { SimConfig } from "../config.js";
import type { SeedTree } from "../rng.js";
import { assignAdoption } from "./adoption.js";
import { assignAgeBands } from "./ages.js";
import { type PopulationArrays, plainArrays } from "./arrays.js";
import { buildHouseholds } from "./households.js";
import {
  buildLayerPart,
  joinLayerParts,
  LAYER_PART_KINDS,
  type LayerParts,
  type LayerPartsBuilder,
} from "./layer-parts.js";
import { assignGroups, assignPhones } from "./phones.js";
import type { Population } from "./population.js";

export interface BuiltPopulation {
  population: Population;
  /** Per region: app users the policy asked for that no eligible phone could supply. */
  adoptionShortfall: number[];
}

/** Regions, households and age bands: what everything else is drawn on. */
function buildFrame(config: SimConfig, seeds: SeedTree, arrays: PopulationArrays) {
  const regionAgents = config.regions.map((r) => r.agents);
  const regionStart = arrays.u32(regionAgents.length + 1);
  regionAgents.forEach((n, r) => {
    regionStart[r + 1] = regionStart[r]! + n;
  });
  const householdStart = buildHouseholds(
    regionAgents,
    config.householdSizes,
    seeds.stream("households"),
    arrays,
  );
  const ageBand = assignAgeBands(
    config.ageBands,
    regionStart,
    householdStart,
    seeds.stream("ages"),
    arrays,
  );
  return { regionStart, householdStart, ageBand };
}

/** Phones, groups and adoption, drawn on the frame. */
function buildPhones(
  config: SimConfig,
  seeds: SeedTree,
  frame: ReturnType<typeof buildFrame>,
  arrays: PopulationArrays,
) {
  const { regionStart, ageBand } = frame;
  const flags = assignPhones(
    config.ageBands,
    ageBand,
    config.iosShare,
    seeds.stream("phones"),
    arrays,
  );
  const groups = assignGroups(config.groups, flags, seeds.stream("groups"), arrays);
  const { installDay, shortfall } = assignAdoption(
    config.adoption,
    config.groups,
    { flags, ageBand, bands: config.ageBands.length, groupBits: groups, regionStart },
    config.days,
    seeds.stream("adoption"),
    config.activeShare,
    arrays,
  );
  return { flags, groups, installDay, shortfall };
}

function assemble(
  frame: ReturnType<typeof buildFrame>,
  phones: ReturnType<typeof buildPhones>,
  layerParts: LayerParts,
): BuiltPopulation {
  const { regionStart, householdStart, ageBand } = frame;
  return {
    population: {
      size: regionStart[regionStart.length - 1]!,
      regionStart,
      householdStart,
      ageBand,
      flags: phones.flags,
      groups: phones.groups,
      installDay: phones.installDay,
      ...layerParts,
    },
    adoptionShortfall: phones.shortfall,
  };
}

export function buildPopulation(
  config: SimConfig,
  seeds: SeedTree,
  /** Where the population's arrays live (`arrays.ts`). */
  arrays: PopulationArrays = plainArrays,
): BuiltPopulation {
  const frame = buildFrame(config, seeds, arrays);
  const phones = buildPhones(config, seeds, frame, arrays);
  const halves = LAYER_PART_KINDS.map((kind) =>
    buildLayerPart(kind, config, seeds, frame.regionStart, frame.ageBand, arrays),
  );
  return assemble(frame, phones, joinLayerParts(halves));
}

/**
 * The same population, with its `LayerParts` built by `buildParts` (e.g. on worker threads)
 * while this thread draws phones and adoption: the arrays are identical, only the wall time
 * differs.
 */
export async function buildPopulationWith(
  config: SimConfig,
  seeds: SeedTree,
  arrays: PopulationArrays,
  buildParts: LayerPartsBuilder,
): Promise<BuiltPopulation> {
  const frame = buildFrame(config, seeds, arrays);
  const parts = buildParts(config, frame.regionStart, frame.ageBand);
  const phones = buildPhones(config, seeds, frame, arrays);
  return assemble(frame, phones, await parts);
}
