import { unzipSync, zipSync } from "fflate";
import { asciiBytes } from "../../bytes.js";
import { DECODE_OPTIONS, TEKSignatureList, TemporaryExposureKeyExport } from "./export-proto.js";

/**
 * Exposure key export files as exposure-notifications-server writes them
 * (internal/export/exportfile.go): a zip of `export.bin` (a 16-byte space-padded header, then a
 * TemporaryExposureKeyExport) and `export.sig` (a TEKSignatureList whose signature is ECDSA
 * P-256 over SHA-256 of the whole export.bin, DER-encoded). Every file is batch 1 of 1, as that
 * server writes them; keys are sorted by their bytes so their order says nothing of who
 * uploaded them together.
 */
export const EXPORT_HEADER = asciiBytes("EK Export v1    ");
export const EXPORT_BIN_NAME = "export.bin";
export const EXPORT_SIG_NAME = "export.sig";
/** ECDSA with SHA-256 (OID 1.2.840.10045.4.3.2). */
export const ECDSA_P256_SHA256_OID = "1.2.840.10045.4.3.2";
/** A key's default rolling period (one day of 10-minute intervals): left out of the file. */
export const DEFAULT_ROLLING_PERIOD = 144;

export type ReportType = 1 | 2 | 3 | 4 | 5;

export interface ExposureKey {
  /** The temporary exposure key, 16 bytes. */
  readonly keyData: Uint8Array;
  /** First 10-minute interval (unix seconds / 600) the key was in use. */
  readonly rollingStartIntervalNumber: number;
  /** Intervals it was in use, 1 … 144. */
  readonly rollingPeriod: number;
  readonly reportType: ReportType;
}

export interface ExportSignatureInfo {
  /** Key version for rollovers, [a-zA-Z0-9_]. */
  readonly verificationKeyVersion: string;
  /** Which public key verifies, [a-zA-Z0-9_] (the server's region code). */
  readonly verificationKeyId: string;
}

export interface ExportBatch {
  /** The batch's window of arrival times, unix seconds: [start, end). */
  readonly startTimestamp: number;
  readonly endTimestamp: number;
  readonly region: string;
  readonly keys: readonly ExposureKey[];
}

/** Signs export.bin: ECDSA P-256 over SHA-256 of the bytes, DER (X9.62) signature. */
export type ExportSigner = (exportBin: Uint8Array) => Uint8Array | Promise<Uint8Array>;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function signatureInfo(info: ExportSignatureInfo) {
  return {
    verificationKeyVersion: info.verificationKeyVersion,
    verificationKeyId: info.verificationKeyId,
    signatureAlgorithm: ECDSA_P256_SHA256_OID,
  };
}

/** export.bin: the header, then the TemporaryExposureKeyExport of the batch. */
export function encodeExportBin(batch: ExportBatch, info: ExportSignatureInfo): Uint8Array {
  const keys = [...batch.keys]
    .sort((a, b) => compareBytes(a.keyData, b.keyData))
    .map((k) => ({
      keyData: k.keyData,
      ...(k.rollingStartIntervalNumber !== 0
        ? { rollingStartIntervalNumber: k.rollingStartIntervalNumber }
        : {}),
      ...(k.rollingPeriod !== DEFAULT_ROLLING_PERIOD ? { rollingPeriod: k.rollingPeriod } : {}),
      reportType: k.reportType,
    }));
  const message = TemporaryExposureKeyExport.fromObject({
    startTimestamp: batch.startTimestamp,
    endTimestamp: batch.endTimestamp,
    region: batch.region,
    batchNum: 1,
    batchSize: 1,
    signatureInfos: [signatureInfo(info)],
    keys,
  });
  const body = TemporaryExposureKeyExport.encode(message).finish();
  const bin = new Uint8Array(EXPORT_HEADER.length + body.length);
  bin.set(EXPORT_HEADER);
  bin.set(body, EXPORT_HEADER.length);
  return bin;
}

/** export.sig: one TEKSignature (batch 1 of 1) carrying the DER signature of export.bin. */
export function encodeExportSig(info: ExportSignatureInfo, derSignature: Uint8Array): Uint8Array {
  const message = TEKSignatureList.fromObject({
    signatures: [
      { signatureInfo: signatureInfo(info), batchNum: 1, batchSize: 1, signature: derSignature },
    ],
  });
  return TEKSignatureList.encode(message).finish();
}

/**
 * The zip of a batch. Its entries carry the batch's end as their time, so the same batch
 * and signature give the same bytes.
 */
export async function buildExportFile(
  batch: ExportBatch,
  info: ExportSignatureInfo,
  sign: ExportSigner,
): Promise<Uint8Array> {
  const bin = encodeExportBin(batch, info);
  const sig = encodeExportSig(info, await sign(bin));
  // DOS times start in 1980; a batch before that (tests at time 0) is stamped 1980.
  const mtime = Math.max(batch.endTimestamp * 1000, Date.UTC(1980, 0, 2));
  return zipSync({ [EXPORT_BIN_NAME]: bin, [EXPORT_SIG_NAME]: sig }, { level: 6, mtime });
}

export interface ExportKey {
  readonly keyData: Uint8Array;
  readonly rollingStartIntervalNumber: number;
  readonly rollingPeriod: number;
  readonly reportType: number;
}

export interface ReadExport {
  /** export.bin as it is in the zip: what the signature covers. */
  readonly exportBin: Uint8Array;
  readonly startTimestamp: number;
  readonly endTimestamp: number;
  readonly region: string;
  readonly batchNum: number;
  readonly batchSize: number;
  readonly keys: readonly ExportKey[];
  readonly signatures: readonly {
    readonly verificationKeyVersion: string;
    readonly verificationKeyId: string;
    readonly signatureAlgorithm: string;
    readonly batchNum: number;
    readonly batchSize: number;
    readonly signature: Uint8Array;
  }[];
}

/** What protobufjs's toObject gives for the two messages (with DECODE_OPTIONS). */
interface DecodedExport {
  startTimestamp: number;
  endTimestamp: number;
  region: string;
  batchNum: number;
  batchSize: number;
  keys: ExportKey[];
}
interface DecodedSignatureList {
  signatures: {
    signatureInfo?: {
      verificationKeyVersion?: string;
      verificationKeyId?: string;
      signatureAlgorithm?: string;
    };
    batchNum: number;
    batchSize: number;
    signature: Uint8Array;
  }[];
}

/** Opens an export zip: both entries, the header, both messages. Throws on a malformed file. */
export function readExportFile(zip: Uint8Array): ReadExport {
  const files = unzipSync(zip);
  const exportBin = files[EXPORT_BIN_NAME];
  const exportSig = files[EXPORT_SIG_NAME];
  if (exportBin === undefined || exportSig === undefined) {
    throw new Error(`export file: needs ${EXPORT_BIN_NAME} and ${EXPORT_SIG_NAME}`);
  }
  if (compareBytes(exportBin.subarray(0, EXPORT_HEADER.length), EXPORT_HEADER) !== 0) {
    throw new Error("export file: export.bin does not start with 'EK Export v1'");
  }
  const e = TemporaryExposureKeyExport.toObject(
    TemporaryExposureKeyExport.decode(exportBin.subarray(EXPORT_HEADER.length)),
    DECODE_OPTIONS,
  ) as DecodedExport;
  const s = TEKSignatureList.toObject(
    TEKSignatureList.decode(exportSig),
    DECODE_OPTIONS,
  ) as DecodedSignatureList;
  return {
    exportBin,
    startTimestamp: e.startTimestamp,
    endTimestamp: e.endTimestamp,
    region: e.region,
    batchNum: e.batchNum,
    batchSize: e.batchSize,
    keys: e.keys.map((k) => ({
      keyData: new Uint8Array(k.keyData),
      rollingStartIntervalNumber: k.rollingStartIntervalNumber,
      rollingPeriod: k.rollingPeriod,
      reportType: k.reportType,
    })),
    signatures: s.signatures.map((x) => ({
      verificationKeyVersion: x.signatureInfo?.verificationKeyVersion ?? "",
      verificationKeyId: x.signatureInfo?.verificationKeyId ?? "",
      signatureAlgorithm: x.signatureInfo?.signatureAlgorithm ?? "",
      batchNum: x.batchNum,
      batchSize: x.batchSize,
      signature: new Uint8Array(x.signature),
    })),
  };
}
