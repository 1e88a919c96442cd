import { buildExportFile, type ExportSigner, type ExposureKey } from "@tracebed/protocol/gaen";
import type { Clock } from "../../clock.js";
import type { GaenOptions } from "./options.js";
import { GAEN_RETENTION_EVERY_SECONDS, gaenRetentionBounds } from "./retention.js";
import type { GaenStore, StoredKey } from "./store.js";

/** A batch's file name: `<start>-<end>-00001.zip`, as exposure-notifications-server names them. */
export function exportName(batch: number, periodSeconds: number): string {
  const start = batch * periodSeconds;
  return `${start}-${start + periodSeconds}-00001.zip`;
}

function exposureKey(k: StoredKey): ExposureKey {
  return {
    keyData: new Uint8Array(Buffer.from(k.key, "hex")),
    rollingStartIntervalNumber: k.rollingStartIntervalNumber,
    rollingPeriod: k.rollingPeriod,
    reportType: k.reportType,
  };
}

/**
 * Builds each batch's export once its period has ended: seals it, signs it, stores it. Every
 * process runs one; with a shared store the first to store a batch's file wins and the others'
 * copies are dropped (the index lists one file per batch). It also sweeps what is older than
 * the window (retention.ts): at its first run, then once the clock has moved on an hour.
 */
export class ExportBatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** Unix seconds from which the next retention sweep is due. */
  private retainAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: GaenStore,
    private readonly options: GaenOptions,
    private readonly clock: Clock,
    private readonly sign: ExportSigner,
    private readonly onError: (err: unknown, what: string) => void,
    private readonly windowDays: number,
  ) {}

  start(): void {
    const everyMs = Math.min(1_000, (this.options.exportPeriodSeconds * 1_000) / 4);
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  /** Builds every batch whose period has ended, sweeps if due; resolves when done (one run at a time). */
  tick(): Promise<void> {
    this.running ??= this.buildDue()
      .catch((err: unknown) => this.onError(err, "export batch"))
      .then(() => this.retainDue())
      .catch((err: unknown) => this.onError(err, "export retention"))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async buildDue(): Promise<void> {
    const period = this.options.exportPeriodSeconds;
    const ended = Math.floor(this.clock() / 1000 / period) - 1;
    for (const batch of await this.store.pendingBatches(ended)) {
      const keys = await this.store.sealBatch(batch);
      const zip = await buildExportFile(
        {
          startTimestamp: batch * period,
          endTimestamp: (batch + 1) * period,
          region: this.options.region,
          keys: keys.map(exposureKey),
        },
        {
          verificationKeyId: this.options.verificationKeyId,
          verificationKeyVersion: this.options.verificationKeyVersion,
        },
        this.sign,
      );
      await this.store.putExport(batch, exportName(batch, period), zip);
    }
  }

  private async retainDue(): Promise<void> {
    const now = Math.floor(this.clock() / 1000);
    if (now < this.retainAt) return;
    this.retainAt = now + GAEN_RETENTION_EVERY_SECONDS;
    const period = this.options.exportPeriodSeconds;
    await this.store.retain(gaenRetentionBounds(now, this.windowDays, period));
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.running;
  }
}
