import type { DesignModule } from "../types.js";
import { bluezonePhoneCrypto, bluezonePrivacy } from "./privacy.js";

/**
 * Bluezone's hybrid flow: its routes and flow are the matcher's own (http/, flow/), so its
 * server side is a view over the matcher's store, which the matcher opens and closes.
 */
export const bluezone: DesignModule = {
  openapi: null,
  async mount({ http }) {
    const { store } = http;
    return {
      privacy: () => bluezonePrivacy(store),
      phoneCrypto: () => bluezonePhoneCrypto(store),
      // The memory store's files (snapshot and journal since): the seam /metrics reads too.
      storageBytes: async () => {
        const f = store.storageFigures?.();
        return f === undefined ? null : f.snapshotBytes + f.journalBytes;
      },
      idle: async () => {},
      close: async () => {},
    };
  },
};
