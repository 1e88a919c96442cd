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
    // The exceptions, named so that no other appears: the GAEN and BlueTrace designs' Redis
    // stores keep their own rules (GAEN: add keys, seal a batch, retention; BlueTrace: notify,
    // grants, retention) in Lua beside their memory stores' TypeScript; they are to move to
    // shared transitions as the matcher store's did. BlueTrace's role ranking is not restated:
    // its Lua's table is written from ROLE_RANK (the test above).
    // And the Redis store's compare-and-apply step, which holds no rule: it checks that what a
    // transition read is unchanged and runs the commands the transition computed.
    expect(where(/redis\.call\(|EVALSHA|\bEVAL\b/)).toEqual([
      "designs/bluetrace/redis-store.ts",
      "designs/gaen/redis-store.ts",
      "store/redis/apply-if.ts",
      "store/redis/transaction.ts",
    ]);
  });

  it("keep the Redis store's compare-and-apply script free of any rule", () => {
    const script = files.find((f) => f.path === "store/redis/apply-if.ts")!.text;
    const lua = script.slice(script.indexOf("`") + 1, script.indexOf("`;"));
    // No key of the store's layout, no record field, no role: only reads, digests and ARGV.
    for (const word of ["phone", "index", "upload", "code", "push", "role", "F0", "F1", "F2"]) {
      expect(lua, word).not.toContain(word);
    }
    const calls = [...lua.matchAll(/redis\.call\('?(\w*)/g)].map((m) => m[1]);
    expect(new Set(calls)).toEqual(
      new Set(["GET", "HMGET", "HGETALL", "HKEYS", "SMEMBERS", "LRANGE", "unpack"]),
    );
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
    // a design's own stores: its Redis store opens its connection with the Redis store's
    // helper, its memory store journals with the memory store's Journal (and its fsync of a
    // directory, also for the signing key's file).
    expect(imports.map((f) => f.path).sort()).toEqual([
      "designs/bluetrace/index.ts",
      "designs/bluetrace/memory-store.ts",
      "designs/bluetrace/redis-store.ts",
      "designs/gaen/memory-store.ts",
      "designs/gaen/redis-store.ts",
      "designs/gaen/signing-key-file.ts",
      "options.ts",
      "server/open-store.ts",
    ]);
  });
});
