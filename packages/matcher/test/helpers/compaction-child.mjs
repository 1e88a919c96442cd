// A store in a process of its own that dies by SIGKILL at one step of a compaction:
//   node compaction-child.mjs DIR STEP
// It uploads, starts a compaction, keeps uploading while it runs, and at STEP uploads a few
// more and kills itself. Each acknowledged uploadId is written to stdout as it is acknowledged.
// Uses the built package (npx tsc -b packages/matcher).
import { writeSync } from "node:fs";
import { MemoryStore } from "../../dist/index.js";

const [dir, step] = process.argv.slice(2);
const NOW = Math.floor(Date.now() / 1000);
const hex = (n, bytes) => (n % 256).toString(16).padStart(2, "0").repeat(bytes);
let n = 0;

function put(store) {
  const i = n++;
  const log = Array.from({ length: 300 }, (_, k) => ({
    ownId: hex(i, 12),
    contactId: hex(k, 12),
    rssi: -60,
    txPower: -8,
    timestamp: NOW - 600 * (k + 1) - (i % 60),
  }));
  const uploadId = `upload-${i}-xxxxx`;
  return store
    .putUpload({
      uploadId,
      kind: "log",
      phoneId: `phone-${i % 50}`,
      idempotencyKey: `idem-${i}-xxxxxxxxxxxx`,
      scheme: "bluezone",
      bodyHash: `hash-${i}`,
      receivedAt: NOW,
      windowDays: 14,
      exposures: [],
      log,
    })
    .then(() => writeSync(1, `${uploadId}\n`));
}

const store = await MemoryStore.open({
  dataDir: dir,
  compactAfterBytes: 0,
  failpoint: async (at) => {
    if (at !== step) return;
    for (let i = 0; i < 20; i++) await put(store);
    for (let i = 0; i < 10; i++) void put(store); // in flight when it dies
    process.kill(process.pid, "SIGKILL");
  },
});
for (let i = 0; i < 200; i++) await put(store);
let compacting = true;
const stop = () => {
  compacting = false;
};
store.compact().then(stop, stop);
while (compacting) await put(store);
writeSync(2, "the compaction finished without reaching its step\n");
process.exit(3);
