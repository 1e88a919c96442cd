import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../src/scenario");

describe("src/scenario is browser-safe", () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith(".ts")))(
    "%s imports no Node built-in",
    (file) => {
      const text = readFileSync(join(dir, file), "utf8");
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec.startsWith(".") || spec === "zod" || spec.startsWith("@noble/hashes/")).toBe(
          true,
        );
      }
    },
  );
});
