import type { UploadAck, UploadBasis } from "@tracebed/protocol";
import type { EmitEvent } from "./events.js";
import { postJson } from "./http.js";
import { Limiter } from "./limiter.js";
import type { PhoneUploads } from "./phone-uploads.js";

/** Uploads phone p's keys, then its log, on one basis; `tag` makes the idempotency keys. */
export type Upload = (p: number, basis: UploadBasis, tag: string) => Promise<void>;

/** Retries of an upload refused for a while (429, 503: the matcher's store away) or cut off. */
const UPLOAD_RETRIES = 8;

/**
 * Uploads are idempotent, so a network failure, a 429 or a 503 is retried; each carries the
 * phone's credential (`authOf(p)`); at most `concurrency` run at once in this process.
 */
export function uploader(
  uploads: PhoneUploads,
  urlOf: (p: number) => string,
  authOf: (p: number) => Record<string, string>,
  concurrency: number,
  emit: EmitEvent,
): Upload {
  const limiter = new Limiter(concurrency);
  return (p, basis, tag) =>
    limiter.run(async () => {
      const url = urlOf(p);
      for (const kind of ["keys", "log"] as const) {
        const key = `${tag}-${kind}`;
        const body = kind === "keys" ? uploads.keys(p, basis, key) : uploads.log(p, basis, key);
        emit({ type: "sent", kind });
        const ack = await postJson<UploadAck>(
          url,
          `/v1/uploads/${kind}`,
          body,
          authOf(p),
          UPLOAD_RETRIES,
        );
        emit({ type: "acked", uploadId: ack.uploadId });
      }
    });
}
