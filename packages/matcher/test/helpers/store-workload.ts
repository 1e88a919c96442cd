// A deterministic mix of every store mutation (codes, redemptions and refusals, key and log
// uploads of two schemes, exposures, pushes, notifications and upgrades), and every read of
// what it left: two stores given the same parts must answer the same.
import type { LogEntry, Notification, SchemeName } from "@tracebed/protocol";
import type { MatcherStore, NewUpload } from "../../src/index.js";

export const NOW = Math.floor(Date.now() / 1000);
const DAY = Math.floor(NOW / 86_400);

/** What a workload made, so that every record can be read back. */
export interface Ledger {
  readonly phones: Set<string>;
  readonly uploads: string[];
  readonly tokens: string[];
  readonly codes: string[];
}

export const newLedger = (): Ledger => ({ phones: new Set(), uploads: [], tokens: [], codes: [] });

const hex = (n: number, bytes: number) => (n % 256).toString(16).padStart(2, "0").repeat(bytes);
const KEY = (n: number, bytes = 32) => hex(n, bytes);

function entry(i: number, idBytes: number, fractional: boolean): LogEntry {
  return {
    ownId: hex(1 + (i % 7), idBytes),
    contactId: hex(i, idBytes),
    rssi: fractional ? -50.25 - (i % 5) : -50 - (i % 40),
    txPower: -8,
    timestamp: NOW - 3_600 * (1 + (i % 300)),
  };
}

function note(role: "F1" | "F2", indexId: string, id: string, at: number): Notification {
  return {
    notificationId: id,
    role,
    indexId,
    bestDay: DAY - 1,
    exposureDay: DAY - 1,
    closeSeconds: 900,
    notifiedAt: at,
  };
}

/** Part `p` of the workload; parts may follow each other on one store. */
export async function workload(store: MatcherStore, p: number, ledger: Ledger): Promise<void> {
  let u = 0;
  const upload = (
    phoneId: string,
    kind: "keys" | "log",
    scheme: SchemeName,
    over: Partial<NewUpload>,
  ): Promise<unknown> => {
    const n = `${p}-${u++}`;
    const up: NewUpload = {
      uploadId: `upload-${n}-xxxx`,
      kind,
      phoneId,
      idempotencyKey: `idem-${n}-xxxxxxxxxxxx`,
      scheme,
      bodyHash: `hash-${n}`,
      receivedAt: NOW + p,
      windowDays: 14,
      exposures: [],
      ...over,
    };
    ledger.uploads.push(up.uploadId);
    ledger.phones.add(phoneId);
    return store.putUpload(up);
  };
  const keys = (k: number, bytes = 32) =>
    Array.from({ length: 14 }, (_, d) => ({ unixDay: DAY - 13 + d, key: KEY(k + d, bytes) }));
  const log = (from: number, n: number, idBytes = 12, fractional = false) =>
    Array.from({ length: n }, (_, i) => entry(from + i, idBytes, fractional));

  // Codes: one redeemed, one refused twice, one expired, one left live.
  const c = (i: number) => `${p}${i}`.padStart(6, "0");
  for (let i = 0; i < 4; i++) {
    await store.insertCode({
      code: c(i),
      caseRef: `case/${p}/${i}`,
      confirmedAt: NOW - 60,
      expiresAt: i === 2 ? NOW - 1 : NOW + 3_600,
      issuedAt: NOW - 100,
    });
    ledger.codes.push(c(i));
  }
  const f0 = `phone-f0-${p}`;
  const redeem = (code: string, phoneId: string, i: number) => {
    const token = `token-${p}-${i}-xxxxxxxxxxxxxxxx`;
    ledger.tokens.push(token);
    return store.redeemCode({
      code,
      phoneId,
      now: NOW,
      maxCodeFailures: 3,
      indexId: `index-${p}-${i}-xxxx`,
      uploadToken: token,
      tokenExpiresAt: NOW + 86_400,
    });
  };
  await redeem(c(0), f0, 0);
  await redeem(c(0), `phone-late-${p}`, 1); // used: counts a failure
  await redeem(c(2), `phone-late-${p}`, 2); // expired
  const f0Index = `index-${p}-0-xxxx`;

  await upload(f0, "keys", "bluezone", { keys: keys(p) });
  await upload(f0, "log", "bluezone", { log: log(p * 10, 50, 12, true) });
  // Contacts: overlapping logs (merged), an entry past retention (pruned), a GAEN phone.
  for (let i = 0; i < 8; i++) {
    const phone = `phone-${p}-${i}`;
    const scheme: SchemeName = i === 7 ? "gaen" : "bluezone";
    const idBytes = scheme === "gaen" ? 16 : 12;
    await upload(phone, "keys", scheme, {
      keys: keys(p + i, scheme === "gaen" ? 16 : 32),
      exposures: [f0Index],
    });
    const old = { ...entry(999, idBytes, false), timestamp: NOW - 20 * 86_400 };
    await upload(phone, "log", scheme, {
      log: [...log(i * 3, 40, idBytes), old],
      exposures: [f0Index],
    });
    await upload(phone, "log", scheme, { log: log(i * 3 + 20, 40, idBytes), exposures: [] });
  }
  // Phones of earlier parts upload again (their records change after a snapshot).
  if (p > 0) {
    await upload(`phone-${p - 1}-0`, "log", "bluezone", { log: log(500 + p, 30) });
    await upload(`phone-${p - 1}-1`, "keys", "bluezone", { keys: keys(100 + p) });
  }
  await store.pushIndex(f0Index, NOW + p, 14);
  const f1 = `phone-${p}-0`;
  await store.notify({
    phoneId: f1,
    notification: note("F1", f0Index, `note-${p}-0-xxxxx`, NOW + p),
    newIndex: {
      indexId: `index-f1-${p}-xxx`,
      windowEnd: NOW + p,
      windowStart: (Math.floor(NOW / 86_400) - 1) * 86_400,
      createdAt: NOW + p,
    },
  });
  await store.notify({
    phoneId: `phone-${p}-1`,
    notification: note("F2", `index-f1-${p}-xxx`, `note-${p}-1-xxxxx`, NOW + p),
    newIndex: null,
  });
  await store.notify({
    phoneId: `phone-${p}-2`,
    notification: note("F2", `index-f1-${p}-xxx`, `note-${p}-2-xxxxx`, NOW + p),
    newIndex: null,
  });
  // An F2 found F1 later.
  await store.notify({
    phoneId: `phone-${p}-2`,
    notification: note("F1", f0Index, `note-${p}-3-xxxxx`, NOW + p + 1),
    newIndex: {
      indexId: `index-f1b-${p}-xx`,
      windowEnd: NOW + p,
      windowStart: (Math.floor(NOW / 86_400) - 2) * 86_400,
      createdAt: NOW + p + 1,
    },
  });
  await store.pushIndex(`index-f1-${p}-xxx`, NOW + p + 2, 14);
  await store.lowerWindowStart(`index-f1-${p}-xxx`, (Math.floor(NOW / 86_400) - 3) * 86_400);
  await store.pushIndex(`index-f1-${p}-xxx`, NOW + p + 3, 14);
}

/** Every read of what the ledger names, in a stable order. */
export async function readAll(store: MatcherStore, ledger: Ledger) {
  const phones = [...ledger.phones].sort();
  const indexIds = await store.listIndexIds();
  return {
    stats: await store.stats(),
    phones: await Promise.all(
      phones.map(async (id) => ({
        phone: await store.getPhone(id),
        log: await store.getLog(id),
        notes: await store.notificationsOf(id),
      })),
    ),
    uploads: await Promise.all(ledger.uploads.map((id) => store.getUpload(id))),
    tokens: await Promise.all(ledger.tokens.map((t) => store.getUploadToken(t))),
    indexIds,
    indexes: await Promise.all(
      indexIds.map(async (id) => ({
        index: await store.getIndex(id),
        candidates: await store.candidatesOf(id),
      })),
    ),
    pushes: JSON.stringify(await store.listPushes(0, 10_000)),
  };
}

/**
 * What the codes hold (used by whom, refused attempts, expiry) shows only in redemptions: try
 * each once more. A mutation: run it on both stores being compared, last.
 */
export async function probeCodes(store: MatcherStore, ledger: Ledger) {
  const out: unknown[] = [];
  for (const [i, code] of ledger.codes.entries()) {
    out.push(
      await store.redeemCode({
        code,
        phoneId: `phone-probe-${i}`,
        now: NOW,
        maxCodeFailures: 3,
        indexId: `index-probe-${i}-x`,
        uploadToken: `token-probe-${i}-xxxxxxxxxxxxxxx`,
        tokenExpiresAt: NOW + 86_400,
      }),
    );
  }
  return out;
}
