// What the Redis store benches share: a stored upload record and a count of the requests a
// store sends Redis.
export const NOW = Math.floor(Date.now() / 1000);
export const DAY = Math.floor(NOW / 86_400);
const hex = (i, bytes) => (i % 256).toString(16).padStart(2, "0").repeat(bytes);

/**
 * A keys or log upload as the store keeps it: 14 daily keys, or 20 sightings, made from `i`;
 * `id` names the upload and its idempotency key.
 */
export function uploadRecord({ id, kind, phoneId, i, exposures = [] }) {
  return {
    uploadId: `u${id}`,
    kind,
    phoneId,
    idempotencyKey: `k${id}`.padEnd(16, "0"),
    scheme: "bluezone",
    bodyHash: "h".repeat(64),
    receivedAt: NOW,
    windowDays: 14,
    exposures,
    ...(kind === "keys"
      ? {
          keys: Array.from({ length: 14 }, (_, d) => ({ unixDay: DAY - d, key: hex(i + d, 32) })),
          refused: [],
        }
      : {
          log: Array.from({ length: 20 }, (_, e) => ({
            ownId: hex(i, 12),
            contactId: hex(e + 7, 12),
            rssi: -60,
            txPower: -8,
            timestamp: NOW - 3_600 + e,
          })),
        }),
  };
}

/**
 * Counts what `store` sends Redis from now on (each command or script call; a MULTI block is
 * one) into `counter.requests`.
 */
export function countRequests(store, counter) {
  const send = store.client.sendCommand.bind(store.client);
  store.client.sendCommand = (...args) => {
    counter.requests++;
    return send(...args);
  };
}
