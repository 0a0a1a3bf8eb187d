/**
 * @module
 * `GET /v1/admin/rates/status`: the daily ECB fetch as the operator needs to see it: the last
 * success, the last failure and its reason, and when the next attempt is due.
 */
import * as z from "zod/mini";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";

const when = (description: string) => z.string().check(z.meta({ description }));

export const ratesFeedStatusSchema = named(
  "RatesFeedStatus",
  z.object({
    lastSuccess: z.nullable(
      z.object({
        at: when("when the attempt that succeeded was made (as planned: the cron's time, then each retry's)"),
        day: when("the day whose rates were fetched"),
        ratesDate: when("the reference date of the newest rates in the file"),
        currencies: z.int().check(z.meta({ description: "currencies whose current EUR reference rate this import set" })),
        attempt: z.int().check(z.meta({ description: "1 for the cron's own attempt, more after retries" })),
      }),
    ),
    lastFailure: z.nullable(
      z.object({
        at: when("when the failed attempt was made"),
        day: when("the day whose rates were wanted"),
        attempt: z.int(),
        reason: when("the error and its cause, as logged"),
        retryAt: z.nullable(when("the retry planned after it (null: the day ended first)")),
      }),
    ),
    lastClosed: z.nullable(z.object({ day: z.string(), reason: when("why the ECB publishes no rates that day (weekend, TARGET holiday): not a failure") })),
    nextAttemptAt: z.nullable(when("the next retry planned (null: none)")),
  }),
);

const route = defineRoute({
  method: "get",
  path: "/v1/admin/rates/status",
  tags: ["operators"],
  summary: "The daily ECB rates fetch: last success, last failure and its reason, next retry",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "The rates feed's status", content: { "application/json": { schema: ratesFeedStatusSchema } } },
    ...adminErrorResponses,
  },
});

export function registerRatesStatusRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => c.json(await c.var.services.ratesFeed().status(), 200));
}
