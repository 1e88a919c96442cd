import { createHash } from "node:crypto";

/**
 * The compare-and-apply step of the Redis store's optimistic transactions, as one Lua script.
 * It holds no rule of the matcher: it checks that every value a transition read is still what
 * it read (each read flattened to one string the same way here and in Redis; a large binary
 * value, a phone's log, compared by its SHA-1), and then
 * runs the commands the transition computed (writes.ts), all or none. The rules stay in
 * ../common/transitions; this replaces WATCH/MULTI/EXEC, which needs a connection of its own
 * per transaction, so every transaction cost its own socket writes. Script calls share the
 * store's one connection and are pipelined with everyone else's.
 *
 * ARGV: the number of guards, then per guard its kind, key, field count, fields, how it is
 * compared ('=' as it is, '#' by SHA-1) and the value read;
 * then per command its argument count and arguments. Keys go in ARGV, not KEYS: the store runs
 * on one Redis (not a cluster). Answers 1 when applied; when a read changed meanwhile, 0
 * followed by what every guard's read gives now (as the read command answers), so the
 * transition runs again on it without reading again.
 */
export const APPLY_IF_SCRIPT = `
local function raw(kind, key, fields)
  if kind == 'S' then return redis.call('GET', key)
  elseif kind == 'F' then return redis.call('HMGET', key, unpack(fields))
  elseif kind == 'H' then return redis.call('HGETALL', key)
  elseif kind == 'K' then return redis.call('HKEYS', key)
  elseif kind == 'M' then return redis.call('SMEMBERS', key)
  elseif kind == 'L' then return redis.call('LRANGE', key, 0, -1)
  end
  return redis.error_reply('apply-if: unknown guard kind ' .. tostring(kind))
end
local function flat(kind, v)
  if kind == 'S' then
    if v == false then return '\\1' end
    return 's' .. v
  elseif kind == 'F' then
    local out = {}
    for i = 1, #v do
      if v[i] == false then out[i] = '\\1' else out[i] = 's' .. v[i] end
    end
    return table.concat(out, '\\0')
  end
  return table.concat(v, '\\0')
end
local i = 2
local now, same = {}, true
for g = 1, tonumber(ARGV[1]) do
  local kind, key, n = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local fields = {}
  for f = 1, n do fields[f] = ARGV[i + 2 + f] end
  now[g] = raw(kind, key, fields)
  if same then
    local v = flat(kind, now[g])
    if ARGV[i + 3 + n] == '#' then v = redis.sha1hex(v) end
    if v ~= ARGV[i + 4 + n] then same = false end
  end
  i = i + 5 + n
end
if not same then
  table.insert(now, 1, 0)
  return now
end
while i <= #ARGV do
  local argc = tonumber(ARGV[i])
  redis.call(unpack(ARGV, i + 1, i + argc))
  i = i + 1 + argc
end
return 1
`;

export const APPLY_IF_SHA = createHash("sha1").update(APPLY_IF_SCRIPT).digest("hex");

/** What kind of read a guard repeats: GET, HMGET of fields, HGETALL, HKEYS, SMEMBERS, LRANGE. */
export type GuardKind = "S" | "F" | "H" | "K" | "M" | "L";

/** A read a transition's outcome rests on: applied only if it reads the same again. */
export interface Guard {
  readonly kind: GuardKind;
  readonly key: string;
  readonly fields: readonly string[];
  /** '=': `read` is the flattened value; '#': its SHA-1, hex. */
  readonly compare: "=" | "#";
  readonly read: string | Buffer;
}

/** Binary values longer than this are compared by SHA-1 rather than sent back whole. */
const SEND_BACK_BYTES = 256;
const NIL = "\u0001";
const SEP = "\u0000";

/** The read flattened as the script flattens it (see `read` in the script). */
export function guardOf(
  kind: GuardKind,
  key: string,
  reply: unknown,
  fields: readonly string[] = [],
): Guard {
  if (kind === "S" && Buffer.isBuffer(reply)) {
    const value = Buffer.concat([Buffer.from("s"), reply]);
    return value.length > SEND_BACK_BYTES
      ? { kind, key, fields, compare: "#", read: createHash("sha1").update(value).digest("hex") }
      : { kind, key, fields, compare: "=", read: value };
  }
  const value = (v: unknown) => (v === null ? NIL : `s${String(v)}`);
  const read =
    kind === "S"
      ? value(reply)
      : (reply as unknown[]).map((v) => (kind === "F" ? value(v) : String(v))).join(SEP);
  return { kind, key, fields, compare: "=", read };
}

/** The script's ARGV for these guards and commands. */
export function applyIfArgs(
  guards: readonly Guard[],
  commands: readonly (readonly (string | Buffer)[])[],
): (string | Buffer)[] {
  const argv: (string | Buffer)[] = [String(guards.length)];
  for (const g of guards) {
    argv.push(g.kind, g.key, String(g.fields.length), ...g.fields, g.compare, g.read);
  }
  for (const c of commands) argv.push(String(c.length), ...c);
  return argv;
}
