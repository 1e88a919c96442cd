import { connectRedis, type RedisClient } from "../../store/redis/connect.js";
import { type GaenRetentionBounds, type GaenRetentionReport, keyEnd } from "./retention.js";
import type { GaenStore, GaenUploadRecord, KeyForBatch, StoredKey } from "./store.js";
import { countPrivacy } from "./store.js";

/*
 * The GAEN store in Redis, so every process serves the same exports and signs with one key.
 * Keys under the prefix + "gaen:": uploads (hash uploadId → record), keys (hash TEK → key),
 * batch:<n> (list of TEKs), pending (sorted set of batches with keys and no export), sealed
 * (the highest sealed batch), export:<name> (the zip, base64), exports (sorted set of names by
 * batch), key-ends (sorted set of TEKs by the interval their rolling period ends), upload-times
 * (sorted set of uploadIds by receivedAt), signing-key. Adding keys, sealing and retention are
 * scripts, so a key never joins a batch that another process has sealed and a sweep deletes
 * keys, exports and records in one step.
 *
 * The signing key lives here so that every process signs with it (the first process to start
 * generates it); exposure-notifications-server keeps it in a key manager that every export
 * worker reaches by the key's id. `gaen.signingKeyPem` (given by the operator) takes its place.
 */

const ADD_KEYS = `
local p = ARGV[1]
local sealed = tonumber(redis.call('GET', p .. 'sealed') or '-1')
redis.call('HSET', p .. 'uploads', ARGV[2], ARGV[3])
redis.call('ZADD', p .. 'upload-times', ARGV[4], ARGV[2])
local accepted, first, last = 0, -1, -1
for i = 5, #ARGV, 4 do
  local b = math.max(tonumber(ARGV[i + 2]), sealed + 1)
  if redis.call('HSETNX', p .. 'keys', ARGV[i], ARGV[i + 1]) == 1 then
    redis.call('ZADD', p .. 'key-ends', ARGV[i + 3], ARGV[i])
    redis.call('RPUSH', p .. 'batch:' .. b, ARGV[i])
    redis.call('ZADD', p .. 'pending', b, tostring(b))
    accepted = accepted + 1
    if b > last then last = b end
    if first < 0 or b < first then first = b end
  end
end
return { accepted, first, last }`;

const SEAL = `
local p, b = ARGV[1], tonumber(ARGV[2])
if b > tonumber(redis.call('GET', p .. 'sealed') or '-1') then
  redis.call('SET', p .. 'sealed', b)
end
local out = {}
for _, k in ipairs(redis.call('LRANGE', p .. 'batch:' .. b, 0, -1)) do
  local key = redis.call('HGET', p .. 'keys', k)
  if key then out[#out + 1] = key end
end
return out`;

const PUT_EXPORT = `
local p = ARGV[1]
if redis.call('SETNX', p .. 'export:' .. ARGV[3], ARGV[4]) == 1 then
  redis.call('ZADD', p .. 'exports', ARGV[2], ARGV[3])
end
redis.call('ZREM', p .. 'pending', ARGV[2])
return 1`;

const RETAIN = `
local p = ARGV[1]
local keyEnd, uploadsBefore, upTo = ARGV[2], '(' .. ARGV[3], ARGV[4]
local keys = redis.call('ZRANGEBYSCORE', p .. 'key-ends', '-inf', keyEnd)
for _, k in ipairs(keys) do redis.call('HDEL', p .. 'keys', k) end
redis.call('ZREMRANGEBYSCORE', p .. 'key-ends', '-inf', keyEnd)
local uploads = redis.call('ZRANGEBYSCORE', p .. 'upload-times', '-inf', uploadsBefore)
for _, u in ipairs(uploads) do redis.call('HDEL', p .. 'uploads', u) end
redis.call('ZREMRANGEBYSCORE', p .. 'upload-times', '-inf', uploadsBefore)
local exports = redis.call('ZRANGEBYSCORE', p .. 'exports', '-inf', upTo)
for _, name in ipairs(exports) do redis.call('DEL', p .. 'export:' .. name) end
redis.call('ZREMRANGEBYSCORE', p .. 'exports', '-inf', upTo)
local batches = redis.call('ZRANGEBYSCORE', p .. 'pending', '-inf', upTo)
for _, b in ipairs(batches) do redis.call('DEL', p .. 'batch:' .. b) end
redis.call('ZREMRANGEBYSCORE', p .. 'pending', '-inf', upTo)
local emptied = 0
for _, b in ipairs(redis.call('ZRANGEBYSCORE', p .. 'pending', '(' .. upTo, '+inf')) do
  local left = 0
  for _, k in ipairs(redis.call('LRANGE', p .. 'batch:' .. b, 0, -1)) do
    if redis.call('HEXISTS', p .. 'keys', k) == 1 then
      left = left + 1
    else
      redis.call('LREM', p .. 'batch:' .. b, 0, k)
    end
  end
  if left == 0 then
    redis.call('DEL', p .. 'batch:' .. b)
    redis.call('ZREM', p .. 'pending', b)
    emptied = emptied + 1
  end
end
return { #keys, #uploads, #exports, #batches + emptied }`;

const STORAGE = `
local p = ARGV[1]
local bytes = 0
for _, h in ipairs({ 'uploads', 'keys' }) do
  for _, v in ipairs(redis.call('HVALS', p .. h)) do bytes = bytes + #v end
end
for _, name in ipairs(redis.call('ZRANGE', p .. 'exports', 0, -1)) do
  bytes = bytes + math.floor(redis.call('STRLEN', p .. 'export:' .. name) * 3 / 4)
end
return bytes`;

export class GaenRedisStore implements GaenStore {
  readonly kind = "redis" as const;
  private readonly p: string;

  private constructor(
    private readonly client: RedisClient,
    prefix: string,
  ) {
    this.p = `${prefix}gaen:`;
  }

  static async open(url: string, prefix: string, onError?: (err: Error) => void) {
    return new GaenRedisStore(await connectRedis(url, onError), prefix);
  }

  private eval<T>(script: string, args: readonly (string | number)[]): Promise<T> {
    return this.client.sendCommand<T>(["EVAL", script, "0", this.p, ...args.map(String)]);
  }

  async addKeys(upload: GaenUploadRecord, keys: readonly KeyForBatch[]) {
    const args: (string | number)[] = [upload.uploadId, JSON.stringify(upload), upload.receivedAt];
    for (const { batch, ...k } of keys) args.push(k.key, JSON.stringify(k), batch, keyEnd(k));
    const [accepted, firstBatch, lastBatch] = await this.eval<[number, number, number]>(
      ADD_KEYS,
      args,
    );
    return { accepted, firstBatch, lastBatch };
  }

  async pendingBatches(upTo: number) {
    const r = await this.client.zRangeByScore(`${this.p}pending`, "-inf", upTo);
    return r.map(Number).sort((a, b) => a - b);
  }

  async sealBatch(batch: number) {
    const r = await this.eval<string[]>(SEAL, [batch]);
    return r.map((json) => JSON.parse(json) as StoredKey);
  }

  async putExport(batch: number, name: string, zip: Uint8Array) {
    await this.eval(PUT_EXPORT, [batch, name, Buffer.from(zip).toString("base64")]);
  }

  async exportNames() {
    return this.client.zRange(`${this.p}exports`, 0, -1);
  }

  async getExport(name: string) {
    const b64 = await this.client.get(`${this.p}export:${name}`);
    return b64 === null ? null : new Uint8Array(Buffer.from(b64, "base64"));
  }

  async signingKey(generate: () => string) {
    const key = `${this.p}signing-key`;
    await this.client.set(key, generate(), { condition: "NX" });
    return (await this.client.get(key))!;
  }

  async retain(b: GaenRetentionBounds): Promise<GaenRetentionReport> {
    const [keys, uploads, exports, batches] = await this.eval<[number, number, number, number]>(
      RETAIN,
      [b.keysEndingBy, b.uploadsBefore, b.batchesUpTo],
    );
    return { keys, uploads, exports, batches };
  }

  async privacy() {
    const records = await this.client.hVals(`${this.p}uploads`);
    return countPrivacy(records.map((r) => JSON.parse(r) as GaenUploadRecord));
  }

  async storageBytes() {
    return this.eval<number>(STORAGE, []);
  }

  async close() {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }
}
