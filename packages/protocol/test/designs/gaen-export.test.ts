import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { p256 } from "@noble/curves/nist.js";
import protobuf from "protobufjs";
import { afterAll, describe, expect, it } from "vitest";
import { EXPORT_PROTO_DESCRIPTOR } from "../../src/designs/gaen/export-descriptor.js";
import {
  buildExportFile,
  ECDSA_P256_SHA256_OID,
  type ExposureKey,
  readExportFile,
} from "../../src/designs/gaen/index.js";
import { exportSigner, generateExportKeyPair } from "../../src/node/gaen-signing.js";

const PROTO = fileURLToPath(new URL("../../src/designs/gaen/export.proto", import.meta.url));
const INFO = { verificationKeyVersion: "v1", verificationKeyId: "452" };

function randomKeys(n: number, seed: number): ExposureKey[] {
  const keys: ExposureKey[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    const keyData = new Uint8Array(16);
    for (let j = 0; j < 16; j++) {
      x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
      keyData[j] = x >>> 24;
    }
    keys.push({
      keyData,
      rollingStartIntervalNumber: (20_000 + (i % 14)) * 144,
      rollingPeriod: i % 5 === 0 ? 72 : 144,
      reportType: i % 3 === 0 ? 4 : 1,
    });
  }
  return keys;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The raw uncompressed point of an SPKI PEM P-256 key: its last 65 bytes. */
function rawPublicKey(pem: string): Uint8Array {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
  expect(der.length).toBe(91);
  return new Uint8Array(der.subarray(der.length - 65));
}

/** Reads a zip entry with Info-ZIP's unzip (Debian `unzip`): not the library that wrote it. */
const dir = mkdtempSync(join(tmpdir(), "gaen-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function unzipEntry(zip: Uint8Array, entry: string): Uint8Array {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, zip);
  return new Uint8Array(execFileSync("unzip", ["-p", file, entry]));
}

describe("GAEN export files", () => {
  it("the descriptor is the published export.proto as protobufjs parses it", () => {
    const parsed = protobuf.parse(readFileSync(PROTO, "utf8")).root.toJSON();
    expect(JSON.parse(JSON.stringify(EXPORT_PROTO_DESCRIPTOR))).toEqual(
      JSON.parse(JSON.stringify(parsed)),
    );
  });

  it("parse with export.proto and verify with an independent P-256 verifier", async () => {
    const pair = generateExportKeyPair();
    const keys = randomKeys(50, 7);
    const batch = {
      startTimestamp: 1_700_000_000,
      endTimestamp: 1_700_003_600,
      region: "VN",
      keys,
    };
    const zip = await buildExportFile(batch, INFO, exportSigner(pair.privateKeyPem));

    const bin = unzipEntry(zip, "export.bin");
    const sig = unzipEntry(zip, "export.sig");
    expect(Buffer.from(bin.subarray(0, 16)).toString("latin1")).toBe("EK Export v1    ");

    // protobufjs straight from the .proto file (not the descriptor the writer uses).
    const root = protobuf.loadSync(PROTO);
    const Export = root.lookupType("TemporaryExposureKeyExport");
    const SigList = root.lookupType("TEKSignatureList");
    const e = Export.toObject(Export.decode(bin.subarray(16)), { longs: Number, defaults: true });
    expect(e.startTimestamp).toBe(batch.startTimestamp);
    expect(e.endTimestamp).toBe(batch.endTimestamp);
    expect(e.region).toBe("VN");
    expect([e.batchNum, e.batchSize]).toEqual([1, 1]);
    expect(e.signatureInfos).toEqual([{ ...INFO, signatureAlgorithm: ECDSA_P256_SHA256_OID }]);
    const got = (e.keys as { keyData: Uint8Array }[]).map((k) => hex(k.keyData));
    expect(got).toEqual(keys.map((k) => hex(k.keyData)).sort());
    const byKey = new Map(keys.map((k) => [hex(k.keyData), k]));
    for (const k of e.keys as Record<string, number & Uint8Array>[]) {
      const want = byKey.get(hex(k.keyData!))!;
      expect(k.rollingStartIntervalNumber).toBe(want.rollingStartIntervalNumber);
      expect(k.rollingPeriod).toBe(want.rollingPeriod); // 144 left out, read back as the default
      expect(k.reportType).toBe(want.reportType);
    }

    const list = SigList.toObject(SigList.decode(sig), { defaults: true });
    expect(list.signatures).toHaveLength(1);
    const s = list.signatures[0];
    expect(s.signatureInfo).toEqual({ ...INFO, signatureAlgorithm: ECDSA_P256_SHA256_OID });
    expect([s.batchNum, s.batchSize]).toEqual([1, 1]);
    expect(s.signature[0]).toBe(0x30); // a DER SEQUENCE

    const pub = rawPublicKey(pair.publicKeyPem);
    const opts = { format: "der", lowS: false } as const;
    expect(p256.verify(s.signature, bin, pub, opts)).toBe(true);
    const tampered = bin.slice();
    tampered[tampered.length - 1]! ^= 1;
    expect(p256.verify(s.signature, tampered, pub, opts)).toBe(false);
    const other = rawPublicKey(generateExportKeyPair().publicKeyPem);
    expect(p256.verify(s.signature, bin, other, opts)).toBe(false);
  });

  it("reads back what it writes, and refuses a file without the header", async () => {
    const pair = generateExportKeyPair();
    const keys = randomKeys(5, 3);
    const batch = { startTimestamp: 0, endTimestamp: 600, region: "VN", keys };
    const zip = await buildExportFile(batch, INFO, exportSigner(pair.privateKeyPem));
    const r = readExportFile(zip);
    expect(r.keys.map((k) => hex(k.keyData))).toEqual(keys.map((k) => hex(k.keyData)).sort());
    expect(r.signatures[0]!.signatureAlgorithm).toBe(ECDSA_P256_SHA256_OID);
    expect(r.exportBin).toEqual(unzipEntry(zip, "export.bin"));
    const { zipSync } = await import("fflate");
    const bad = zipSync({ "export.bin": new Uint8Array(20), "export.sig": new Uint8Array(0) });
    expect(() => readExportFile(bad)).toThrow(/EK Export v1/);
  });
});
