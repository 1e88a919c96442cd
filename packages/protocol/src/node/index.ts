// `@tracebed/protocol/node`: the parts that need Node built-ins. Browser code never imports this.
export { nodeCrypto } from "./crypto.js";
export {
  type ExportKeyPair,
  exportPublicKeyPem,
  exportSigner,
  generateExportKeyPair,
  verifyExportSignature,
} from "./gaen-signing.js";
export { nativeCrypto } from "./native.js";
export { nodeTempIdCipher } from "./tempid-cipher.js";
