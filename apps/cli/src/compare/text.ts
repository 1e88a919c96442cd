import { textTable } from "../text-table.js";
import type { DesignPlan } from "./plan.js";
import type { DesignResult } from "./run-design.js";

const share = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const bytes = (n: number) => {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GiB`;
  return n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
};

/** The designs side by side, one column each; the definitions under the table. */
export function formatCompare(
  designs: readonly (DesignResult & { plan: DesignPlan })[],
  definitions: string[],
): string {
  const col = (f: (d: DesignResult & { plan: DesignPlan }) => string) => designs.map(f);
  const table = textTable([
    ["", ...col((d) => d.design)],
    ["F1 notified / design's oracle", ...col((d) => `${d.f1.notified} / ${d.f1.expected}`)],
    [
      "F1 recall, precision (truth)",
      ...col((d) => `${share(d.f1.recall)}, ${share(d.f1.precision)}`),
    ],
    ["F2 notified / design's oracle", ...col((d) => `${d.f2.notified} / ${d.f2.expected}`)],
    [
      "F2 recall, precision (truth)",
      ...col((d) => `${share(d.f2.recall)}, ${share(d.f2.precision)}`),
    ],
    [
      "confirmed → F1 notified p50/p99",
      ...col((d) => `${d.latencyMs.p50} / ${d.latencyMs.p99} ms`),
    ],
    ["server CPU", ...col((d) => `${d.serverCpuSeconds.toFixed(2)} s`)],
    ["bytes out: server", ...col((d) => bytes(d.bytesOut.server))],
    ["bytes out: per phone", ...col((d) => bytes(d.bytesOut.perPhone))],
    ["server storage", ...col((d) => bytes(d.storageBytes))],
    [
      "phone crypto per phone",
      // The operation's name: "SHA-256", "AES-128 block" (the JSON says the rest).
      ...col(
        (d) =>
          `${d.phoneCrypto.perPhone.toLocaleString("en")} ${d.phoneCrypto.operation.split(" (")[0]}`,
      ),
    ],
    ["non-index phones known", ...col((d) => String(d.privacy.nonIndexPhonesKnown))],
    ["contact edges known", ...col((d) => String(d.privacy.contactEdgesKnown))],
    ["national plan (extrapolated):", ...col(() => "")],
    ["  server CPU cores", ...col((d) => d.plan.serverCores.value.toFixed(1))],
    [
      "  bandwidth out",
      ...col((d) => `${(d.plan.bandwidthBitsPerSecond.value / 1e9).toFixed(2)} Gbit/s`),
    ],
    ["  download per phone a day", ...col((d) => bytes(d.plan.downlinkPerPhonePerDay.value))],
    ["  server storage", ...col((d) => bytes(d.plan.storageBytes.value))],
  ]);
  const errors = designs.flatMap((d) => d.errors.map((e) => `${d.design}: ${e}`));
  return [table, "", ...definitions.map((l) => `- ${l}`), ...errors].join("\n");
}
