// What tests start and stop: the real processes and phone calls of @tracebed/bench (where
// `tracebed bench` takes them from), and the tests' own conveniences: the repository's built
// CLI as `tracebed serve` and a whole CLI run.
export {
  freePort,
  ownLog,
  postJson,
  type RedeemedCode,
  type RedisServer,
  type RegisteredPhone,
  randomDailyKeys,
  redeemF0Code,
  redisCommand,
  registerPhone,
  type ServeProcess,
  type ServeProcessOptions,
  type StartRedisOptions,
  startRedis,
  startServeProcess,
} from "@tracebed/bench";
export { type NodeRun, type RunNodeOptions, runNode } from "./run-node.js";
export { type StartServeOptions, startServe, TRACEBED_CLI } from "./tracebed-serve.js";
