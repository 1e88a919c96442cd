#!/usr/bin/env node
// The `tracebed` command. A committed launcher: npm links it at install time, before the
// TypeScript build (npm's prepare step) has written dist/.
import "../dist/bin.js";
