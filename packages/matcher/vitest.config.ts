import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

export default defineConfig({
  test: {
    ...sharedTestConfig,
    /**
     * When a test kills redis-server under a running matcher (redis-outage.test.ts), node-redis
     * 5.12 rejects internal promises that no caller holds ("Socket closed unexpectedly" at the
     * kill, a loopback "connect ECONNREFUSED" while it reconnects); the matcher's own calls
     * answer 503. Only those two messages are let through; any other unhandled error still
     * fails the run. Left as its own issue: find the promise in node-redis and handle it.
     */
    onUnhandledError(error) {
      const message = String(error?.message);
      return !/^(Socket closed unexpectedly|connect ECONNREFUSED 127\.0\.0\.1:\d+)$/.test(message);
    },
  },
});
