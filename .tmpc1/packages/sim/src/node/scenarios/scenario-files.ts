import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SCENARIO } from "../../scenario/defaults.js";
import { ScenarioError } from "../../scenario/errors.js";
import { parseScenario } from "../../scenario/parse.js";
import type { Scenario } from "../../scenario/schema.js";

/** The list of scenario files (scenarios/index.json). */
export interface ScenarioIndex {
  default: string;
  scenarios: { id: string; file: string; name: string; nameEn: string; level: string }[];
}

const INDEX_FILE = "index.json";

function isScenariosDir(dir: string): boolean {
  return existsSync(join(dir, INDEX_FILE));
}

/**
 * The repository's scenarios/ folder: $TRACEBED_SCENARIOS_DIR, else the one next to this
 * package's sources (packages/sim/{src,dist}/node/scenarios → ../../../../../scenarios), else the nearest
 * scenarios/ above the working directory.
 */
export function scenariosDir(): string {
  const fromEnv = process.env.TRACEBED_SCENARIOS_DIR;
  if (fromEnv) return resolve(fromEnv);
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = resolve(here, "../../../../../scenarios");
  if (isScenariosDir(beside)) return beside;
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, "scenarios");
    if (isScenariosDir(candidate)) return candidate;
    if (dirname(dir) === dir) return beside;
  }
}

/** Paths of the scenario files (every *.json but index.json and *.schema.json), sorted. */
export function listScenarioFiles(dir: string = scenariosDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== INDEX_FILE && !f.endsWith(".schema.json"))
    .sort()
    .map((f) => join(dir, f));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** JSON.parse with a one-line error naming the file (and line:column when known). */
export function readJsonFile(path: string): unknown {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError([`${name}: cannot read ${path}${code ? ` (${code})` : ""}`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = oneLine((e as Error).message);
    const at = /position (\d+)/.exec(message);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      const column = Number(at[1]) - before.lastIndexOf("\n");
      where = ` at line ${line}, column ${column}`;
    }
    throw new ScenarioError([`${name}: invalid JSON${where}: ${message}`]);
  }
}

/** Whether `pathOrName` is a file path rather than a bare scenario name. */
function looksLikePath(pathOrName: string): boolean {
  return pathOrName.includes("/") || pathOrName.includes("\\") || pathOrName.endsWith(".json");
}

/** The file a path or bare name (e.g. "dak-nong-2020-08-13") stands for. */
export function resolveScenarioPath(pathOrName: string, dir: string = scenariosDir()): string {
  if (looksLikePath(pathOrName)) {
    const path = isAbsolute(pathOrName) ? pathOrName : resolve(pathOrName);
    if (existsSync(path)) return path;
    if (!pathOrName.includes("/") && !pathOrName.includes("\\")) {
      const inDir = join(dir, pathOrName);
      if (existsSync(inDir)) return inDir;
    }
    throw new ScenarioError([`${basename(pathOrName)}: scenario file not found: ${path}`]);
  }
  const path = join(dir, `${pathOrName}.json`);
  if (existsSync(path)) return path;
  const known = existsSync(dir) ? listScenarioFiles(dir).map((f) => basename(f, ".json")) : [];
  throw new ScenarioError([
    `${pathOrName}: no scenario of that name in ${dir}${known.length ? ` (known: ${known.join(", ")})` : ""}`,
  ]);
}

/**
 * Loads and validates a scenario: a path to a .json file, or a bare name resolved in the
 * repository's scenarios/ folder.
 * @throws ScenarioError with a one-line message.
 */
export function loadScenarioFile(pathOrName: string, dir?: string): Scenario {
  const path = resolveScenarioPath(pathOrName, dir ?? scenariosDir());
  return parseScenario(readJsonFile(path), basename(path));
}

/** scenarios/index.json: the default scenario and the list. */
export function loadScenarioIndex(dir: string = scenariosDir()): ScenarioIndex {
  return readJsonFile(join(dir, INDEX_FILE)) as ScenarioIndex;
}

/** The scenario `npm start` uses. */
export function loadDefaultScenario(dir?: string): Scenario {
  return loadScenarioFile(DEFAULT_SCENARIO, dir);
}
