import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

/**
 * Every package the lockfile installs must accept the Node the README states (20.19), or
 * `npm ci` prints an EBADENGINE warning. A transitive dependency that moves to a newer Node
 * is pinned back in the root package.json's `overrides`.
 */

const NODE = [20, 19, 0] as const;

type Version = readonly [number, number, number];

function parse(text: string): Version {
  const [a = 0, b = 0, c = 0] = text
    .replace(/\.x$/, "")
    .split(".")
    .map((n) => Number(n));
  return [a, b, c];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}

/** Whether `v` satisfies one comparator: `>=X`, `^X` or a bare X.Y.Z; throws on others. */
function satisfiesOne(v: Version, part: string): boolean {
  const m = /^(>=|\^)?\s*v?(\d+(?:\.\d+)?(?:\.\d+)?(?:\.x)?)$/.exec(part.trim());
  if (!m) throw new Error(`unread engines range "${part}": extend this test`);
  const bound = parse(m[2]!);
  if (m[1] === ">=") return compare(v, bound) >= 0;
  if (m[1] === "^") return v[0] === bound[0] && compare(v, bound) >= 0;
  return compare(v, bound) === 0;
}

function satisfies(v: Version, range: string): boolean {
  return range.split("||").some((alt) => satisfiesOne(v, alt));
}

describe("the lockfile's engines", () => {
  test("the range reader can say no", () => {
    expect(satisfies(NODE, ">=22")).toBe(false);
    expect(satisfies(NODE, "^20.0.0 || ^22.0.0")).toBe(true);
    expect(satisfies(NODE, "^18 || >=21")).toBe(false);
  });

  test("every installed package accepts Node 20.19", () => {
    const lock = JSON.parse(
      readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"),
    ) as { packages: Record<string, { version?: string; engines?: { node?: string } }> };
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.engines?.node !== undefined)
      .filter(([, p]) => !satisfies(NODE, p.engines!.node!))
      .map(([path, p]) => `${path}@${p.version} wants node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
