export * from "./export-file.js";
export { REPORT_TYPE, TEKSignatureList, TemporaryExposureKeyExport } from "./export-proto.js";
export * from "./upload.js";
