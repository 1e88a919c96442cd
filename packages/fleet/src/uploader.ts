import type { UploadAck, UploadBasis } from "@tracebed/protocol";
import type { EmitEvent } from "./events.js";
import { postJson } from "./http.js";
import { Limiter } from "./limiter.js";
import type { PhoneUploads } from "./phone-uploads.js";

/** Uploads phone p's keys, then its log, on one basis; `tag` makes the idempotency keys. */
export type Upload = (p: number, basis: UploadBasis, tag: string) => Promise<void>;

/**
 * Uploads are idempotent, so a network failure is retried (3 times); at most `concurrency`
 * run at once in this process.
 */
export function uploader(
  uploads: PhoneUploads,
  urlOf: (p: number) => string,
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
        const ack = await postJson<UploadAck>(url, `/v1/uploads/${kind}`, body, {}, 3);
        emit({ type: "acked", uploadId: ack.uploadId });
      }
    });
}
