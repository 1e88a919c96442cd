export {
  type RedeemedCode,
  type RegisteredPhone,
  redeemF0Code,
  registerPhone,
} from "./f0-code.js";
export { freePort } from "./free-port.js";
export { ownLog, randomDailyKeys } from "./own-log.js";
export { type JsonReply, postJson } from "./post-json.js";
export { openFileLimit, rssBytes } from "./proc.js";
export { type RedisInfo, redisCommand } from "./redis-command.js";
export { type RedisServer, type StartRedisOptions, startRedis } from "./redis-server.js";
export { type NodeRun, type RunNodeOptions, runNode } from "./run-node.js";
export { type ServeProcess, type ServeProcessOptions, startServeProcess } from "./serve-process.js";
export { type StartServeOptions, startServe, TRACEBED_CLI } from "./tracebed-serve.js";
export {
  type UploadBurstOptions,
  type UploadBurstResult,
  type UploadKind,
  uploadBurst,
} from "./upload-burst.js";
