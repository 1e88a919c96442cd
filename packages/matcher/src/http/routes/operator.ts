import type { OperatorCounts } from "@tracebed/protocol";
import type { FastifyInstance } from "fastify";
import type { DesignServer } from "../../designs/types.js";
import type { HttpContext } from "../context.js";
import { operatorAuth } from "../operator-auth.js";

/**
 * `GET /v1/operator/counts`: what the served design's store holds, counted now from its records
 * (the same for every design: each answers through its DesignServer). Operator scope only.
 */
export function registerOperatorRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  design: DesignServer,
): void {
  const { options } = ctx;
  const onRequest = operatorAuth({
    haToken: options.haToken,
    viewerToken: options.viewerToken,
    phones: ctx.phones,
  });
  app.get("/v1/operator/counts", { onRequest }, async () => {
    const [privacy, phoneCrypto, storageBytes] = await Promise.all([
      design.privacy(),
      design.phoneCrypto(),
      design.storageBytes(),
    ]);
    const counts: OperatorCounts = {
      design: options.design,
      privacy: {
        nonIndexPhonesKnown: privacy.nonIndexPhonesKnown,
        contactEdgesKnown: privacy.contactEdgesKnown,
      },
      phoneCrypto: { perPhone: phoneCrypto.perPhone, operation: phoneCrypto.operation },
      storageBytes,
    };
    return counts;
  });
}
