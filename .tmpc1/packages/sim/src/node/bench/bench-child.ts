// One benchmark run in its own process, so its time and peak RSS are the whole process's.
import { configFromScenario, simulate } from "../../index.js";
import { workerScanner } from "../pools/scan-pool.js";
import { peakRssBytes } from "../process/memory.js";
import { loadScenarioFile } from "../scenarios/scenario-files.js";

const [scenario, agents, days, threads] = process.argv.slice(2);
const config = configFromScenario(loadScenarioFile(scenario!), {
  ...(Number(agents) > 0 ? { agents: Number(agents) } : {}),
  days: Number(days),
});
const scanner = Number(threads) > 0 ? workerScanner(Number(threads)) : undefined;
const { result } = await simulate(config, scanner ? { scanner } : {});
await scanner?.close();
process.stdout.write(
  `${JSON.stringify({
    agents: result.agents,
    days: result.days,
    contactPairs: result.contactPairs,
    contactsPerAgentPerDay: Object.values(result.contactsPerAgentPerDay).reduce((a, b) => a + b, 0),
    peakRssBytes: peakRssBytes(),
  })}\n`,
);
