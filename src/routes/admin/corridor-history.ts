/**
 * @module
 * `GET /v1/admin/corridors/{corridor}/history`: every accepted write to a corridor, oldest first,
 * read from its ledger (the Durable Object that stored them), so it is complete the moment a
 * write is answered.
 */
import * as z from "zod/mini";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { unavailableOnFailure } from "../../http/guarded-kv.ts";
import { adminErrorResponses, corridorFrom, corridorParams } from "../params.ts";

const record = named(
  "LedgerRecord",
  z.object({
    seq: z.int(),
    at: z.string(),
    actor: z.object({ id: z.string(), role: z.string() }),
    entry: z.object({ id: z.string(), provider: z.unknown(), products: z.array(z.unknown()), updatedAt: z.string() }),
    previous: z.unknown(),
  }),
);

const route = defineRoute({
  method: "get",
  path: "/v1/admin/corridors/{corridor}/history",
  tags: ["operators"],
  summary: "Every accepted write to a corridor, oldest first",
  security: [{ bearer: [] }],
  request: { params: corridorParams },
  responses: {
    200: { description: "The corridor's ledger", content: { "application/json": { schema: z.object({ corridor: z.string(), records: z.array(record) }) } } },
    ...adminErrorResponses,
  },
});

export function registerCorridorHistoryRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const corridor = corridorFrom(c.req.valid("param").corridor);
    const records = await unavailableOnFailure(c.var.services.ledger(corridor.id).history(), `the ledger of ${corridor.id} did not answer`);
    return c.json({ corridor: corridor.id, records }, 200);
  });
}
