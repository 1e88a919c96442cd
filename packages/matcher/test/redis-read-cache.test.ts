// The Redis store's guesses (store/redis/read-cache.ts): after a transaction applies, what it
// wrote is what the next one guesses; a write it cannot follow drops the guess.
import { describe, expect, it } from "vitest";
import { ReadCache, type ReadUsed, readId } from "../src/store/redis/read-cache.js";

const read = (kind: ReadUsed["kind"], key: string, reply: unknown, fields: string[] = []) => ({
  id: readId(kind, key, fields),
  kind,
  key,
  fields,
  binary: false,
  reply,
});

describe("the read cache", () => {
  it("follows HSET on fields and hashes read, in the order a small hash answers", () => {
    const c = new ReadCache();
    const head = read("F", "p", [null, "F1", "2"], ["scheme", "role", "keysVersion"]);
    const all = read("H", "i", ["a", "1", "b", "2"]);
    c.applied(
      [head, all],
      [
        ["HSET", "p", "scheme", "bluezone", "keysVersion", "3"],
        ["HSET", "i", "b", "20", "c", "3"],
        ["EXPIREAT", "i", "99"],
      ],
    );
    expect(c.get("p", head.id)).toEqual(["bluezone", "F1", "3"]);
    expect(c.get("i", all.id)).toEqual(["a", "1", "b", "20", "c", "3"]);
  });

  it("guesses a hash or string written without being read, and drops what it cannot follow", () => {
    const c = new ReadCache();
    c.applied(
      [read("H", "x", ["a", "1"])],
      [
        ["HSET", "new", "f", "v"],
        ["SET", "seq", "7"],
        ["HINCRBY", "x", "a", "1"],
      ],
    );
    expect(c.get("new", readId("H", "new", []))).toEqual(["f", "v"]);
    expect(c.get("seq", readId("S", "seq", []))).toBe("7");
    expect(c.get("x", readId("H", "x", []))).toBeUndefined();
  });

  it("follows a write in every known read of the key, not only the one this transaction made", () => {
    const c = new ReadCache();
    const head = read("F", "p", ["bluezone", null], ["scheme", "role"]);
    c.set(head);
    const role = read("F", "p", [null], ["role"]);
    c.applied([role], [["HSET", "p", "role", "F1"]]);
    expect(c.get("p", role.id)).toEqual(["F1"]);
    expect(c.get("p", head.id)).toEqual(["bluezone", "F1"]);
  });
});
