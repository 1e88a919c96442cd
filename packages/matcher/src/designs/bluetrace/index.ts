import { connectRedis } from "../../store/redis/connect.js";
import type { DesignModule } from "../types.js";
import { BtFlow } from "./flow.js";
import { BtMemoryStore } from "./memory-store.js";
import { BLUETRACE_DOC } from "./openapi.js";
import { BtRedisStore } from "./redis-store.js";
import { registerBlueTraceRoutes } from "./routes.js";

/** How long the HA's request for an F1's log stays open: a day, as an F0's upload token. */
const GRANT_TTL_SECONDS = 86_400;

/** BlueTrace: the central server that holds the key to every TempID (OpenTrace). */
export const bluetraceDesign: DesignModule = {
  openapi: BLUETRACE_DOC,
  async mount(m) {
    const o = m.http.options;
    const client =
      typeof o.store === "string" && o.store !== "memory"
        ? await connectRedis(o.store, (err) => m.onError(err, "redis (bluetrace)"))
        : null;
    const store =
      client === null ? new BtMemoryStore() : new BtRedisStore(client, `${o.redisPrefix}bt:`);
    const flow = new BtFlow({
      store,
      params: o.params,
      clock: o.clock,
      grantTtlSeconds: GRANT_TTL_SECONDS,
      notified: m.notified,
      onError: m.onError,
    });
    registerBlueTraceRoutes(m.app, m.http, store, flow);
    return {
      idle: () => flow.idle(),
      privacy: () => store.privacy(),
      storageBytes: () => store.storageBytes(),
      close: async () => {
        await flow.idle();
        await store.close();
        if (client?.isOpen) await client.close().catch(() => client.destroy());
      },
    };
  },
};
