// `npm run bench -w packages/sim`: the simulator's benchmark, JSON on stdout, progress on stderr.
import { benchSim } from "./bench.js";

const quick = process.argv.includes("--quick");
const report = await benchSim(quick, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
