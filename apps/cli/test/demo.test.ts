import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { viewerFiles } from "../src/demo/viewer-files.js";
import { tracebed } from "./cli.js";

function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "tracebed-web-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(
    join(dir, "index.html"),
    '<html><head><meta name="tracebed-live" content="" /></head><body>viewer</body></html>',
  );
  writeFileSync(join(dir, "assets", "index-abc.js"), "console.log(1)");
  return dir;
}

describe("tracebed demo", () => {
  it("has help and refuses a bad port in one line", () => {
    const help = tracebed("demo", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--port <P>/);
    const bad = tracebed("demo", "--port", "99999");
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("serves the page with the live feed's address filled in, and its assets", () => {
    const files = viewerFiles(fakeDist(), { live: "same-origin" });
    const index = files.get("/?adoption=0.6");
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    expect(index.body.toString()).toContain('<meta name="tracebed-live" content="same-origin" />');
    const js = files.get("/assets/index-abc.js");
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.cache).toMatch(/immutable/);
    // The live feed's viewer token rides beside its address (the viewer scope only).
    const withToken = viewerFiles(fakeDist(), { live: "same-origin", liveToken: "v".repeat(20) });
    expect(withToken.get("/").body.toString()).toContain(
      `<meta name="tracebed-live" content="same-origin" data-token="${"v".repeat(20)}" />`,
    );
  });

  it("serves nothing outside the viewer's folder", () => {
    const files = viewerFiles(fakeDist());
    for (const path of [
      "/../package.json",
      "/assets/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/missing.js",
      "/assets",
      "/%E0%A4%A",
    ]) {
      expect(files.get(path).status, path).toBe(404);
    }
  });

  it("escapes the live address it writes into the page", () => {
    const files = viewerFiles(fakeDist(), { live: '"><script>alert(1)</script>' });
    expect(files.get("/").body.toString()).not.toContain("<script>");
  });
});
