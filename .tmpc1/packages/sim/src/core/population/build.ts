import type { SimConfig } from "../config.js";
import type { SeedTree } from "../rng.js";
import { assignAdoption } from "./adoption.js";
import { assignAgeBands } from "./ages.js";
import { buildClusters } from "./clusters.js";
import { buildHouseholds } from "./households.js";
import { assignGroups, assignPhones } from "./phones.js";
import type { Population } from "./population.js";
import { buildTickets } from "./sociability.js";

export interface BuiltPopulation {
  population: Population;
  /** Per region: app users the policy asked for that no eligible phone could supply. */
  adoptionShortfall: number[];
}

export function buildPopulation(config: SimConfig, seeds: SeedTree): BuiltPopulation {
  const regionAgents = config.regions.map((r) => r.agents);
  const regionStart = new Uint32Array(regionAgents.length + 1);
  regionAgents.forEach((n, r) => {
    regionStart[r + 1] = regionStart[r]! + n;
  });
  const householdStart = buildHouseholds(
    regionAgents,
    config.householdSizes,
    seeds.stream("households"),
  );
  const ageBand = assignAgeBands(
    config.ageBands,
    regionStart,
    householdStart,
    seeds.stream("ages"),
  );
  const flags = assignPhones(config.ageBands, ageBand, config.iosShare, seeds.stream("phones"));
  const groups = assignGroups(config.groups, flags, seeds.stream("groups"));
  const { installDay, shortfall } = assignAdoption(
    config.adoption,
    config.groups,
    { flags, ageBand, bands: config.ageBands.length, groupBits: groups, regionStart },
    config.days,
    seeds.stream("adoption"),
    config.activeShare,
  );
  const clusters = config.layers.map((layer, l) =>
    buildClusters(layer, config.ageBands, ageBand, regionStart, seeds.stream("clusters", l)),
  );
  const { tickets, ticketStart } = buildTickets(
    config.sociability,
    regionStart,
    ageBand,
    seeds.stream("sociability"),
  );
  return {
    population: {
      size: regionStart[regionStart.length - 1]!,
      regionStart,
      householdStart,
      ageBand,
      flags,
      groups,
      installDay,
      clusters,
      tickets,
      ticketStart,
    },
    adoptionShortfall: shortfall,
  };
}
