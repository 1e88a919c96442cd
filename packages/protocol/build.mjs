// After `tsc -b`: bundles the core entry for the browser. esbuild's browser platform cannot
// resolve Node built-ins, so a `node:` import anywhere under dist/index.js fails the build.
// The output is a classic script (a Worker can importScripts it) defining TracebedProtocol;
// test/browser/bundle.test.ts runs it in a context with no Node globals.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/index.js"],
  outfile: "dist/browser/protocol.js",
  bundle: true,
  platform: "browser",
  format: "iife",
  globalName: "TracebedProtocol",
  target: "es2022",
  sourcemap: true,
  logLevel: "warning",
});
