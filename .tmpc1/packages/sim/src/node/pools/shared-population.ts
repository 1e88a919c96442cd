import type { Clusters, Population } from "../../core/index.js";

/** A copy of a typed array on a SharedArrayBuffer, so worker threads read it without copies. */
function share<T extends Uint8Array | Uint32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

function shareClusters(c: Clusters): Clusters {
  return { members: share(c.members), start: share(c.start), memberContacts: c.memberContacts };
}

/** The population moved onto shared memory (structured-clone keeps SharedArrayBuffers shared). */
export function sharePopulation(p: Population): Population {
  return {
    size: p.size,
    regionStart: share(p.regionStart),
    householdStart: share(p.householdStart),
    ageBand: share(p.ageBand),
    flags: share(p.flags),
    groups: share(p.groups),
    installDay: share(p.installDay),
    clusters: p.clusters.map(shareClusters),
    tickets: share(p.tickets),
    ticketStart: share(p.ticketStart),
  };
}
