import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

test("the committed launcher npm links as `tracebed` runs the CLI", () => {
  const launcher = fileURLToPath(new URL("../bin/tracebed.js", import.meta.url));
  const r = spawnSync(process.execPath, [launcher, "--help"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  for (const command of ["ids", "simulate", "sweep", "export", "serve", "load", "demo"]) {
    expect(r.stdout).toContain(command);
  }
});
