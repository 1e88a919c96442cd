import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.js";

/** Health, Prometheus metrics, stats and the OpenAPI document. */
export function registerOpsRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get("/healthz", async (_req, reply) => {
    try {
      await ctx.store.stats();
      return { status: "ok", store: ctx.store.kind };
    } catch (err) {
      return reply
        .code(503)
        .send({ status: "unavailable", store: ctx.store.kind, message: (err as Error).message });
    }
  });
  app.get("/metrics", async (_req, reply) => {
    const text = await ctx.metrics.registry.metrics();
    return reply.type(ctx.metrics.registry.contentType).send(text);
  });
  app.get("/v1/stats", async () => ctx.stats());
  app.get("/v1/openapi.json", async () => ctx.openapi());
}
