import { exportPublicKeyPem, exportSigner, generateExportKeyPair } from "@tracebed/protocol/node";
import type { Resolved } from "../../options.js";
import { DEFAULT_DATA_DIR } from "../../store/open.js";
import type { DesignModule } from "../types.js";
import { ExportBatcher } from "./batcher.js";
import { GaenMemoryStore } from "./memory-store.js";
import { GAEN_OPENAPI } from "./openapi.js";
import { gaenPhoneCrypto } from "./phone-crypto.js";
import { GaenRedisStore } from "./redis-store.js";
import { registerGaenRoutes } from "./routes.js";
import type { GaenStore } from "./store.js";

/**
 * Where the memory store keeps its journal and signing key: the matcher's data directory
 * (its memory store's, which holds the directory's lock), none when the matcher was handed a
 * store instance or no directory.
 */
function memoryDataDir(o: Resolved): string | null {
  if (typeof o.store !== "string") return null;
  return o.dataDir === undefined ? DEFAULT_DATA_DIR : o.dataDir;
}

/** GAEN / DP-3T: uploaded keys published as signed export files; phones decide. */
export const gaen: DesignModule = {
  openapi: GAEN_OPENAPI,
  async mount({ app, http, onError }) {
    const o = http.options;
    const store: GaenStore =
      typeof o.store === "string" && o.store !== "memory"
        ? await GaenRedisStore.open(o.store, o.redisPrefix, (err) => onError(err, "redis (gaen)"))
        : await GaenMemoryStore.open(memoryDataDir(o));
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
        o.params.windowDays,
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
