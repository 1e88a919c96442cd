import type { MatcherDesign } from "../types.js";
import { BtFlow } from "./flow.js";
import { BtMemoryStore } from "./memory-store.js";
import { BLUETRACE_DOC } from "./openapi.js";
import { BtRedisStore } from "./redis-store.js";
import { registerBlueTraceRoutes } from "./routes.js";

/** How long the HA's request for an F1's log stays open: a day, as an F0's upload token. */
const GRANT_TTL_SECONDS = 86_400;

/** BlueTrace: the central server that holds the key to every TempID (OpenTrace). */
export const bluetraceDesign: MatcherDesign = {
  name: "bluetrace",
  doc: BLUETRACE_DOC,
  async mount(m) {
    const store =
      m.redis === null
        ? new BtMemoryStore()
        : new BtRedisStore(m.redis.client, `${m.redis.prefix}bt:`);
    const flow = new BtFlow({
      store,
      params: m.http.options.params,
      clock: m.http.options.clock,
      grantTtlSeconds: GRANT_TTL_SECONDS,
      notified: m.notified,
      onError: m.onError,
    });
    registerBlueTraceRoutes(m.app, m.http, store, flow);
    return {
      idle: () => flow.idle(),
      privacy: () => store.privacy(),
      close: async () => {
        await flow.idle();
        await store.close();
      },
    };
  },
};
