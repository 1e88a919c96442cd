import { defineConfig } from "vite";

/**
 * The viewer app: one page, the simulator and the network layout in Web Workers, everything
 * bundled (no CDN: it works offline). Relative asset paths, so any static server — or
 * `tracebed demo` — can serve dist/ under any path.
 */
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // sim's inline sweep runner imports simulate() lazily for Node; in one bundle it is moot.
        if (warning.code === "INEFFECTIVE_DYNAMIC_IMPORT") return;
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
  server: { fs: { allow: ["../.."] } },
});
