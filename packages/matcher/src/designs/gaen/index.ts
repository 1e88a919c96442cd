import { exportPublicKeyPem, exportSigner, generateExportKeyPair } from "@tracebed/protocol/node";
import type { DesignModule } from "../types.js";
import { ExportBatcher } from "./batcher.js";
import { GaenMemoryStore } from "./memory-store.js";
import { GAEN_OPENAPI } from "./openapi.js";
import { gaenPhoneCrypto } from "./phone-crypto.js";
import { GaenRedisStore } from "./redis-store.js";
import { registerGaenRoutes } from "./routes.js";
import type { GaenStore } from "./store.js";

/** GAEN / DP-3T: uploaded keys published as signed export files; phones decide. */
export const gaen: DesignModule = {
  openapi: GAEN_OPENAPI,
  async mount({ app, http, onError }) {
    const o = http.options;
    const store: GaenStore =
      typeof o.store === "string" && o.store !== "memory"
        ? await GaenRedisStore.open(o.store, o.redisPrefix, (err) => onError(err, "redis (gaen)"))
        : new GaenMemoryStore();
    if (store.kind === "memory" && o.dataDir !== null) {
      o.warn(
        "warning: design gaen keeps its keys and exports in memory only (not in the data directory): they do not survive a restart; use --store redis://… to keep them",
      );
    }
    try {
      const privateKeyPem =
        o.gaen.signingKeyPem ??
        (await store.signingKey(() => generateExportKeyPair().privateKeyPem));
      const publicKeyPem = exportPublicKeyPem(privateKeyPem);
      registerGaenRoutes(app, { http, store, publicKeyPem });
      const batcher = new ExportBatcher(
        store,
        o.gaen,
        o.clock,
        exportSigner(privateKeyPem),
        onError,
      );
      batcher.start();
      return {
        privacy: () => store.privacy(),
        phoneCrypto: () => gaenPhoneCrypto(store),
        storageBytes: () => store.storageBytes(),
        idle: () => batcher.tick(),
        async close() {
          await batcher.stop();
          await store.close();
        },
      };
    } catch (err) {
      await store.close();
      throw err;
    }
  },
};
