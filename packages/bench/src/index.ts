// The one benchmark runner (docs/BENCHMARKS.md, "How to add a benchmark"): a case is a named
// measurement; the runner runs it N times and reports the median of every figure.
export type { BenchCase, BenchOptions, BenchRegistry, CaseReport } from "./case.js";
export { type BenchArgs, type BenchDocument, benchMain, parseBenchArgs } from "./cli.js";
export { machine } from "./machine.js";
export { median, medianOf } from "./median.js";
// What a measurement starts and reads: a Node server waited for until it listens, a real
// redis-server, /proc; and the phones' side of an upload burst (tests use them via testkit).
export {
  type RedeemedCode,
  type RegisteredPhone,
  redeemF0Code,
  registerPhone,
} from "./phones/f0-code.js";
export { ownLog, randomDailyKeys } from "./phones/own-log.js";
export { type JsonReply, postJson } from "./phones/post-json.js";
export {
  type UploadBurstOptions,
  type UploadBurstResult,
  type UploadKind,
  uploadBurst,
} from "./phones/upload-burst.js";
export { freePort } from "./processes/free-port.js";
export { openFileLimit, rssBytes } from "./processes/proc.js";
export { type RedisInfo, redisCommand } from "./processes/redis-command.js";
export {
  type RedisServer,
  type StartRedisOptions,
  startRedis,
} from "./processes/redis-server.js";
export {
  type ServeProcess,
  type ServeProcessOptions,
  startServeProcess,
} from "./processes/serve-process.js";
export { pick, type RunOptions, runCase, runCases } from "./run.js";
export { figures, reportTable } from "./table.js";
