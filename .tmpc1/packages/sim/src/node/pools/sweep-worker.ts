import { parentPort } from "node:worker_threads";
import { type SimConfig, simulate } from "../../core/index.js";

/** A worker thread running whole simulations for the sweep pool. */
parentPort!.on("message", async (msg: { id: number; config: SimConfig }) => {
  const { result } = await simulate(msg.config);
  parentPort!.postMessage({ id: msg.id, result });
});
