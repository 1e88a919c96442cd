// Debian packages some tests need. As root (CI, a fresh machine) they are installed with apt-get;
// otherwise a missing one stops the run with one line naming it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** package → a file that shows it is installed */
export const SYSTEM_PACKAGES = {
  "redis-server": "/usr/bin/redis-server",
  chromium: "/usr/bin/chromium",
  unzip: "/usr/bin/unzip", // the GAEN export test reads zips with Info-ZIP, not the writer's library
};

export function ensureSystemPackages(packages = SYSTEM_PACKAGES) {
  const missing = Object.entries(packages)
    .filter(([, probe]) => !existsSync(probe))
    .map(([name]) => name);
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `missing system packages: ${missing.join(" ")} (apt-get install ${missing.join(" ")})`,
    );
    return false;
  }
  console.error(`installing system packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const quiet = { stdio: ["ignore", "ignore", "inherit"], env };
  spawnSync("apt-get", ["update", "-qq"], quiet);
  const r = spawnSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...missing],
    quiet,
  );
  if (r.status !== 0) {
    console.error(`apt-get install ${missing.join(" ")} failed`);
    return false;
  }
  return true;
}
