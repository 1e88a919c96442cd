import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, test } from "vitest";

/**
 * Every package the lockfile installs must accept the Node the README states (20.19), or
 * `npm ci` prints an EBADENGINE warning. A transitive dependency that moves to a newer Node
 * is pinned back in the root package.json's `overrides`. Ranges are read by npm's own
 * `semver`, as npm reads them.
 */
const NODE = "20.19.0";

describe("the lockfile's engines", () => {
  test("the range reader can say no", () => {
    expect(semver.satisfies(NODE, ">=22")).toBe(false);
    expect(semver.satisfies(NODE, "^20.0.0 || ^22.0.0")).toBe(true);
    expect(semver.satisfies(NODE, "^18 || >=21")).toBe(false);
    expect(semver.satisfies(NODE, ">=18.17.0 <21 || >=22")).toBe(true);
  });

  test("every installed package accepts Node 20.19", () => {
    const lock = JSON.parse(
      readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"),
    ) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
    const refusing = Object.entries(lock.packages)
      .filter(
        ([path, p]) => path !== "" && !Array.isArray(p.engines) && p.engines?.node !== undefined,
      )
      .map(([path, p]) => [path, p.version, (p.engines as { node: string }).node] as const)
      .filter(([, , range]) => !semver.satisfies(NODE, range))
      .map(([path, version, range]) => `${path}@${version} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
