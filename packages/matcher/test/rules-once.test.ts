// The store's flow rules are stated once (src/store/common/transitions) and the server asks
// a store for its seams, never for its class.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src", import.meta.url).pathname;

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts")
      ? [{ path: relative(SRC, p), text: readFileSync(p, "utf8") }]
      : [];
  });
}

const files = sources(SRC);
const where = (re: RegExp) => files.filter((f) => re.test(f.text)).map((f) => f.path);

describe("the matcher's store rules", () => {
  it("rank roles in one place", () => {
    expect(where(/F2\s*=?:?\s*1\s*,\s*F1\s*=?:?\s*2\s*,\s*F0\s*=?:?\s*3/)).toEqual([
      "store/common/transitions/role.ts",
    ]);
  });

  it("have no hand-written Lua beside the transitions", () => {
    // The one exception, named so that no other appears: the GAEN design's export store keeps
    // its two rules (add keys, seal a batch) in Lua beside its memory store's TypeScript; they
    // are to move to shared transitions as the matcher store's did.
    expect(where(/redis\.call\(|EVALSHA|\bEVAL\b/)).toEqual(["designs/gaen/redis-store.ts"]);
  });

  it("are applied by both stores from the same transitions", () => {
    for (const store of ["store/memory/state.ts", "store/redis/redis.ts"]) {
      const text = files.find((f) => f.path === store)!.text;
      for (const rule of ["put-upload", "push-index", "notify", "redeem-code", "retention"]) {
        expect(text, `${store} applies ${rule}`).toContain(`common/transitions/${rule}.js`);
      }
    }
  });

  it("leave the server asking for seams, not classes", () => {
    expect(where(/instanceof\s+(MemoryStore|RedisStore)/)).toEqual([]);
    const outside = files.filter((f) => !f.path.startsWith("store/") && f.path !== "index.ts");
    const imports = outside.filter((f) =>
      /from "\.\.?\/(\.\.\/)?store\/(memory|redis)\//.test(f.text),
    );
    // Only the store's options (the memory store's compaction default, its journal hooks), and
    // a design's own Redis store, which opens its connection with the Redis store's helper.
    expect(imports.map((f) => f.path).sort()).toEqual([
      "designs/gaen/redis-store.ts",
      "options.ts",
      "server/open-store.ts",
    ]);
  });
});
