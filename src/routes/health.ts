/**
 * @module
 * `GET /health`: the worker answers (for uptime checks and the browser tests' start-up wait), and
 * says `degraded`, with the reasons, when the daily ECB rates are stale or have never arrived. A
 * degraded service still answers 200: a load balancer must not take it out for old rates.
 */
import * as z from "zod/mini";
import { staleFeedReason } from "../domain/rate-freshness.ts";
import { defineRoute, type ApiApp } from "../http/api-routes.ts";
import type { AppEnv, Services } from "../http/services.ts";
import { asOfDate } from "../import/ecb-import.ts";

const route = defineRoute({
  method: "get",
  path: "/health",
  tags: ["operators"],
  summary: "Liveness, and whether the reference rates are current",
  responses: {
    200: {
      description: "Alive; `degraded` names what is wrong (GET /v1/admin/rates/status tells the operator more)",
      content: {
        "application/json": {
          schema: z.object({
            ok: z.literal(true),
            status: z.enum(["ok", "degraded"]),
            reasons: z.array(z.string()).check(z.meta({ description: "Why the service is degraded (empty when ok)" })),
          }),
        },
      },
    },
  },
});

async function degradedBecause({ ratesFeed, now, settings }: Services): Promise<string[]> {
  let status;
  try {
    status = await ratesFeed().status();
  } catch (err) {
    console.error("health: the rates feed's status could not be read", err);
    return ["the status of the daily ECB rates could not be read"];
  }
  const { lastSuccess, lastFailure } = status;
  if (!lastSuccess) return lastFailure ? [`the daily ECB rates have never been fetched; the last attempt (${lastFailure.day}, attempt ${lastFailure.attempt}) failed: ${lastFailure.reason}`] : [];
  const stale = staleFeedReason("the newest ECB reference rates", asOfDate(lastSuccess.ratesDate), now(), settings.midAgeLimits);
  if (!stale) return [];
  const failing = lastFailure && lastFailure.at > lastSuccess.at ? `; the last attempt (${lastFailure.day}, attempt ${lastFailure.attempt}) failed: ${lastFailure.reason}` : "";
  return [stale + failing];
}

export function registerHealthRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const reasons = await degradedBecause(c.var.services);
    return c.json({ ok: true as const, status: reasons.length ? ("degraded" as const) : ("ok" as const), reasons }, 200);
  });
}
