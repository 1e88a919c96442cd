/*
 * The Redis store's atomic steps, one Lua script each (Redis runs a script alone, so each is a
 * transaction). Key names are built from the prefix in ARGV[1], so the store needs a single
 * Redis, not a Cluster. Strings that reach JSON here (ids, hex, scheme and role names) were
 * validated against the protocol's patterns, so they need no escaping.
 *
 * Keys (P = prefix):
 *   P code:{code}          hash  caseRef confirmedAt expiresAt issuedAt usedBy failures
 *   P token:{token}        hash  indexId phoneId expiresAt
 *   P idem:{phone}:{key}   hash  uploadId hash
 *   P upload:{id}          hash  the acknowledgement's fields
 *   P phone:{id}           hash  scheme role keysVersion logVersion
 *   P phone:{id}:keys      hash  unixDay → key
 *   P phone:{id}:log       string the phone's stored log, a CompactLog's bytes (compact-log.ts)
 *   P phone:{id}:exp       set   index ids named in exposure uploads
 *   P phone:{id}:idx       list  index ids the phone is
 *   P phone:{id}:notes     list  notification JSON
 *   P index:{id}           hash  indexId phoneId role windowEnd windowStart (F1) createdAt
 *                                pushSeq pushSig (the latest push's windowStart and keys)
 *   P indexes              list  every index id, in creation order
 *   P cands:{indexId}      set   phones that named the index
 *   P seq                  string the last push seq
 *   P pushes               zset  push JSON scored by seq
 *   P stats                hash  uploads codes F0 F1 F2 notificationsSent pushes
 *   P conn                 hash  process id → "count:ms"
 *   P fail:{key}           string refused redemptions under a key: addr:{ip} or global
 *                                (expires with its window)
 *   P cred:{sha256}        hash  phoneId at: a phone's credential, by its secret's SHA-256
 */

/** Shared Lua: move a phone to a role and keep the per-role counts. */
const SET_ROLE = `
local function setRole(p, pk, role)
  local cur = redis.call('HGET', pk, 'role')
  if cur then redis.call('HINCRBY', p .. 'stats', cur, -1) end
  redis.call('HSET', pk, 'role', role)
  redis.call('HINCRBY', p .. 'stats', role, 1)
end
`;

/** ARGV: P code caseRef confirmedAt expiresAt issuedAt retentionSeconds → 1 | 0 */
export const INSERT_CODE = `
local p = ARGV[1]
local ck = p .. 'code:' .. ARGV[2]
if redis.call('EXISTS', ck) == 1 then return 0 end
redis.call('HSET', ck, 'caseRef', ARGV[3], 'confirmedAt', ARGV[4], 'expiresAt', ARGV[5],
  'issuedAt', ARGV[6], 'failures', 0)
redis.call('EXPIREAT', ck, tonumber(ARGV[5]) + tonumber(ARGV[7]))
redis.call('HINCRBY', p .. 'stats', 'codes', 1)
return 1
`;

/**
 * ARGV: P code phoneId now maxFailures indexId uploadToken tokenExpiresAt
 * → {'ok', windowEnd} | {reason}
 */
export const REDEEM_CODE = `${SET_ROLE}
local p, code, phone, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local ck = p .. 'code:' .. code
if redis.call('EXISTS', ck) == 0 then return {'unknown'} end
local c = redis.call('HMGET', ck, 'expiresAt', 'usedBy', 'failures', 'confirmedAt')
if (tonumber(c[3]) or 0) >= tonumber(ARGV[5]) then return {'locked'} end
if c[2] then
  redis.call('HINCRBY', ck, 'failures', 1)
  return {'used'}
end
if now >= tonumber(c[1]) then
  redis.call('HINCRBY', ck, 'failures', 1)
  return {'expired'}
end
local pk = p .. 'phone:' .. phone
if redis.call('HGET', pk, 'role') == 'F0' then return {'already_confirmed'} end
redis.call('HSET', ck, 'usedBy', phone)
local indexId = ARGV[6]
redis.call('HSET', p .. 'index:' .. indexId, 'indexId', indexId, 'phoneId', phone, 'role', 'F0',
  'windowEnd', c[4], 'createdAt', ARGV[4])
redis.call('RPUSH', p .. 'indexes', indexId)
redis.call('RPUSH', pk .. ':idx', indexId)
setRole(p, pk, 'F0')
local tk = p .. 'token:' .. ARGV[7]
redis.call('HSET', tk, 'indexId', indexId, 'phoneId', phone, 'expiresAt', ARGV[8])
redis.call('EXPIREAT', tk, tonumber(ARGV[8]) + 86400)
return {'ok', c[4]}
`;

/** ARGV: P phoneId scheme → {logVersion, 1 if the phone has another scheme else 0, log | nil} */
export const READ_LOG = `
local pk = ARGV[1] .. 'phone:' .. ARGV[2]
local h = redis.call('HMGET', pk, 'logVersion', 'scheme')
local other = 0
if h[2] and h[2] ~= ARGV[3] then other = 1 end
return {tonumber(h[1] or '0'), other, redis.call('GET', pk .. ':log')}
`;

/**
 * ARGV: P phoneId idempotencyKey uploadId kind scheme bodyHash receivedAt count refusedJson
 *       nExposures exposure… payload…
 * payload: for keys, unixDay key pairs; for log, the logVersion the merged log was read at and
 * the merged log (the phone's whole stored log after this upload).
 * → {'stored'} | {'replayed'|'conflict', uploadId, count, receivedAt, kind, refusedJson}
 *   | {'scheme_mismatch', scheme} | {'retry'} (the log changed since it was read: merge again)
 */
export const PUT_UPLOAD = `
local p, phone, key, uploadId, kind, scheme = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local ik = p .. 'idem:' .. phone .. ':' .. key
local prior = redis.call('HMGET', ik, 'uploadId', 'hash')
if prior[1] then
  local u = redis.call('HMGET', p .. 'upload:' .. prior[1], 'count', 'receivedAt', 'kind',
    'refused')
  local status = 'conflict'
  if prior[2] == ARGV[7] then status = 'replayed' end
  return {status, prior[1], u[1], u[2], u[3], u[4] or ''}
end
local pk = p .. 'phone:' .. phone
local had = redis.call('HGET', pk, 'scheme')
if had and had ~= scheme then return {'scheme_mismatch', had} end
local nExp = tonumber(ARGV[11])
local first = 12 + nExp
if kind == 'log' and (redis.call('HGET', pk, 'logVersion') or '0') ~= ARGV[first] then
  return {'retry'}
end
redis.call('HSET', ik, 'uploadId', uploadId, 'hash', ARGV[7])
redis.call('HSET', p .. 'upload:' .. uploadId, 'uploadId', uploadId, 'idempotencyKey', key,
  'phoneId', phone, 'kind', kind, 'count', ARGV[9], 'receivedAt', ARGV[8], 'refused', ARGV[10])
redis.call('HSET', pk, 'scheme', scheme)
for i = 12, 11 + nExp do
  redis.call('SADD', pk .. ':exp', ARGV[i])
  redis.call('SADD', p .. 'cands:' .. ARGV[i], phone)
end
if kind == 'keys' then
  for i = first, #ARGV, 2 do redis.call('HSET', pk .. ':keys', ARGV[i], ARGV[i + 1]) end
  redis.call('HINCRBY', pk, 'keysVersion', 1)
else
  redis.call('SET', pk .. ':log', ARGV[first + 1])
  redis.call('HINCRBY', pk, 'logVersion', 1)
end
redis.call('HINCRBY', p .. 'stats', 'uploads', 1)
return {'stored'}
`;

/**
 * ARGV: P indexId pushedAt windowDays → push JSON | nil (no key in the window, or the latest
 * push carried the same keys and windowStart). An F1's keys start at its windowStart's day.
 */
export const PUSH_INDEX = `
local p, indexId, pushedAt, windowDays = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local ik = p .. 'index:' .. indexId
local idx = redis.call('HMGET', ik, 'phoneId', 'role', 'windowEnd', 'pushSeq', 'windowStart',
  'pushSig')
if not idx[1] then return false end
-- Pushed before pushes carried their signature: pushed once, as then.
if idx[4] and not idx[6] then return false end
local pk = p .. 'phone:' .. idx[1]
local scheme = redis.call('HGET', pk, 'scheme')
if not scheme then return false end
local last = math.floor((tonumber(idx[3]) - 1) / 86400)
local first = last - windowDays + 1
if idx[5] then first = math.max(first, math.floor(tonumber(idx[5]) / 86400)) end
local all = redis.call('HGETALL', pk .. ':keys')
local days, keyOf = {}, {}
for i = 1, #all, 2 do
  local d = tonumber(all[i])
  if d >= first and d <= last then
    days[#days + 1] = d
    keyOf[d] = all[i + 1]
  end
end
if #days == 0 then return false end
table.sort(days)
local parts = {}
for i, d in ipairs(days) do
  parts[i] = '{"unixDay":' .. string.format('%d', d) .. ',"key":"' .. keyOf[d] .. '"}'
end
local keysJson = table.concat(parts, ',')
local start = ''
if idx[5] then start = ',"windowStart":' .. idx[5] end
local sig = start .. '|' .. keysJson
if idx[6] == sig then return false end
local seq = redis.call('INCR', p .. 'seq')
local json = '{"seq":' .. string.format('%d', seq) .. ',"indexId":"' .. indexId ..
  '","role":"' .. idx[2] .. '","scheme":"' .. scheme .. '","windowEnd":' .. idx[3] .. start ..
  ',"keys":[' .. keysJson .. '],"pushedAt":' .. pushedAt .. '}'
redis.call('ZADD', p .. 'pushes', seq, json)
redis.call('HSET', ik, 'pushSeq', seq, 'pushSig', sig)
redis.call('HINCRBY', p .. 'stats', 'pushes', 1)
return json
`;

/** ARGV: P indexId windowStart → 1 (lowered) | 0 (no F1 index, or not earlier) */
export const LOWER_WINDOW_START = `
local ik = ARGV[1] .. 'index:' .. ARGV[2]
local cur = redis.call('HGET', ik, 'windowStart')
if not cur or tonumber(ARGV[3]) >= tonumber(cur) then return 0 end
redis.call('HSET', ik, 'windowStart', ARGV[3])
return 1
`;

/** ARGV: P phoneId role notificationJson newIndexId windowEnd createdAt windowStart → 1 | 0 */
export const NOTIFY = `${SET_ROLE}
local rank = { F2 = 1, F1 = 2, F0 = 3 }
local p, phone, role = ARGV[1], ARGV[2], ARGV[3]
local pk = p .. 'phone:' .. phone
local cur = redis.call('HGET', pk, 'role')
if rank[role] <= (cur and rank[cur] or 0) then return 0 end
setRole(p, pk, role)
redis.call('RPUSH', pk .. ':notes', ARGV[4])
redis.call('HINCRBY', p .. 'stats', 'notificationsSent', 1)
if role == 'F1' and ARGV[5] ~= '' then
  local indexId = ARGV[5]
  redis.call('HSET', p .. 'index:' .. indexId, 'indexId', indexId, 'phoneId', phone,
    'role', 'F1', 'windowEnd', ARGV[6], 'createdAt', ARGV[7], 'windowStart', ARGV[8])
  redis.call('RPUSH', p .. 'indexes', indexId)
  redis.call('RPUSH', pk .. ':idx', indexId)
end
return 1
`;

/** ARGV: P key now windowSeconds → count */
export const NOTE_FAILURE = `
local k = ARGV[1] .. 'fail:' .. ARGV[2]
local n = redis.call('INCR', k)
if n == 1 then redis.call('EXPIRE', k, tonumber(ARGV[4])) end
return n
`;

/**
 * Retention of one phone. ARGV: P phoneId firstDay cutoff → {keys deleted, notifications
 * deleted}: keys of days before firstDay, notifications sent before cutoff (unix seconds).
 */
export const RETAIN_PHONE = `
local p, phone, firstDay, cutoff = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local pk = p .. 'phone:' .. phone
local all = redis.call('HGETALL', pk .. ':keys')
local nk = 0
for i = 1, #all, 2 do
  if tonumber(all[i]) < firstDay then
    redis.call('HDEL', pk .. ':keys', all[i])
    nk = nk + 1
  end
end
local notes = redis.call('LRANGE', pk .. ':notes', 0, -1)
local keep = {}
for _, n in ipairs(notes) do
  local at = tonumber(string.match(n, '"notifiedAt":(%d+)'))
  if at == nil or at >= cutoff then keep[#keep + 1] = n end
end
if #keep < #notes then
  redis.call('DEL', pk .. ':notes')
  for _, n in ipairs(keep) do redis.call('RPUSH', pk .. ':notes', n) end
end
return {nk, #notes - #keep}
`;

/** ARGV: P phoneId logVersion log → 1 (the pruned log stored) | 0 (changed since it was read) */
export const PRUNE_LOG = `
local pk = ARGV[1] .. 'phone:' .. ARGV[2]
if (redis.call('HGET', pk, 'logVersion') or '0') ~= ARGV[3] then return 0 end
redis.call('SET', pk .. ':log', ARGV[4])
redis.call('HINCRBY', pk, 'logVersion', 1)
return 1
`;

/** ARGV: P indexId → 1: the index person, its candidates and every mention of it deleted */
export const DROP_INDEX = `
local p, id = ARGV[1], ARGV[2]
local ik = p .. 'index:' .. id
local phone = redis.call('HGET', ik, 'phoneId')
if not phone then return 0 end
for _, c in ipairs(redis.call('SMEMBERS', p .. 'cands:' .. id)) do
  redis.call('SREM', p .. 'phone:' .. c .. ':exp', id)
end
redis.call('DEL', ik, p .. 'cands:' .. id)
redis.call('LREM', p .. 'indexes', 0, id)
redis.call('LREM', p .. 'phone:' .. phone .. ':idx', 0, id)
return 1
`;
