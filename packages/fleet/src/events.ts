/** What a fleet process reports to the run (in-process callback or IPC). */
export type FleetEvent =
  | { type: "ready"; phones: number; sightings: number }
  | { type: "confirmed"; agent: number; indexId: string; at: number }
  | { type: "notified"; agent: number; role: "F1" | "F2"; indexId: string; at: number }
  | { type: "sent"; kind: "keys" | "log" }
  | { type: "acked"; uploadId: string }
  | { type: "f0-done" }
  /** A GAEN process still waits for its uploads to be published (keeps the run from ending). */
  | { type: "waiting" }
  | { type: "error"; message: string };

export type EmitEvent = (e: FleetEvent) => void;
