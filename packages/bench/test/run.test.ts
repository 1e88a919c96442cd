import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { BenchCase } from "../src/case.js";
import { benchMain, parseBenchArgs } from "../src/cli.js";
import { pick, runCase } from "../src/run.js";
import { reportTable } from "../src/table.js";

/** A case whose runs return 5, 1, 3, …: its median is known. */
function counting(name: string, values: number[]): BenchCase<{ value: number; label: string }> {
  let i = 0;
  return {
    name,
    what: "returns the next value",
    runs: values.length,
    run: async () => ({ value: values[i++]!, label: name }),
  };
}

describe("the runner", () => {
  it("runs a case its number of times and reports the median", async () => {
    const r = await runCase(counting("c", [5, 1, 3]));
    expect(r.runs).toBe(3);
    expect(r.each.map((e) => e.value)).toEqual([5, 1, 3]);
    expect(r.median).toEqual({ value: 3, label: "c" });
  });

  it("lets the caller ask for another number of runs", async () => {
    const r = await runCase(counting("c", [5, 1, 3, 9]), { runs: 2 });
    expect(r.each).toHaveLength(2);
    expect(r.median.value).toBe(3);
  });

  it("picks cases by name in the registry's order, and refuses unknown names", () => {
    const reg = [counting("a", [1]), counting("b", [1]), counting("c", [1])];
    expect(pick(reg, ["c", "a"]).map((c) => c.name)).toEqual(["a", "c"]);
    expect(pick(reg, []).map((c) => c.name)).toEqual(["a", "b", "c"]);
    expect(() => pick(reg, ["d"])).toThrow(/unknown benchmark case d \(cases: a, b, c\)/);
  });

  it("prints a table with each figure's median and range", async () => {
    const r = await runCase(counting("c", [5, 1, 3]));
    const text = reportTable([r]);
    expect(text).toMatch(/^c: returns the next value \(median of 3 runs\)$/m);
    expect(text).toMatch(/^ {2}value +3 {2}\(1 – 5\)$/m);
  });
});

describe("tracebed-bench's command line", () => {
  it("separates the module, case names, the runner's flags and the cases' options", () => {
    expect(parseBenchArgs(["m.js", "a", "--runs", "3", "--json", "--seconds", "8", "b"])).toEqual({
      module: "m.js",
      names: ["a", "b"],
      runs: 3,
      quick: false,
      json: true,
      options: { seconds: "8" },
    });
    expect(() => parseBenchArgs([])).toThrow(/usage/);
    expect(() => parseBenchArgs(["m.js", "--runs", "0"])).toThrow(/--runs/);
  });

  it("loads a module's benchCases, hands it the options and prints JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracebed-bench-"));
    const file = join(dir, "cases.mjs");
    writeFileSync(
      file,
      `export const benchCases = ({ quick, options }) => [
        { name: "twice", what: "doubles", runs: 3, run: async () => ({ v: 2 * Number(options.x), quick }) },
        { name: "other", what: "unused", runs: 1, run: async () => { throw new Error("not run"); } },
      ];`,
    );
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const doc = await benchMain([file, "twice", "--x", "21", "--quick", "--json"]);
      expect(doc.cases).toHaveLength(1);
      expect(doc.cases[0]).toMatchObject({
        name: "twice",
        runs: 3,
        median: { v: 42, quick: true },
      });
      expect(JSON.parse(String(out.mock.calls[0]?.[0])).cases[0].median.v).toBe(42);
      expect(doc.machine.cpus).toBeGreaterThan(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
