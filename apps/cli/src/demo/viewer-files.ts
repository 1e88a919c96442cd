import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built viewer (apps/web/dist) as `tracebed demo` serves it: files by URL path, index.html
 * with the live feed's address filled in, no path leaving the folder.
 */

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** apps/web/dist: $TRACEBED_WEB_DIST, else beside this package (apps/cli/dist/demo → apps/web/dist). */
export function viewerDir(): string {
  const fromEnv = process.env.TRACEBED_WEB_DIST;
  if (fromEnv) return resolve(fromEnv);
  return fileURLToPath(new URL("../../../web/dist/", import.meta.url));
}

/** The repository root (for building the viewer when it is missing). */
function repoRoot(): string {
  return fileURLToPath(new URL("../../../../", import.meta.url));
}

export function viewerBuilt(dir: string): boolean {
  return existsSync(join(dir, "index.html"));
}

/**
 * Builds the viewer if its dist/ is missing (a fresh clone whose `npm install` skipped the
 * build): `npm run build -w @tracebed/web`, output on stderr. Returns whether it is there.
 */
export function ensureViewerBuilt(dir: string, log: (line: string) => void): boolean {
  if (viewerBuilt(dir)) return true;
  if (process.env.TRACEBED_WEB_DIST) return false;
  log(`the viewer is not built (${dir}): building it…`);
  const r = spawnSync("npm", ["run", "build", "-w", "@tracebed/web"], {
    cwd: repoRoot(),
    stdio: ["ignore", 2, 2],
  });
  return r.status === 0 && viewerBuilt(dir);
}

export interface ViewerFile {
  status: 200 | 404;
  type: string;
  body: Buffer;
  /** Hashed assets are immutable; the page itself is revalidated. */
  cache: string;
}

export interface ViewerFiles {
  /** The file for a URL path ("/", "/assets/index-abc.js"), or a 404. */
  get(urlPath: string): ViewerFile;
}

/**
 * Serves `dir`. `live` goes into index.html's `<meta name="tracebed-live">` ("same-origin":
 * the page connects its live panel to the server that sent it), `liveToken` into its
 * `data-token` (the live feed's viewer token: public by nature, it opens only the viewer scope).
 */
export function viewerFiles(
  dir: string,
  options: { live?: string; liveToken?: string } = {},
): ViewerFiles {
  const root = resolve(dir);
  const escapeAttr = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const html = readFileSync(join(root, "index.html"), "utf8").replace(
    /<meta name="tracebed-live" content="[^"]*"\s*\/?>/,
    `<meta name="tracebed-live" content="${escapeAttr(options.live ?? "")}"${
      options.liveToken === undefined ? "" : ` data-token="${escapeAttr(options.liveToken)}"`
    } />`,
  );
  const notFound: ViewerFile = {
    status: 404,
    type: TYPES[".txt"]!,
    body: Buffer.from("not found\n"),
    cache: "no-store",
  };
  return {
    get(urlPath) {
      let path: string;
      try {
        path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
      } catch {
        return notFound;
      }
      if (path === "/" || path === "/index.html") {
        return { status: 200, type: TYPES[".html"]!, body: Buffer.from(html), cache: "no-cache" };
      }
      const file = resolve(root, `.${path}`);
      if (!file.startsWith(root + sep) || path.includes("\0")) return notFound;
      try {
        if (!statSync(file).isFile()) return notFound;
        return {
          status: 200,
          type: TYPES[extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
          cache: path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        };
      } catch {
        return notFound;
      }
    },
  };
}
