import { unixSeconds } from "../../clock.js";
import { logRetainedFrom } from "../../store/common/log-retention.js";
import { DEFAULT_DATA_DIR } from "../../store/open.js";
import { connectRedis } from "../../store/redis/connect.js";
import type { DesignModule } from "../types.js";
import { BtFlow } from "./flow.js";
import { BtMemoryStore } from "./memory-store.js";
import { BLUETRACE_DOC } from "./openapi.js";
import { BtRedisStore } from "./redis-store.js";
import { registerBlueTraceRoutes } from "./routes.js";

/** How long the HA's request for an F1's log stays open: a day, as an F0's upload token. */
const GRANT_TTL_SECONDS = 86_400;
const RETENTION_EVERY_MS = 3_600_000;
const PHONE_CRYPTO = "none: the server decrypts each uploaded TempID (AES-256-GCM)";

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
      client === null
        ? await BtMemoryStore.open(o.dataDir === undefined ? DEFAULT_DATA_DIR : o.dataDir)
        : new BtRedisStore(client, `${o.redisPrefix}bt:`);
    const flow = new BtFlow({
      store,
      params: o.params,
      clock: o.clock,
      grantTtlSeconds: GRANT_TTL_SECONDS,
      notified: m.notified,
      onError: m.onError,
    });
    registerBlueTraceRoutes(m.app, m.http, store, flow);
    // Nothing older than the window (+ a day, as Bluezone's logs) is kept: swept every hour.
    const sweep = () => {
      const now = unixSeconds(o.clock);
      store
        .retain(logRetainedFrom(now, o.params.windowDays), now)
        .catch((err: unknown) => m.onError(err, "bluetrace retention"));
    };
    sweep();
    const retention = setInterval(sweep, RETENTION_EVERY_MS);
    retention.unref();
    return {
      idle: () => flow.idle(),
      privacy: () => store.privacy(),
      storageBytes: () => store.storageBytes(),
      // Phones only advertise and log what they hear: the server opens every TempID.
      phoneCrypto: async () => ({ perPhone: 0, operation: PHONE_CRYPTO }),
      close: async () => {
        clearInterval(retention);
        await flow.idle();
        await store.close();
        if (client?.isOpen) await client.close().catch(() => client.destroy());
      },
    };
  },
};
