import { describe, expect, it } from "vitest";
import { tracebed, tracebedJson } from "./cli.js";

const RUN = ["hung-yen-2020-08-18", "--agents", "800", "--days", "4", "--adoption", "0.6"];
const FLAGS = ["--f0", "3", "--f0-from", "app-users", "--ble", "ideal", "--seed", "2"];

describe("tracebed compare", () => {
  it("runs one outbreak through each design and reports every figure, counted", () => {
    const doc = tracebedJson("compare", ...RUN, ...FLAGS, "--f0-rate", "5");
    expect(doc.run).toMatchObject({ agents: 800, days: 4, ble: "ideal", f0: 3 });
    expect(doc.designs.map((d: { design: string }) => d.design)).toEqual([
      "bluezone",
      "gaen",
      "bluetrace",
    ]);
    for (const d of doc.designs) {
      // Ideal radio: each design notifies exactly what its own rule says, and no one untrue.
      expect(d.errors).toEqual([]);
      for (const set of [d.f1, d.f2]) {
        expect(set.notified).toBe(set.expected);
        expect(set.missing + set.extra).toBe(0);
        if (set.notified > 0) expect(set.precision).toBe(1);
        if (set.recall !== null) expect(set.recall).toBeGreaterThanOrEqual(0);
        if (set.recall !== null) expect(set.recall).toBeLessThanOrEqual(1);
      }
      expect(d.f1.notified).toBeGreaterThan(0);
      expect(d.latencyMs.p99).toBeGreaterThanOrEqual(d.latencyMs.p50);
      expect(d.serverCpuSeconds).toBeGreaterThan(0);
      // Every phone connected at least once: the server wrote to each.
      expect(d.bytesOut.perPhone).toBeGreaterThan(0);
      expect(Math.abs(d.bytesOut.server / d.phones - d.bytesOut.perPhone)).toBeLessThanOrEqual(1);
      // The server's own count of its records: the outbreak's uploads add to it.
      expect(d.storageBytes).toBeGreaterThan(d.beforeF0.storageBytes);
      expect(d.beforeF0.storageBytes).toBeGreaterThanOrEqual(0);
      // An F1 found by the app is a contact the operator may learn: never more than the phones.
      expect(d.privacy.nonIndexPhonesKnown).toBeLessThanOrEqual(d.phones);
      // The outbreak's share is what the run cost after the phones were connected.
      expect(d.beforeF0.bytesOut).toBeGreaterThan(0);
      expect(d.beforeF0.bytesOut).toBeLessThan(d.bytesOut.server);
      expect(d.beforeF0.serverCpuSeconds).toBeLessThanOrEqual(d.serverCpuSeconds);
      // The national plan: its own arithmetic holds (a day's bytes = per phone × phones).
      expect(d.plan.phones.value).toBe(Math.round(97_600_000 * 0.6));
      const dayBytes = (d.plan.bandwidthBitsPerSecond.value * 86_400) / 8;
      const perPhone = d.plan.downlinkPerPhonePerDay.value * d.plan.phones.value;
      expect(Math.abs(dayBytes - perPhone) / perPhone).toBeLessThan(0.01);
      // Rounded to hundredths of a core: a small sample's GAEN may round to 0.
      expect(d.plan.serverCores.value).toBeGreaterThanOrEqual(0);
      expect(d.plan.serverCores.arithmetic).toMatch(/CPU s per F0 \(measured/);
    }
    const bluezone = doc.designs.find((d: { design: string }) => d.design === "bluezone");
    // The hybrid design's F1 upload their logs naming their F0: each is known to the operator.
    expect(bluezone.privacy.nonIndexPhonesKnown).toBeGreaterThanOrEqual(bluezone.f1.notified);
    expect(bluezone.privacy.contactEdgesKnown).toBeGreaterThanOrEqual(bluezone.f1.notified);
    // Each phone derived 96 IDs a day of every key pushed: the F0 and each F1 found (≥ 1 key).
    expect(bluezone.phoneCrypto.operation).toMatch(/^SHA-256/);
    expect(bluezone.phoneCrypto.perPhone % 96).toBe(0);
    expect(bluezone.phoneCrypto.perPhone).toBeGreaterThanOrEqual(
      96 * (doc.run.f0 + bluezone.f1.notified),
    );
    const gaen = doc.designs.find((d: { design: string }) => d.design === "gaen");
    // The same outbreak: the same true F1 and F2 behind both designs' recall.
    expect(gaen.f1.notified).toBeGreaterThan(0);
    // No F1 uploads its keys by default, so GAEN finds no F2 and its server learns no contact:
    // an upload names only its uploader, and every uploader is a confirmed F0.
    expect(gaen.f2.expected).toBe(0);
    expect(gaen.f2.notified).toBe(0);
    expect(gaen.privacy).toEqual({ nonIndexPhonesKnown: 0, contactEdgesKnown: 0 });
    expect(bluezone.privacy.contactEdgesKnown).toBeGreaterThan(gaen.privacy.contactEdgesKnown);
    // Each phone derives 144 RPIs (AES blocks) of every published key: ≥ one key per F0.
    expect(gaen.phoneCrypto.operation).toMatch(/^AES-128 block .* HKDF-SHA256 .* ECDSA/);
    expect(gaen.phoneCrypto.perPhone % 144).toBe(0);
    expect(gaen.phoneCrypto.perPhone).toBeGreaterThanOrEqual(144 * gaen.f0);
    // Every phone downloads every export file: at least the public key and one file each.
    expect(gaen.bytesOut.perPhone).toBeGreaterThan(gaen.beforeF0.bytesOut / gaen.phones + 200);
    const bluetrace = doc.designs.find((d: { design: string }) => d.design === "bluetrace");
    // The server decrypts every uploaded log: each F1 it notified is tied to its F0.
    expect(bluetrace.privacy.nonIndexPhonesKnown).toBeGreaterThanOrEqual(bluetrace.f1.notified);
    expect(bluetrace.privacy.contactEdgesKnown).toBeGreaterThanOrEqual(bluetrace.f1.notified);
    // Phones do no matching crypto; every phone fetched its TempIDs before any case, a cost
    // that recurs daily: the plan divides it by the run's days.
    expect(bluetrace.phoneCrypto).toMatchObject({ perPhone: 0 });
    expect(bluetrace.phoneCrypto.operation).toMatch(/^none/);
    expect(bluetrace.beforeF0.bytesOut / bluetrace.phones).toBeGreaterThan(
      bluezone.beforeF0.bytesOut / bluezone.phones,
    );
    expect(bluetrace.plan.bandwidthBitsPerSecond.arithmetic).toMatch(
      /over the run's 4 days\) \/ 4 days/,
    );
    expect(bluezone.plan.bandwidthBitsPerSecond.arithmetic).not.toMatch(/days\) \//);
  }, 420_000);

  it("refuses an unknown design in one line", () => {
    const r = tracebed("compare", ...RUN, "--designs", "bluezone,carrier-pigeon");
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--designs: unknown design carrier-pigeon/);
  });
});
