import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import type { ExportSigner } from "../designs/gaen/export-file.js";

/**
 * GAEN export signing with Node's crypto: ECDSA P-256 over SHA-256, DER signature (as
 * exposure-notifications-server's signer returns it). The key pair is PEM: PKCS#8 private,
 * SPKI public (the form phones are given).
 */
export interface ExportKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

export function generateExportKeyPair(): ExportKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** The SPKI PEM of a PKCS#8 P-256 private key; throws if the key is not P-256. */
export function exportPublicKeyPem(privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new Error("export signing key: must be an ECDSA P-256 (prime256v1) key");
  }
  return createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
}

export function exportSigner(privateKeyPem: string): ExportSigner {
  const key = createPrivateKey(privateKeyPem);
  return (bin) => new Uint8Array(sign("sha256", bin, { key, dsaEncoding: "der" }));
}

/** Does the DER signature verify over export.bin under the SPKI PEM key? */
export function verifyExportSignature(
  publicKeyPem: string,
  exportBin: Uint8Array,
  derSignature: Uint8Array,
): boolean {
  return verify("sha256", exportBin, { key: publicKeyPem, dsaEncoding: "der" }, derSignature);
}
