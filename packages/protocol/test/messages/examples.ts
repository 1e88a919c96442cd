import type {
  ErrorBody,
  F0CodeRequest,
  F0CodeResponse,
  F0RedeemRequest,
  F0RedeemResponse,
  KeyCatchUpResponse,
  KeyPush,
  KeyUpload,
  LiveF0Confirmed,
  LiveKeyPushed,
  LiveNotified,
  LogEntry,
  LogUpload,
  Notification,
  Ready,
  Stats,
  UploadAck,
} from "../../src/messages/index.js";

/** 2020-08-13T10:00:00Z */
export const NOW = 1_597_312_800;
export const DAY = Math.floor(NOW / 86_400);
export const hex = (bytes: number, fill = "a") => fill.repeat(2 * bytes);

export const f0CodeRequest: F0CodeRequest = { caseRef: "HY-2020/0017", confirmedAt: NOW - 3600 };
export const f0CodeResponse: F0CodeResponse = {
  code: "0417290063",
  caseRef: "HY-2020/0017",
  confirmedAt: NOW - 3600,
  expiresAt: NOW + 86_400,
};
export const f0RedeemRequest: F0RedeemRequest = { code: "0417290063", phoneId: "phone-0001" };
export const f0RedeemResponse: F0RedeemResponse = {
  indexId: "idx_8f3a2b1c",
  role: "F0",
  windowEnd: NOW - 3600,
  uploadToken: "tok_0123456789abcdef",
  expiresAt: NOW + 3600,
};

export const keys = Array.from({ length: 14 }, (_, i) => ({
  unixDay: DAY - 13 + i,
  key: hex(32, "0123456789abcdef"[i]!),
}));
export const keyUpload: KeyUpload = {
  idempotencyKey: "0f6b5c0e-8f7e-4c1a-9a51-3f1e2d7c9b10",
  phoneId: "phone-0001",
  scheme: "bluezone",
  basis: { kind: "f0", uploadToken: "tok_0123456789abcdef" },
  keys,
};

export const entry: LogEntry = {
  ownId: hex(12, "b"),
  contactId: hex(12, "c"),
  rssi: -63.5,
  txPower: -8,
  timestamp: NOW - 7200,
};
export const logUpload: LogUpload = {
  idempotencyKey: "V1StGXR8_Z5jdHi6B-myT",
  phoneId: "phone-0002",
  scheme: "bluezone",
  basis: { kind: "exposure", indexIds: ["idx_8f3a2b1c"] },
  log: [entry, { ...entry, timestamp: NOW - 6900, rssi: -70 }],
};
export const uploadAck: UploadAck = {
  uploadId: "upl_000000000042",
  idempotencyKey: "V1StGXR8_Z5jdHi6B-myT",
  phoneId: "phone-0002",
  kind: "log",
  count: 2,
  receivedAt: NOW,
  replayed: false,
};

export const keyPush: KeyPush = {
  seq: 42,
  indexId: "idx_8f3a2b1c",
  role: "F0",
  scheme: "bluezone",
  windowEnd: NOW - 3600,
  keys,
  pushedAt: NOW,
};
export const keyCatchUpResponse: KeyCatchUpResponse = {
  pushes: [keyPush, { ...keyPush, seq: 43, role: "F1", indexId: "idx_9c0d1e2f" }],
  next: 43,
  more: false,
};
export const notification: Notification = {
  notificationId: "ntf_00000001",
  role: "F1",
  indexId: "idx_8f3a2b1c",
  bestDay: DAY - 2,
  exposureDay: DAY - 2,
  closeSeconds: 1_200,
  notifiedAt: NOW,
};
export const errorBodyExample: ErrorBody = {
  error: { code: "code_expired", message: "the code expired at 2020-08-14T10:00:00Z" },
};

export const ready: Ready = { phoneId: "phone-0001", latestSeq: 42, serverTime: NOW };
export const liveF0Confirmed: LiveF0Confirmed = {
  indexId: "idx_8f3a2b1c",
  confirmedAt: NOW - 3600,
  at: NOW,
};
export const liveKeyPushed: LiveKeyPushed = {
  seq: 42,
  indexId: "idx_8f3a2b1c",
  role: "F0",
  keyCount: 14,
  pushedAt: NOW,
};
export const liveNotified: LiveNotified = { ...notification, contactIndexId: "idx_9c0d1e2f" };
export const stats: Stats = {
  store: "memory",
  uploads: { stored: 12 },
  f0: { confirmed: 1, codesIssued: 1 },
  notifications: { f1: 1, f2: 1, sent: 2 },
  keyPushes: { total: 2, latestSeq: 2 },
  phones: { connected: 5 },
  at: NOW,
};
