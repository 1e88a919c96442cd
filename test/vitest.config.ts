import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

// End-to-end runs start servers, fleets and browsers: one file at a time, generous timeouts
// (the whole suite shares two cores).
export default defineConfig({
  test: {
    ...sharedTestConfig,
    include: ["**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
