export type { CheckIssue } from "./check-issue.js";
export { crossCheckIssues } from "./checks.js";
export {
  closeContactShare,
  distributionCdf,
  layerContactsByBand,
  layerMeanContacts,
  meanContactsPerDay,
  meanHouseholdContacts,
  meanHouseholdSize,
} from "./contacts.js";
export { DEFAULT_SCENARIO } from "./defaults.js";
export {
  adoptionAsShareOfPopulation,
  adoptionOn,
  adultShare,
  denominatorShare,
  fromShareOfPopulation,
  reachableWithSmartphones,
  smartphoneShare,
  toShareOfPopulation,
  totalPopulation,
} from "./denominators.js";
export { formatPath, plainEnglish, problemLine, ScenarioError } from "./errors.js";
export { canonicalJson, scenarioHash } from "./hash.js";
export { scenarioJsonSchema } from "./json-schema.js";
export {
  denominatorLabel,
  percent,
  type Qualifier,
  qualifierMark,
  type StatedDenominator,
  shareLabel,
} from "./labels.js";
export { parseScenario, scenarioIdOfFile } from "./parse.js";
export { type AdoptionPreset, adoptionPresets } from "./presets.js";
export { DENOMINATORS, QUALIFIERS } from "./primitives.js";
export { type RegionAdoption, regionAdoptionShares } from "./region-adoption.js";
export {
  SCENARIO_SCHEMA_VERSION,
  type Scenario,
  type ScenarioAdoption,
  type ScenarioAgeBand,
  type ScenarioBle,
  type ScenarioDenominator,
  type ScenarioGroup,
  type ScenarioHouseholds,
  type ScenarioLayer,
  type ScenarioLetter,
  type ScenarioRegion,
  type ScenarioSource,
  type ScenarioTarget,
  scenarioSchema,
} from "./schema.js";
