/*
 * The repository stands alone: no tracked text file cites a document outside it (a design
 * brief by section, a facts file, a shared folder next to the checkout). Sources are in
 * docs/SOURCES.md, docs/PROTOCOL.md and docs/MODEL.md; the letters' texts in docs/letters/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Citations of documents outside the repository. Built from pieces so this file passes. */
const OUTSIDE: readonly RegExp[] = [
  new RegExp(["DESIGN", "(\\.md)?", "\\s*§"].join("")), // the brief by section
  new RegExp(["DESIGN", "\\.md"].join("")), // the brief by file name
  new RegExp(["FACTS", "\\.md"].join("")), // the facts file
  new RegExp(["(?<![\\w.-])", "shared", "/"].join("")), // a folder beside the checkout
];

/** Each outside citation in `text`, as "line: the match". */
function outsideCitations(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const re of OUTSIDE) {
      const m = re.exec(line);
      if (m) found.push(`${i + 1}: ${m[0]}`);
    }
  });
  return found;
}

/** Tracked files, and new ones not ignored, that exist now (a deleted file is skipped). */
function repositoryFiles(): string[] {
  const out = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).toString("utf8");
  return [...new Set(out.split("\0").filter((f) => f !== ""))].filter((f) => {
    const p = join(ROOT, f);
    return existsSync(p) && statSync(p).isFile();
  });
}

describe("the repository stands alone", () => {
  it("finds a planted citation of each kind, and not the in-repo documents", () => {
    const brief = ["DESIGN", "§2 step 4"].join(" ");
    expect(outsideCitations(`/** The phone's side of ${brief}: upload. */`)).toHaveLength(1);
    expect(
      outsideCitations(`its baseline (tracebed ${["DESIGN", "md §8"].join(".")})`),
    ).not.toEqual([]);
    expect(outsideCitations(`as summarised in ${["FACTS", "md"].join(".")}`)).toEqual([
      `1: ${["FACTS", "md"].join(".")}`,
    ]);
    expect(
      outsideCitations(`line one\nthe letter in \`${["shared", "seeds/"].join("/")}\``),
    ).toEqual([`2: ${["shared", ""].join("/")}`]);
    expect(outsideCitations(`see ${["..", "shared", "DESIGN"].join("/")}`)).not.toEqual([]);
    expect(
      outsideCitations('(docs/PROTOCOL.md step 4), docs/SOURCES.md, "The hybrid flow"'),
    ).toEqual([]);
    expect(
      outsideCitations("a design brief; packages/sim/src/core/layers/shared-state.ts"),
    ).toEqual([]);
  });

  it("no tracked text file cites a document outside the repository", () => {
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    const offences: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(join(ROOT, f));
      if (bytes.includes(0)) continue; // binary
      for (const hit of outsideCitations(bytes.toString("utf8"))) offences.push(`${f}:${hit}`);
    }
    expect(offences).toEqual([]);
  });

  it("every scenario's letter is in docs/letters/", () => {
    const dir = join(ROOT, "scenarios");
    const letters = new Set(readdirSync(join(ROOT, "docs", "letters")));
    const missing: string[] = [];
    let named = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      const s = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        source?: { seedFile?: string; related?: { seedFile?: string }[] };
      };
      if (!s.source) continue; // index.json, the JSON Schema
      const names = [s.source.seedFile, ...(s.source.related ?? []).map((r) => r.seedFile)];
      for (const n of names.filter((x): x is string => x !== undefined)) {
        named++;
        if (!letters.has(n)) missing.push(`${f}: ${n}`);
      }
    }
    expect(named).toBeGreaterThanOrEqual(6);
    expect(missing).toEqual([]);
  });
});
