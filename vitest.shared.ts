import type { ViteUserConfig } from "vitest/config";

/** Every workspace reports to .vitest/report.json; scripts/test.mjs sums the reports. */
export const sharedTestConfig: NonNullable<ViteUserConfig["test"]> = {
  include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  reporters: ["default", "json"],
  outputFile: { json: ".vitest/report.json" },
  testTimeout: 30_000,
};
