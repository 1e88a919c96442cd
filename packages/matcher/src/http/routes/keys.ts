import {
  type KeyCatchUpResponse,
  keyCatchUpQuerySchema,
  MAX_PUSHES_PER_PAGE,
  parseMessage,
  SECONDS_PER_DAY,
} from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import { unixSeconds } from "../../clock.js";
import type { MatcherStore } from "../../store/common/types.js";
import type { HttpContext } from "../context.js";

/** Key catch-up for phones that were offline (docs/PROTOCOL.md step 3). */
export function registerKeyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/v1/keys", async (req) => {
    const { since } = parseMessage(keyCatchUpQuerySchema, req.query);
    return catchUp(
      ctx.store,
      since ?? 0,
      unixSeconds(ctx.options.clock),
      ctx.options.params.windowDays,
    );
  });
}

/**
 * Pushes with seq > since, at most a page. Pushes older than the retention window are left
 * out (their keys are all outside any window now), but `next` still moves past them.
 */
export async function catchUp(
  store: MatcherStore,
  since: number,
  now: number,
  windowDays: number,
): Promise<KeyCatchUpResponse> {
  const page = await store.listPushes(since, MAX_PUSHES_PER_PAGE);
  const oldest = now - windowDays * SECONDS_PER_DAY;
  const last = page.pushes.at(-1);
  return {
    pushes: page.pushes.filter((p) => p.pushedAt >= oldest),
    next: last === undefined ? since : last.seq,
    more: page.more,
  };
}
