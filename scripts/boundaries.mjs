#!/usr/bin/env node
// The import boundaries between workspaces, stated once: a workspace's shipped code (src/, bin/)
// may import its package.json `dependencies`; its tests, benchmarks and configs also its
// `devDependencies`. Biome enforces them: `noRestrictedImports` overrides, one per workspace and
// kind of file, generated into biome.boundaries.json, which biome.json extends; so the root
// `npm run lint` fails on a forbidden import.
//
//   node scripts/boundaries.mjs --check   fails if biome.boundaries.json is not what the
//                                         package.json files imply
//   node scripts/boundaries.mjs --write   regenerates biome.boundaries.json
//
// NEVER holds the architecture's hard rules (docs/ARCHITECTURE.md): declaring one of these as a
// dependency is refused, so the lint rule cannot be loosened by editing a package.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;

/** Workspace name → the workspaces it must never depend on, whatever its package.json says. */
export const NEVER = {
  // The server under test shares nothing with its oracle but the protocol.
  "@tracebed/matcher": ["@tracebed/sim", "@tracebed/fleet", "@tracebed/viewer", "@tracebed/cli"],
  "@tracebed/sim": ["@tracebed/matcher", "@tracebed/fleet", "@tracebed/cli", "@tracebed/testkit"],
  "@tracebed/protocol": "*",
  // The matcher's tests use testkit and the matcher's benchmarks the runner, so neither may
  // reach more than the protocol (and testkit the runner's processes).
  "@tracebed/bench": "* but @tracebed/protocol",
  "@tracebed/testkit": "* but @tracebed/protocol, @tracebed/bench",
  "@tracebed/viewer": [
    "@tracebed/matcher",
    "@tracebed/fleet",
    "@tracebed/cli",
    "@tracebed/testkit",
  ],
};

/** Shipped code: what a workspace's `dependencies` must cover. */
const SHIPPED = ["src", "bin"];

/** The file --write generates; biome.json extends it. */
const GENERATED = "biome.boundaries.json";

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The workspaces with their directories and declared @tracebed dependencies. */
export function readWorkspaces(root = ROOT) {
  const dirs = readJson(join(root, "package.json")).workspaces;
  return dirs.map((dir) => {
    const pkg = readJson(join(root, dir, "package.json"));
    const ours = (deps) => Object.keys(deps ?? {}).filter((n) => n.startsWith("@tracebed/"));
    return {
      dir,
      name: pkg.name,
      deps: ours(pkg.dependencies),
      devDeps: ours(pkg.devDependencies),
    };
  });
}

function neverFor(name, all) {
  const rule = NEVER[name];
  if (rule === undefined) return [];
  if (rule === "*") return all.filter((n) => n !== name);
  const but = /^\* but (.+)$/.exec(rule)?.[1]?.split(", ");
  if (but !== undefined) return all.filter((n) => n !== name && !but.includes(n));
  return rule;
}

/** Dependencies package.json declares that the architecture forbids: "ws → dep" lines. */
export function neverViolations(workspaces) {
  const all = workspaces.map((w) => w.name);
  const out = [];
  for (const w of workspaces) {
    const never = neverFor(w.name, all);
    for (const dep of [...w.deps, ...w.devDeps]) {
      if (never.includes(dep)) out.push(`${w.name} → ${dep}`);
    }
  }
  return out;
}

/** The import specifiers that reach workspace `w`: by package name or by relative path. */
function specifiersOf(w) {
  // A top-level directory ("test") is no distinct path: every package has a test/ of its own.
  if (!w.dir.includes("/")) return [w.name, `${w.name}/**`];
  const last = w.dir.split("/").at(-1);
  // "../../sim/src/x.js" from a sibling package names the directory without its parent.
  return [w.name, `${w.name}/**`, `**/${w.dir}/**`, `**/${last}/src/**`, `**/${last}/dist/**`];
}

function override(includes, who, allowed, workspaces) {
  const forbidden = workspaces.filter((o) => !allowed.includes(o.name));
  if (forbidden.length === 0) return undefined;
  const may = allowed.length > 0 ? allowed.join(", ") : "none";
  const message = `${who} may import these workspaces only: ${may} (its package.json; scripts/boundaries.mjs).`;
  const group = forbidden.flatMap(specifiersOf);
  return {
    includes,
    linter: {
      rules: {
        style: {
          noRestrictedImports: { level: "error", options: { patterns: [{ group, message }] } },
        },
      },
    },
  };
}

/** The biome overrides that enforce every workspace's boundaries. */
export function boundaryOverrides(workspaces) {
  const out = [];
  for (const w of workspaces) {
    const shipped = [w.name, ...w.deps];
    const dev = [...shipped, ...w.devDeps];
    if (w.devDeps.length === 0) {
      out.push(override([`${w.dir}/**`], w.dir, shipped, workspaces));
      continue;
    }
    const inShipped = SHIPPED.map((d) => `${w.dir}/${d}/**`);
    const who = `${w.dir}'s tests and tools`;
    out.push(
      override([...inShipped, "!**/*.test.ts"], `${w.dir}'s shipped code`, shipped, workspaces),
      override([`${w.dir}/**`, ...inShipped.map((g) => `!${g}`)], who, dev, workspaces),
      override(
        SHIPPED.map((d) => `${w.dir}/${d}/**/*.test.ts`),
        who,
        dev,
        workspaces,
      ),
    );
  }
  return out.filter((o) => o !== undefined);
}

/** Problems with the repository's boundaries: forbidden declarations, a stale biome.boundaries.json. */
export function checkBoundaries(root = ROOT) {
  const workspaces = readWorkspaces(root);
  const problems = neverViolations(workspaces).map((v) => `forbidden dependency: ${v}`);
  const biome = readJson(join(root, "biome.json"));
  if (!(biome.extends ?? []).includes(`./${GENERATED}`)) {
    problems.push(`biome.json does not extend ./${GENERATED}`);
  }
  const have = JSON.stringify(readJson(join(root, GENERATED)).overrides);
  if (have !== JSON.stringify(boundaryOverrides(workspaces))) {
    problems.push(`${GENERATED} is stale: run node scripts/boundaries.mjs --write`);
  }
  return problems;
}

function write(root = ROOT) {
  const workspaces = readWorkspaces(root);
  const violations = neverViolations(workspaces);
  if (violations.length > 0) throw new Error(`forbidden dependencies: ${violations.join(", ")}`);
  const config = {
    $schema: "./node_modules/@biomejs/biome/configuration_schema.json",
    overrides: boundaryOverrides(workspaces),
  };
  writeFileSync(join(root, GENERATED), `${JSON.stringify(config, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--write")) {
    write();
  } else {
    const problems = checkBoundaries();
    for (const p of problems) console.error(p);
    process.exit(problems.length === 0 ? 0 : 1);
  }
}
