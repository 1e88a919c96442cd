import { createCipheriv, createDecipheriv } from "node:crypto";
import type { TempIdCipher } from "../designs/bluetrace/cipher.js";
import { KEY_BYTES, TAG_BYTES } from "../designs/bluetrace/tempid.js";

function bytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`key: must be ${KEY_BYTES} bytes (AES-256)`);
}

/**
 * BlueTrace's AES-256-GCM on node:crypto (OpenSSL), as OpenTrace's CustomEncrypter calls it
 * (`aes-256-gcm`, 16-byte IV, authTagLength 16). Synchronous underneath: the server's choice.
 */
export const nodeTempIdCipher: TempIdCipher = {
  name: "node",
  async seal(key, iv, plaintext) {
    checkKey(key);
    const c = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
    return { ciphertext: bytes(ciphertext), tag: bytes(c.getAuthTag()) };
  },
  async open(key, iv, ciphertext, tag) {
    checkKey(key);
    if (tag.length !== TAG_BYTES) return null;
    const d = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    d.setAuthTag(tag);
    try {
      return bytes(Buffer.concat([d.update(ciphertext), d.final()]));
    } catch {
      return null;
    }
  },
};
