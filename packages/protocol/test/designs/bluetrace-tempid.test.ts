import { createDecipheriv, randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  batchPeriods,
  checkTempId,
  fromBase64,
  IV_BYTES,
  PLAINTEXT_BYTES,
  sealTempId,
  TEMPID_BATCH_SIZE,
  TEMPID_BYTES,
  TEMPID_CHARS,
  TEMPID_VALIDITY_SECONDS,
  type TempIdCipher,
  toBase64,
  UID_BYTES,
  webCryptoTempIdCipher,
} from "../../src/designs/bluetrace/index.js";
import { nodeTempIdCipher } from "../../src/node/index.js";

const key = new Uint8Array(randomBytes(32));
const uid = new Uint8Array(randomBytes(UID_BYTES));
const iv = () => new Uint8Array(randomBytes(IV_BYTES));
const payload = { uid, startTime: 1_700_000_000, expiryTime: 1_700_000_900 };

const ciphers: [string, TempIdCipher][] = [
  ["node:crypto", nodeTempIdCipher],
  ["WebCrypto", webCryptoTempIdCipher],
];

describe("BlueTrace TempIDs (OpenTrace's AES-256-GCM layout)", () => {
  for (const [name, cipher] of ciphers) {
    test(`${name}: round trip gives back the uid and validity; 84 base64 characters`, async () => {
      const tempID = await sealTempId(cipher, key, payload, iv());
      expect(tempID).toHaveLength(TEMPID_CHARS);
      expect(fromBase64(tempID)).toHaveLength(TEMPID_BYTES);
      const r = await checkTempId(cipher, key, tempID, payload.startTime + 10);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(Buffer.from(r.payload.uid).equals(Buffer.from(uid))).toBe(true);
      expect(r.payload.startTime).toBe(payload.startTime);
      expect(r.payload.expiryTime).toBe(payload.expiryTime);
    });
  }

  test("either implementation opens what the other sealed", async () => {
    const a = await sealTempId(nodeTempIdCipher, key, payload, iv());
    const b = await sealTempId(webCryptoTempIdCipher, key, payload, iv());
    expect((await checkTempId(webCryptoTempIdCipher, key, a, payload.startTime)).ok).toBe(true);
    expect((await checkTempId(nodeTempIdCipher, key, b, payload.expiryTime)).ok).toBe(true);
  });

  test("the layout is ciphertext ‖ IV ‖ tag: plain node:crypto decrypts it as OpenTrace does", async () => {
    const tempID = await sealTempId(webCryptoTempIdCipher, key, payload, iv());
    const b = Buffer.from(tempID, "base64");
    const d = createDecipheriv("aes-256-gcm", key, b.subarray(29, 45), { authTagLength: 16 });
    d.setAuthTag(b.subarray(45, 61));
    const plain = Buffer.concat([d.update(b.subarray(0, 29)), d.final()]);
    expect(plain.subarray(0, 21).equals(Buffer.from(uid))).toBe(true);
    expect(plain.readInt32BE(21)).toBe(payload.startTime);
    expect(plain.readInt32BE(25)).toBe(payload.expiryTime);
    expect(PLAINTEXT_BYTES).toBe(29);
  });

  test("the same payload twice gives unlinkable TempIDs (random IV)", async () => {
    const a = await sealTempId(nodeTempIdCipher, key, payload, iv());
    const b = await sealTempId(nodeTempIdCipher, key, payload, iv());
    expect(a).not.toBe(b);
  });

  for (const [name, cipher] of ciphers) {
    test(`${name}: any flipped bit, another key or garbage is refused (failed_decryption)`, async () => {
      const tempID = await sealTempId(cipher, key, payload, iv());
      const raw = fromBase64(tempID)!;
      for (const at of [0, 20, 28, 29, 44, 45, 60]) {
        const bad = raw.slice();
        bad[at]! ^= 0x01;
        const r = await checkTempId(cipher, key, toBase64(bad), payload.startTime);
        expect(r, `byte ${at}`).toEqual({ ok: false, reason: "failed_decryption" });
      }
      const other = new Uint8Array(randomBytes(32));
      expect(await checkTempId(cipher, other, tempID, payload.startTime)).toEqual({
        ok: false,
        reason: "failed_decryption",
      });
      for (const junk of ["", "not base64!", tempID.slice(4), `${tempID}AAAA`]) {
        expect((await checkTempId(cipher, key, junk, payload.startTime)).ok).toBe(false);
      }
    });
  }

  test("a TempID heard outside its validity is refused (expired_id); its bounds are included", async () => {
    const tempID = await sealTempId(nodeTempIdCipher, key, payload, iv());
    const at = (t: number) => checkTempId(nodeTempIdCipher, key, tempID, t);
    expect((await at(payload.startTime)).ok).toBe(true);
    expect((await at(payload.expiryTime)).ok).toBe(true);
    expect(await at(payload.startTime - 1)).toEqual({ ok: false, reason: "expired_id" });
    expect(await at(payload.expiryTime + 1)).toEqual({ ok: false, reason: "expired_id" });
    expect(await at(payload.expiryTime + 86_400)).toEqual({ ok: false, reason: "expired_id" });
  });

  test("a batch: 100 TempIDs of 15 minutes, back to back, cover a day from a minute before issue", async () => {
    const from = 1_700_000_123;
    const periods = batchPeriods(from);
    expect(periods).toHaveLength(TEMPID_BATCH_SIZE);
    expect(TEMPID_VALIDITY_SECONDS).toBe(15 * 60);
    expect(periods[0]!.startTime).toBe(from - 60);
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i]!;
      expect(p.expiryTime - p.startTime).toBe(TEMPID_VALIDITY_SECONDS);
      if (i > 0) expect(p.startTime).toBe(periods[i - 1]!.expiryTime);
    }
    expect(periods.at(-1)!.expiryTime - from).toBeGreaterThanOrEqual(24 * 3600);
    // One phone's batch: every TempID distinct, each valid exactly in its own period.
    const ids = await Promise.all(
      periods.map((p) => sealTempId(nodeTempIdCipher, key, { uid, ...p }, iv())),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 0; i < ids.length; i += 7) {
      const mid = periods[i]!.startTime + 450;
      const valid = await Promise.all(
        ids.map(async (id) => (await checkTempId(nodeTempIdCipher, key, id, mid)).ok),
      );
      expect(valid.filter(Boolean)).toHaveLength(1);
      expect(valid[i]).toBe(true);
    }
  });
});
