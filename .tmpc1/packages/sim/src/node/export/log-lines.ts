import { asciiBytes, putBytes, putHex, putJsonNumber, putUint } from "./ascii-bytes.js";
import type { ChunkedFile } from "./chunked-file.js";
import type { DayIdTable, DayIdTables } from "./day-id-tables.js";
import type { DaySightingsColumns } from "./day-sightings-columns.js";
import { JsonNumberTexts } from "./json-number-texts.js";

/*
 * logs.ndjson, one sighting a line, byte for byte what JSON.stringify writes for
 * { phoneId, ownId, contactId, rssi, txPower, timestamp } in that key order, with phoneId as
 * phoneIdOf gives it ("phone-" and the agent zero-padded to 9 digits). Written straight as
 * bytes: no object, no string and no promise per line.
 */
const OPEN = asciiBytes('{"phoneId":"phone-');
const OWN_ID = asciiBytes('","ownId":"');
const CONTACT_ID = asciiBytes('","contactId":"');
const RSSI = asciiBytes('","rssi":');
const TX_POWER = asciiBytes(',"txPower":');
const TIMESTAMP = asciiBytes(',"timestamp":');
const CLOSE = asciiBytes("}\n");

/** Room for the longest line: the fixed text, a phone, two IDs, three numbers (≤ 25 chars). */
function maxLineBytes(idLength: number): number {
  return 128 + 4 * idLength + 3 * 32;
}

/** Writes days of sightings to logs.ndjson. */
export class LogLines {
  // Kept across days: a contact's RSSI text stays useful.
  private readonly numbers = new JsonNumberTexts();

  constructor(
    private readonly out: ChunkedFile,
    private readonly ids: DayIdTables,
  ) {}

  /** The day's sightings in `order` (indices into `day`). */
  async write(day: DaySightingsColumns, order: Uint32Array): Promise<void> {
    for (let i = 0; i < order.length; ) {
      i = this.fillChunk(day, order, i);
      if (i < order.length) await this.out.flush();
    }
  }

  /** Lines from `order[from]` on, until the chunk is full or the day done; the next index. */
  private fillChunk(day: DaySightingsColumns, order: Uint32Array, from: number): number {
    const { out, ids, numbers } = this;
    const { scanner, advertiser, t, rssi, txPower } = day;
    const idLength = ids.scheme.idLength;
    const buf = out.buf;
    const last = buf.length - maxLineBytes(idLength);
    let p = out.pos;
    let i = from;
    for (; i < order.length && p <= last; i++) {
      const j = order[i]!;
      const time = t[j]!;
      const table: DayIdTable = ids.dayOf(time);
      const slot = ids.slotOf(time, table);
      const own = table.offsetOf(scanner[j]!, slot);
      const contact = table.offsetOf(advertiser[j]!, slot);
      // offsetOf may grow the table: read `bytes` after both lookups.
      const bytes = table.bytes;
      p = putBytes(buf, p, OPEN);
      p = putUint(buf, p, scanner[j]!, 9);
      p = putBytes(buf, p, OWN_ID);
      p = putHex(buf, p, bytes, own, own + idLength);
      p = putBytes(buf, p, CONTACT_ID);
      p = putHex(buf, p, bytes, contact, contact + idLength);
      p = putBytes(buf, p, RSSI);
      p = numbers.put(buf, p, rssi[j]!);
      p = putBytes(buf, p, TX_POWER);
      p = numbers.put(buf, p, txPower[j]!);
      p = putBytes(buf, p, TIMESTAMP);
      p = putJsonNumber(buf, p, time);
      p = putBytes(buf, p, CLOSE);
    }
    out.pos = p;
    return i;
  }
}
