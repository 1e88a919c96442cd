#!/usr/bin/env node
// The runner every workspace's `npm run bench` calls (src/main.ts, built into dist/).
import "../dist/main.js";
