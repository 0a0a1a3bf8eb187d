/**
 * @module
 * `GET /health`: the worker answers (for uptime checks and the browser tests' start-up wait).
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../http/api-routes.ts";
import type { AppEnv } from "../http/services.ts";

const route = defineRoute({
  method: "get",
  path: "/health",
  tags: ["operators"],
  summary: "Liveness: the worker answers",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } } } },
});

export function registerHealthRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, (c) => c.json({ ok: true as const }, 200));
}
