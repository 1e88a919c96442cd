/*
 * What each property of the matcher's messages means, with its unit: written into the OpenAPI
 * document's schemas (which are generated from the protocol's zod schemas). By property name,
 * as a name means the same everywhere; `Schema.path` entries say more where one place needs
 * it. A test fails for any property left without a description.
 */

const UNIX_SECONDS = "integer unix seconds (UTC), not milliseconds";
const UNIX_DAY = "UTC day number: floor(unix seconds / 86,400)";

/** By property name. */
export const PROPERTY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  error: "The refusal: a snake_case code (listed per route) and a one-line message",
  code: "F0 code: exactly 10 digits, leading zeros kept; single use (in an error body: the snake_case error code)",
  message: "One line naming the field and the rule broken (`log[3].rssi: must be ≤ 20`)",
  caseRef:
    "The health authority's own file reference for the case (1–64 of A-Z a-z 0-9 . _ : / -); no name or phone number",
  confirmedAt: `When the case was confirmed, ${UNIX_SECONDS}; the F0's window ends here (default: now)`,
  ttlSeconds:
    "How long the code stays redeemable, seconds (60 to 86,400; default: the server's, GET /v1/config)",
  expiresAt: `Until when it can be used, ${UNIX_SECONDS}`,
  phoneId:
    "The phone's id, issued by POST /v1/phones (8–64 of A-Z a-z 0-9 _ -); must be the credential's",
  indexId: "An index person (an F0, or a notified F1) whose keys were pushed",
  role: "F0: a confirmed case; F1: a contact of an F0; F2: a contact of an F1",
  windowEnd: `End of the index person's window, ${UNIX_SECONDS}: the F0's confirmation or the F1's notification`,
  windowStart: `An F1's only: 00:00 UTC of its exposure day, ${UNIX_SECONDS}; sightings before it do not count (absent for an F0)`,
  uploadToken: "Authorises this phone's uploads with basis f0 until expiresAt (a bearer secret)",
  idempotencyKey:
    "Chosen by the phone (16–64 of A-Z a-z 0-9 _ -): a retry with the same key and the same body bytes gets the original acknowledgement",
  scheme: "The ID scheme the phone broadcasts with: bluezone (Bluezone's hash chain) or gaen",
  basis:
    "Why the phone uploads: f0 (with the upload token from redeeming its code) or exposure (it found these index persons' IDs in its own log)",
  kind: "Which variant this is (the discriminator)",
  indexIds: "The index persons whose pushed IDs the phone found in its own log (1–1,000)",
  keys: "Daily keys, one per UTC day, at most 14 consecutive days",
  unixDay: UNIX_DAY,
  key: "The daily key in lowercase hex (Bluezone: 32 bytes)",
  log: "The phone's sightings (at most 100,000; may be empty: an F0 must upload a log, even empty, before anything is decided)",
  ownId:
    "The phone's own broadcast ID at the time, lowercase hex; must derive from one of its uploaded keys, in the slot of timestamp",
  contactId: "The ID the phone heard, lowercase hex",
  rssi: "Received signal strength of the sighting, dBm (−127 to 20)",
  txPower:
    "The transmitter's advertised power, dBm, as at 0 m (Eddystone's convention: the loss to 1 m, 41 dB, is subtracted by the server); not the iBeacon 'measured power at 1 m'",
  timestamp: `When the sighting was made, ${UNIX_SECONDS}; one entry stands for one 300 s scan period`,
  uploadId: "The server's id of the upload",
  count: "Keys or log entries stored by this upload (refused keys not counted)",
  refused: "Keys uploads: the keys not stored, each with why",
  reason:
    "after_window_end: an F0's key of a day after its window's end; expired: older than the window kept (today − windowDays); future: after the server's today",
  receivedAt: `When the server received the upload, ${UNIX_SECONDS}`,
  replayed: "True when this acknowledges an earlier upload with the same idempotency key",
  pushes: "Key pushes in seq order",
  seq: "The push's sequence number: increases by one per push; the catch-up cursor",
  pushedAt: `When the keys were pushed, ${UNIX_SECONDS}`,
  next: "The seq to pass as since for the next page",
  more: "More pushes follow: call again with since = next",
  store: "The store the server runs on: memory (journal) or redis",
  uploads: "Uploads",
  stored: "Uploads stored (replays not counted)",
  f0: "F0 codes",
  confirmed: "Phones that redeemed an F0 code",
  codesIssued: "F0 codes issued",
  notifications: "Phones by current role (a person counts once, by the highest role)",
  f1: "Phones whose current role is F1",
  f2: "Phones whose current role is F2",
  sent: "Notifications sent, upgrades from F2 to F1 included",
  keyPushes: "Key pushes",
  total: "Key pushes made",
  latestSeq: "The highest push seq",
  phones: "Phones",
  connected: "Phones connected over Socket.IO now, all processes",
  at: `When this was computed, ${UNIX_SECONDS}`,
  secret:
    "The phone's credential: send it as Authorization: Phone <secret>, and in the Socket.IO handshake auth; keep it secret",
  decisionParams: "The decision rules' parameters (the protocol's decide)",
  scanPeriodSeconds: "What one sighting stands for, seconds (Bluezone: 300)",
  closeDistanceMeters: "A sighting is close if its estimated distance is at most this, metres",
  minCloseSeconds:
    "A contact needs at least this many close seconds on one UTC day: distinct 300 s periods with a close sighting × 300",
  windowDays: "Length of an index person's window, UTC days",
  pathLoss: "The path-loss model the distance is estimated with",
  oneMeterLossDb:
    "Received power at 1 m relative to the advertised tx power, dB (negative: a loss)",
  exponent: "Path-loss exponent n: rssi = txPower + oneMeterLossDb − 10 · n · log10(distance)",
  f0Codes: "F0 codes as this server issues them",
  digits: "Digits of a code",
  status: "ok while the store answers, unavailable otherwise",
  serverTime: `The server's clock, ${UNIX_SECONDS}`,
  notificationId:
    "The notification's id: dedupe by it (stored notifications are sent again on reconnect)",
  bestDay: `The UTC day with the most close seconds, ${UNIX_DAY}`,
  exposureDay: `The first UTC day on which the close seconds reached minCloseSeconds, ${UNIX_DAY}: an F1's window starts at its 00:00 UTC`,
  closeSeconds: "Close seconds on bestDay: distinct 300 s periods with a close sighting × 300",
  notifiedAt: `When the phone was notified, ${UNIX_SECONDS}: an F1's window ends here`,
  since: "Pushes with seq greater than this (default 0)",
  token:
    "The live feed's credential: the operator token (the HA token: full events) or the viewer token (counts, anonymised events)",
  keyCount: "Keys the push carried",
  contactIndexId:
    "The index person an F1 became (an F2's indexId links to it); null for F2, and always null in the viewer scope",
  privacy: "What the operator can learn of the contact graph, counted from the store's records",
  nonIndexPhonesKnown:
    "Phones other than a confirmed F0 that the store's records tie to at least one contact (registration alone does not count)",
  contactEdgesKnown: "Distinct pairs of phones the store's records tie together",
  phoneCrypto:
    "Crypto each phone did to learn whether it was exposed, counted from what the server sent or published (every phone alike)",
  perPhone: "Operations per phone",
  operation: "What one operation is, and any other work counted beside it",
  storageBytes:
    "Bytes of the design's records as its store serialises them (Bluezone: the memory store's snapshot and journal since; GAEN: upload records and keys as JSON, export files); null when the store cannot say (Bluezone on Redis)",
  design:
    "The design's flow the server runs: bluezone (hybrid, the default), gaen (decentralised) or bluetrace (central, TempIDs)",
  from: `Start of the batch, ${UNIX_SECONDS} (default: now); at most windowDays + 1 days back, one day ahead`,
  tempIDs: "The batch: one TempID per 15 minutes, back to back",
  tempID:
    "A TempID: base64 of AES-256-GCM ciphertext (uid ‖ startTime ‖ expiryTime, 29 bytes) ‖ IV (16 bytes) ‖ tag (16 bytes); only the server can open it",
  startTime: `First second the TempID may be heard, ${UNIX_SECONDS}`,
  expiryTime: `Last second the TempID may be heard, ${UNIX_SECONDS}`,
  refreshTime: `When to fetch the next batch, ${UNIX_SECONDS}`,
  records: "The TempIDs the phone heard (at most 100,000)",
  msg: "The TempID heard, as advertised",
  valid:
    "Records whose TempID decrypted to another registered phone and was heard within its validity",
  failed_decryption: "The TempID is not one of this server's (its tag does not verify)",
  expired_id: "Heard outside the TempID's validity (a replay)",
  unknown_user: "The TempID names no registered phone, or the uploader itself",
};

/** Where one place needs more than its name says. */
export const PATH_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "ServerConfig.f0Codes.ttlSeconds": "Default lifetime of a code, seconds",
  "Health.store": "The store the server runs on: memory or redis",
  "Health.message": "Why the store does not answer (when unavailable)",
  "OperatorCounts.design": "The design the server serves (GET /v1/config says the same)",
  "F0RedeemResponse.role": "Always F0: the phone is now index person indexId",
  "TempIdBatch.status": "Always SUCCESS (OpenTrace's getTempIDs)",
  "TempIdRequest.count": "TempIDs wanted (1–100; default 100)",
  "BtUploadAck.refused": "Records dropped, by reason",
  "BtUploadAck.records": "Records in the upload",
  "BtLogUpload.uploadToken":
    "An F0's upload token (from redeeming its code) or an F1's (POST /v1/bluetrace/upload-grant)",
  "BtUploadGrant.uploadToken":
    "Authorises this phone's log upload until expiresAt (a bearer secret)",
  "BtUploadGrant.indexId": "The index person (its F1 role) the log is asked for as",
  "/live.notified.indexId":
    "The index person the contact was found through; null in the viewer scope (the chain stays closed)",
};

/**
 * Writes a description into every property of `schema` (recursively) that has none: by path
 * (`Schema.a.b`), else by name.
 */
export function describeProperties(schema: unknown, path: string): void {
  if (schema === null || typeof schema !== "object") return;
  const s = schema as Record<string, unknown>;
  const props = s.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, prop] of Object.entries(props ?? {})) {
    const at = `${path}.${name}`;
    const text = PATH_DESCRIPTIONS[at] ?? PROPERTY_DESCRIPTIONS[name];
    if (prop.description === undefined && text !== undefined) prop.description = text;
    describeProperties(prop, at);
  }
  describeProperties(s.items, path);
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    for (const sub of (s[key] as unknown[] | undefined) ?? []) describeProperties(sub, path);
  }
}
