import protobuf from "protobufjs/light.js";
import { EXPORT_PROTO_DESCRIPTOR } from "./export-descriptor.js";

/**
 * The published export.proto's messages, loaded by protobufjs from the descriptor generated
 * from the vendored file (export.proto beside this one). Field names are protobufjs's
 * camelCase of the .proto's snake_case.
 */
const root = protobuf.Root.fromJSON(EXPORT_PROTO_DESCRIPTOR as unknown as protobuf.INamespace);

export const TemporaryExposureKeyExport = root.lookupType("TemporaryExposureKeyExport");
export const TEKSignatureList = root.lookupType("TEKSignatureList");

/** TemporaryExposureKey.ReportType, as numbered in export.proto. */
export const REPORT_TYPE = Object.freeze({
  CONFIRMED_TEST: 1,
  CONFIRMED_CLINICAL_DIAGNOSIS: 2,
  SELF_REPORT: 3,
  RECURSIVE: 4,
  REVOKED: 5,
} as const);

/** Decoding options: 64-bit timestamps as numbers, bytes as they are (Uint8Array), defaults filled. */
export const DECODE_OPTIONS: protobuf.IConversionOptions = {
  longs: Number,
  enums: Number,
  defaults: true,
};
