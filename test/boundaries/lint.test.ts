// The workspace boundaries (scripts/boundaries.mjs) hold: the root `npm run lint` passes on the
// tree as it is and fails on each forbidden import planted in a temporary copy of it.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A file planted in the copy, importing one module, and the lint rule it must break (if any). */
interface Plant {
  file: string;
  from: string;
  breaks?: "lint/style/noRestrictedImports" | "lint/correctness/noNodejsModules";
}

const FORBIDDEN: Plant[] = [
  { file: "packages/matcher/src/planted.ts", from: "@tracebed/sim" },
  { file: "packages/matcher/src/planted-path.ts", from: "../../sim/src/index.js" },
  { file: "packages/matcher/test/planted.ts", from: "../../../apps/cli/src/index.js" },
  { file: "packages/sim/src/planted.ts", from: "@tracebed/matcher" },
  { file: "packages/sim/src/core/planted.ts", from: "@tracebed/fleet" },
  { file: "packages/protocol/src/planted.ts", from: "@tracebed/sim/node" },
  { file: "packages/testkit/src/planted.ts", from: "@tracebed/matcher" },
  // The shipped CLI takes its measurements from @tracebed/bench; testkit is for its tests.
  { file: "apps/cli/src/bench/planted.ts", from: "@tracebed/testkit" },
  { file: "packages/bench/src/planted.ts", from: "@tracebed/sim" },
  { file: "packages/fleet/src/planted.ts", from: "@tracebed/matcher" },
  { file: "packages/viewer/src/planted.ts", from: "@tracebed/fleet" },
  {
    file: "packages/viewer/src/planted-node.ts",
    from: "node:fs",
    breaks: "lint/correctness/noNodejsModules",
  },
].map((p) => ({ breaks: "lint/style/noRestrictedImports", ...p }) as Plant);

/** Imports the architecture allows: the rule must not be broader than the boundaries. */
const ALLOWED: Plant[] = [
  { file: "packages/fleet/src/planted-ok.ts", from: "@tracebed/sim" },
  { file: "packages/matcher/test/planted-ok.ts", from: "@tracebed/testkit" },
  { file: "apps/cli/src/planted-ok.ts", from: "@tracebed/matcher" },
  { file: "apps/cli/src/bench/planted-ok.ts", from: "@tracebed/bench" },
  { file: "apps/cli/test/planted-ok.ts", from: "@tracebed/testkit" },
  { file: "packages/matcher/bench/planted-ok.mjs", from: "@tracebed/bench" },
  { file: "apps/web/src/planted-ok.ts", from: "@tracebed/viewer" },
];

let copy: string;

/** Copies the files git knows (tracked or new, not ignored) and links the installed modules. */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "tracebed-boundaries-"));
  const listed = spawnSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "-z"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  spawnSync("git", ["init", "-q"], { cwd: dir });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function plant(p: Plant): void {
  writeFileSync(
    join(copy, p.file),
    `import * as planted from "${p.from}";\n\nexport { planted };\n`,
  );
}

/** Runs the root `npm run lint` in the copy: exit status and each diagnostic's rule by file. */
function lint(): { status: number | null; byFile: Map<string, Set<string>> } {
  const run = spawnSync("npm", ["run", "--silent", "lint", "--", "--reporter=github"], {
    cwd: copy,
    encoding: "utf8",
  });
  const byFile = new Map<string, Set<string>>();
  for (const m of run.stdout.matchAll(/^::error title=([^,]+),file=([^,]+),/gm)) {
    const file = m[2]!.startsWith(copy) ? m[2]!.slice(copy.length + 1) : m[2]!;
    if (!byFile.has(file)) byFile.set(file, new Set());
    byFile.get(file)!.add(m[1]!);
  }
  return { status: run.status, byFile };
}

beforeAll(() => {
  copy = copyTree();
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("workspace boundaries", () => {
  it("biome.boundaries.json is what the package.json files imply, and none declares a forbidden dependency", () => {
    const run = spawnSync("node", ["scripts/boundaries.mjs", "--check"], {
      cwd: copy,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("the root lint passes on the tree as it is", () => {
    const { status, byFile } = lint();
    expect([...byFile.keys()]).toEqual([]);
    expect(status).toBe(0);
  });

  it("the root lint fails on each forbidden import, and only on those", () => {
    for (const p of [...FORBIDDEN, ...ALLOWED]) plant(p);
    const { status, byFile } = lint();
    expect(status).not.toBe(0);
    const want = new Map(FORBIDDEN.map((p) => [p.file, new Set([p.breaks!])]));
    expect(byFile).toEqual(want);
  });

  it("declaring the simulator as the matcher's dependency is refused", () => {
    const path = join(copy, "packages/matcher/package.json");
    const pkg = JSON.parse(readFileSync(path, "utf8"));
    pkg.dependencies["@tracebed/sim"] = "0.1.0";
    writeFileSync(path, JSON.stringify(pkg, null, 2));
    const run = spawnSync("node", ["scripts/boundaries.mjs", "--check"], {
      cwd: copy,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("forbidden dependency: @tracebed/matcher → @tracebed/sim");
  });
});
