import { grown } from "../../core/index.js";

/**
 * One day's sightings as a struct of arrays (no object per sighting): who scanned, whom, when,
 * at what RSSI and tx power, in the order the simulator produced them. Reused day after day,
 * so memory stays at the busiest day's size.
 */
export class DaySightingsColumns {
  length = 0;
  scanner = new Int32Array(1024);
  advertiser = new Int32Array(1024);
  // Float64 keeps timestamps and RSSI (fractional in ideal BLE) exactly as the simulator gave them.
  t = new Float64Array(1024);
  rssi = new Float64Array(1024);
  txPower = new Float64Array(1024);

  clear(): void {
    this.length = 0;
  }

  push(scanner: number, advertiser: number, t: number, rssi: number, txPower: number): void {
    if (this.length === this.t.length) this.grow();
    const i = this.length++;
    this.scanner[i] = scanner;
    this.advertiser[i] = advertiser;
    this.t[i] = t;
    this.rssi[i] = rssi;
    this.txPower[i] = txPower;
  }

  private grow(): void {
    const n = this.t.length * 2;
    this.scanner = grown(this.scanner, n);
    this.advertiser = grown(this.advertiser, n);
    this.t = grown(this.t, n);
    this.rssi = grown(this.rssi, n);
    this.txPower = grown(this.txPower, n);
  }
}
