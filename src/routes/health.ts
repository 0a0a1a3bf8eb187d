/**
 * @module
 * `GET /health`: the worker answers (for uptime checks and the browser tests' start-up wait).
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/services.ts";

const route = createRoute({
  method: "get",
  path: "/health",
  tags: ["operators"],
  summary: "Liveness: the worker answers",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } } } },
});

export function registerHealthRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, (c) => c.json({ ok: true as const }, 200));
}
