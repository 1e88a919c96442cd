import { createClient, TimeoutError } from "redis";
import { StoreUnavailableError } from "../common/errors.js";

export type RedisClient = ReturnType<typeof createClient>;

/** How node-redis words a connection lost under a command. */
const CONNECTION_LOST =
  /Socket closed unexpectedly|ECONNRESET|ECONNREFUSED|EPIPE|client is closed|client is offline|Disconnects client/i;

/** Whether an error means Redis went away (the command's effect is unknown: retry later). */
export function isConnectionLost(err: unknown): boolean {
  return CONNECTION_LOST.test(String((err as Error)?.message)) || err instanceof TimeoutError;
}

export function unavailable(): StoreUnavailableError {
  return new StoreUnavailableError("Redis is unreachable, retry");
}

/** The client options of every connection the store makes. */
function clientOptions(url: string, timeoutMs: number, connected: () => boolean) {
  return {
    url,
    // While Redis is away, commands fail at once (uploads are refused with 503 and retried by
    // the phone) instead of queueing without bound.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: timeoutMs,
      // Until connected, a few retries, then give up; once connected, reconnect for ever.
      reconnectStrategy: (n: number) =>
        !connected() && n >= 5 ? new Error("gave up") : Math.min(50 * 2 ** n, 2_000),
    },
  };
}

/** Connects a node-redis client, or fails within `timeoutMs` with a one-line error. */
export async function connectRedis(
  url: string,
  onError: (err: Error) => void = () => {},
  timeoutMs = 5_000,
): Promise<RedisClient> {
  let connected = false;
  const client = createClient(clientOptions(url, timeoutMs, () => connected));
  client.on("error", (err: Error) => {
    if (connected) onError(err);
  });
  await within(client.connect(), url, timeoutMs, () => {
    if (client.isOpen) client.destroy();
  });
  connected = true;
  return client;
}

async function within(
  connecting: Promise<unknown>,
  url: string,
  timeoutMs: number,
  giveUp: () => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const message = `cannot reach Redis at ${redactUrl(url)}`;
  try {
    await Promise.race([
      connecting,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), timeoutMs);
      }),
    ]);
  } catch {
    connecting.catch(() => {});
    giveUp();
    throw new Error(message);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
