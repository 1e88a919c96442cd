import { createConnection } from "node:net";

/** One Redis command (inline form) on a fresh connection to 127.0.0.1; the raw reply. */
export function redisCommand(port: number, command: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let data = "";
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`redis ${command}: timed out`));
    });
    socket.on("error", reject);
    socket.on("connect", () => socket.write(`${command}\r\n`));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      data += chunk;
      if (data.startsWith("$")) {
        // A bulk string: its length in bytes, then the bytes (INFO's text is ASCII).
        const nl = data.indexOf("\r\n");
        const len = Number(data.slice(1, nl));
        if (Buffer.byteLength(data) >= nl + 2 + len + 2) {
          socket.end();
          resolve(data.slice(nl + 2, nl + 2 + len));
        }
      } else if (data.includes("\r\n")) {
        socket.end();
        resolve(data.trim());
      }
    });
  });
}

export interface RedisInfo {
  commands: number;
  netInputBytes: number;
  netOutputBytes: number;
  usedMemoryBytes: number;
}

/** The counters of `INFO` a benchmark reads. */
export async function redisInfo(port: number): Promise<RedisInfo> {
  const text = await redisCommand(port, "INFO");
  const n = (k: string) => Number(new RegExp(`^${k}:(\\d+)`, "m").exec(text)?.[1] ?? 0);
  return {
    commands: n("total_commands_processed"),
    netInputBytes: n("total_net_input_bytes"),
    netOutputBytes: n("total_net_output_bytes"),
    usedMemoryBytes: n("used_memory"),
  };
}
