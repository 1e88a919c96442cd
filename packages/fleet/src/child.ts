// A fleet process forked by load.ts: started, told to confirm its F0, then to close.

import { startDesignProcess } from "./designs/index.js";
import type { FleetEvent } from "./events.js";
import type { FleetProcess, FleetProcessOptions } from "./fleet-process.js";

let fleet: FleetProcess | null = null;
const send = (e: FleetEvent | { type: "started" }) => process.send?.(e);

process.on(
  "message",
  async (
    m:
      | { type: "start"; options: FleetProcessOptions }
      | { type: "confirm"; startedAt: number }
      | { type: "close" },
  ) => {
    try {
      if (m.type === "start") {
        fleet = await startDesignProcess(m.options, send);
        send({ type: "started" });
      } else if (m.type === "confirm") {
        await fleet!.confirmF0(m.startedAt);
      } else {
        await fleet?.close();
        process.disconnect?.();
        process.exit(0);
      }
    } catch (err) {
      send({ type: "error", message: (err as Error).message });
      if (m.type === "confirm") send({ type: "f0-done" });
      if (m.type === "start") process.exit(1);
    }
  },
);
