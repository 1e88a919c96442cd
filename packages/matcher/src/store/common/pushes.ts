import type { KeyPush } from "@tracebed/protocol";
import type { MatcherStore } from "./types.js";

/** Every push with seq > since, in seq order, read from the store a page at a time. */
export async function* pushesSince(store: MatcherStore, since: number): AsyncGenerator<KeyPush> {
  for (let from = since; ; ) {
    const page = await store.listPushes(from, 1_000);
    yield* page.pushes;
    if (!page.more || page.pushes.length === 0) return;
    from = page.pushes.at(-1)!.seq;
  }
}
