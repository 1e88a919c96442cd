export type { Clock } from "./clock.js";
export {
  bluezonePhoneCrypto,
  bluezonePrivacy,
  type PhoneCrypto,
  type PrivacyCounts,
} from "./designs/bluezone/privacy.js";
export type { FlowEvents } from "./flow/matching.js";
export { firstForeignOwnId } from "./flow/own-ids.js";
export { buildOpenApi, ROUTES } from "./http/openapi.js";
export { secretHash } from "./http/phone-auth.js";
export { createMatcher, type Matcher, type MatcherAddress } from "./matcher.js";
export { Metrics } from "./metrics.js";
export {
  type BodyLimits,
  ConfigError,
  DEFAULT_BODY_LIMITS,
  DEFAULT_F1_PUSH_HOLD_MS,
  DEFAULT_RATE_LIMITS,
  DEFAULT_REDEEM_LIMITS,
  DEV_HA_TOKEN,
  type MatcherOptions,
  type RateLimits,
  type RedeemLimits,
  resolveHaToken,
} from "./options.js";
export { type BucketSpec, RateLimiter } from "./rate-limit.js";
export { StoreUnavailableError } from "./store/common/errors.js";
export * from "./store/common/types.js";
export type { CompactionReport, CompactionStep, Failpoint } from "./store/memory/compaction.js";
export { DataDirInUseError, LOCK_FILE } from "./store/memory/dir-lock.js";
export { JOURNAL_FILE, Journal, JournalError } from "./store/memory/journal.js";
export {
  DEFAULT_COMPACT_AFTER_BYTES,
  MemoryStore,
  type MemoryStoreHooks,
  type MemoryStoreOptions,
  type StorageFigures,
} from "./store/memory/memory.js";
export type { RecoveryStats } from "./store/memory/recover.js";
export { SnapshotError } from "./store/memory/snapshot.js";
export { DEFAULT_DATA_DIR, isStoreSpec, openStore, type StoreSpec } from "./store/open.js";
export { connectRedis, RedisStore, redactUrl } from "./store/redis/redis.js";
