import { ConfigError } from "../../options.js";

/** How the GAEN design publishes its exports (docs/PROTOCOLS.md, "GAEN"). */
export interface GaenOptions {
  /**
   * One export batch per period of this many seconds, aligned to the Unix epoch; a batch is
   * built once its period has ended. Default 3,600 (an assumption: exposure-notifications-server
   * leaves the period to each health authority's export config).
   */
  readonly exportPeriodSeconds: number;
  /** export.proto's region (default VN). */
  readonly region: string;
  /** SignatureInfo.verification_key_id: the mobile country code, as export.proto asks (452). */
  readonly verificationKeyId: string;
  readonly verificationKeyVersion: string;
  /**
   * The ECDSA P-256 signing key, PKCS#8 PEM; null: the first process generates one and keeps it
   * in the store, so every process of a shared store signs with the same key.
   */
  readonly signingKeyPem: string | null;
}

export const DEFAULT_EXPORT_PERIOD_SECONDS = 3_600;

export function resolveGaenOptions(o: Partial<GaenOptions> = {}): GaenOptions {
  const period = o.exportPeriodSeconds ?? DEFAULT_EXPORT_PERIOD_SECONDS;
  if (!Number.isInteger(period) || period < 1 || period > 86_400) {
    throw new ConfigError("export period: must be a whole number of seconds from 1 to 86,400");
  }
  const name = /^[A-Za-z0-9_]+$/;
  const keyId = o.verificationKeyId ?? "452";
  const keyVersion = o.verificationKeyVersion ?? "v1";
  if (!name.test(keyId) || !name.test(keyVersion)) {
    throw new ConfigError("verification key id and version: must be [A-Za-z0-9_]");
  }
  return {
    exportPeriodSeconds: period,
    region: o.region ?? "VN",
    verificationKeyId: keyId,
    verificationKeyVersion: keyVersion,
    signingKeyPem: o.signingKeyPem ?? null,
  };
}
