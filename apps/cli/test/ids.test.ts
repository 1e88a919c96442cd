// Runs the built binary: build first (`npx turbo run build --filter=@tracebed/cli`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  BASE_ID,
  DAY0_SLOTS_0_1_2,
  DAY2_SLOTS_0_1_2,
} from "../../../packages/protocol/test/ids/fixtures/bluezone.js";
import { EPHIDS_KEY1, KEY0 } from "../../../packages/protocol/test/ids/fixtures/dp3t-lowcost.js";
import {
  ADVERTISED,
  CTINTERVAL_NUMBER_OF_GENERATED_KEY,
  TEMPORARY_TRACING_KEY,
} from "../../../packages/protocol/test/ids/fixtures/gaen-v1.2.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function tracebed(...args: string[]) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run the build first`);
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
const TEK = TEMPORARY_TRACING_KEY;
const SK = "ab".repeat(32);

describe("tracebed ids", () => {
  it("prints the 144 published GAEN RPIs", () => {
    const r = tracebed(
      "ids",
      ...["--scheme", "gaen", "--key", TEK],
      ...["--interval", String(CTINTERVAL_NUMBER_OF_GENERATED_KEY), "--count", "144"],
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${ADVERTISED.map(([rpi]) => rpi).join("\n")}\n`);
  });

  it("prints a day of IDs by default, from interval 0 for gaen", () => {
    const gaen = tracebed("ids", "--scheme", "gaen", "--key", TEK);
    expect(lines(gaen.stdout)).toHaveLength(144);
    expect(lines(gaen.stdout).every((l) => /^[0-9a-f]{32}$/.test(l))).toBe(true);
    expect(lines(tracebed("ids", "--scheme", "dp3t", "--key", SK).stdout)).toHaveLength(96);
    const bz = tracebed("ids", "--scheme", "bluezone", "--key", BASE_ID);
    expect(lines(bz.stdout)).toHaveLength(96);
    expect(lines(bz.stdout).slice(0, 3)).toEqual([...DAY0_SLOTS_0_1_2]);
  });

  it("lets a GAEN run cross midnight under the same TEK", () => {
    const from = CTINTERVAL_NUMBER_OF_GENERATED_KEY + 140;
    const r = tracebed("ids", "--scheme", "gaen", "--key", TEK, "--interval", String(from));
    expect(lines(r.stdout)).toHaveLength(144);
    expect(lines(r.stdout).slice(0, 4)).toEqual(ADVERTISED.slice(140).map(([rpi]) => rpi));
  });

  it("prints the DP-3T reference EphIDs of day 1", () => {
    const r = tracebed("ids", "--scheme", "dp3t", "--key", KEY0, "--day", "1", "--count", "3");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${EPHIDS_KEY1.join("\n")}\n`);
  });

  it("prints the Bluezone IDs of day 2, accepting upper-case hex", () => {
    const key = BASE_ID.toUpperCase();
    const r = tracebed("ids", "--scheme", "bluezone", "--key", key, "--day", "2", "--count", "3");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${DAY2_SLOTS_0_1_2.join("\n")}\n`);
  });

  it("has --help", () => {
    const r = tracebed("ids", "--help");
    expect(r.status).toBe(0);
    for (const word of ["--scheme", "--key", "--day", "--interval", "--count", "Examples"]) {
      expect(r.stdout).toContain(word);
    }
    expect(tracebed("help", "ids").stdout).toBe(r.stdout);
  });

  it.each([
    [[], /^tracebed: required option '--scheme <name>' not specified$/],
    [["--scheme", "gaen"], /^tracebed: required option '--key <hex>' not specified$/],
    [["--scheme", "bluetrace", "--key", TEK], /--scheme.*bluezone, gaen, dp3t/],
    [["--scheme", "gaen", "--key", "xyz1"], /^tracebed: --key: not hex/],
    [["--scheme", "gaen", "--key", "abc"], /^tracebed: --key: not hex/],
    [["--scheme", "gaen", "--key", SK], /^tracebed: --key: gaen needs a 16-byte key/],
    [["--scheme", "bluezone", "--key", TEK], /^tracebed: --key: bluezone needs a 32-byte key/],
    [["--scheme", "dp3t", "--key", SK, "--day", "-1"], /--day.*non-negative integer/],
    [["--scheme", "dp3t", "--key", SK, "--day", "1.5"], /--day.*non-negative integer/],
    [["--scheme", "dp3t", "--key", SK, "--count", "x"], /--count.*integer/],
    [["--scheme", "dp3t", "--key", SK, "--count", "0"], /--count.*positive integer/],
    [["--scheme", "dp3t", "--key", SK, "--count", "97"], /^tracebed: --count: at most 96/],
    [["--scheme", "gaen", "--key", TEK, "--count", "145"], /^tracebed: --count: at most 144/],
    [["--scheme", "gaen", "--key", TEK, "--interval", "-3"], /--interval.*non-negative/],
    [["--scheme", "gaen", "--key", TEK, "--day", "1"], /^tracebed: --day does not apply to gaen/],
    [["--scheme", "bluezone", "--key", SK, "--interval", "1"], /^tracebed: --interval applies/],
    [["--scheme", "dp3t", "--key", SK, "--interval", "1"], /^tracebed: --interval applies/],
    [["--scheme", "gaen", "--key", TEK, "--interval", String(2 ** 32 - 1)], /uint32/],
    [["--scheme", "dp3t", "--key", SK, "--day", "100001"], /^tracebed: --day: must be at most/],
    [["--scheme", "gaen", "--key", TEK, "--bogus"], /unknown option '--bogus'/],
  ])("exits 2 with one line for %j", (args, message) => {
    const r = tracebed("ids", ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr).toMatch(/^tracebed: /);
  });
});
