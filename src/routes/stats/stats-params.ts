/**
 * @module
 * What the statistics routes share: the period and amount parameters, the response schemas, and
 * the choice between JSON and CSV.
 */
import * as z from "zod/mini";
import type { Context } from "hono";
import { latestPeriod, parsePeriod, type Period } from "../../domain/period.ts";
import type { SurveyAmount } from "../../domain/observation.ts";
import { sdgVerdicts } from "../../domain/sdg.ts";
import { named } from "../../http/api-routes.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import type { StatsRepo } from "../../store/stats-repo.ts";

export const statsQuery = z.strictObject({
  period: z.optional(z.string().check(z.maxLength(10), z.meta({ description: "a quarter, 2019Q4 or RPW's 2019_4Q; the latest when absent", example: "2019Q4" }))),
  amount: z._default(z.enum(["200", "500"]).check(z.meta({ description: "the surveyed amount in USD: 200 (RPW's cc1) or 500 (cc2)" })), "200"),
  format: z.optional(z.enum(["json", "csv"]).check(z.meta({ description: "csv for a CSV export (also with Accept: text/csv)" }))),
});

/** The canonical period, or a 400 naming what is wrong with it. */
export function periodFrom(raw: string | undefined): Period | undefined {
  if (raw === undefined || raw === "") return undefined;
  const parsed = parsePeriod(raw);
  if (!parsed.ok) throw badRequest(parsed.reason, { field: "period" });
  return parsed.period;
}

export const amountFrom = (raw: "200" | "500") => Number(raw) as SurveyAmount;

/** The asked quarter, or the latest one stored (one more KV read). */
export async function resolvePeriod(stats: StatsRepo, asked: Period | undefined, now: Date): Promise<Period> {
  if (asked) return asked;
  // Never a quarter still to come, even if one was stored before future data were refused.
  const latest = latestPeriod((await stats.periods())?.periods ?? [], now);
  if (!latest) throw notFound("no statistics yet: import RPW data first (POST /v1/admin/imports/rpw)");
  return latest;
}

/** The document of the asked (or latest) quarter at the asked amount, or a 404. */
export async function periodDocFor(stats: StatsRepo, query: { period?: string; amount: "200" | "500" }, now: Date) {
  const period = await resolvePeriod(stats, periodFrom(query.period), now);
  const amount = amountFrom(query.amount);
  const doc = await stats.period(period);
  if (!doc) throw notFound(`no statistics for ${period}`);
  return { period, amount, updatedAt: doc.updatedAt, figures: doc.amounts[`${amount}`] };
}

export function wantsCsv(c: Context<AppEnv>, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  return (c.req.header("accept") ?? "").toLowerCase().includes("text/csv");
}

const percent = z.nullable(z.string()).check(z.meta({ description: "percent, 4 decimals", example: "7.1234" }));

export const corridorStatsSchema = named(
  "CorridorStats",
  z.object({
    corridor: z.string(),
    from: z.string(),
    to: z.string(),
    period: z.string(),
    amountUsd: z.int(),
    services: z.int(),
    transparentServices: z.int(),
    averageTotalCostPercent: percent,
    medianTotalCostPercent: percent,
    smartPercent: percent,
    cheapest: z.nullable(z.object({ firm: z.string(), firmType: z.string(), totalCostPercent: z.string() })),
    byProviderType: z.record(z.string(), z.object({ services: z.int(), transparentServices: z.int(), averageTotalCostPercent: percent })),
    sdg: z.nullable(z.enum(sdgVerdicts)),
  }),
);

const groupSchema = z.object({ corridors: z.int(), transparentServices: z.int(), averageTotalCostPercent: percent });

export const globalStatsSchema = named(
  "GlobalStats",
  z.object({
    period: z.string(),
    amountUsd: z.int(),
    corridors: z.int(),
    services: z.int(),
    transparentServices: z.int(),
    globalAverageTotalCostPercent: percent,
    weightedAverageTotalCostPercent: percent,
    weightedCorridors: z.int(),
    globalSmartPercent: percent,
    smartCorridors: z.int(),
    byProviderType: z.record(z.string(), z.object({ transparentServices: z.int(), averageTotalCostPercent: percent })),
    bySendingRegion: z.record(z.string(), groupSchema),
    byReceivingRegion: z.record(z.string(), groupSchema),
    corridorsAbove5Percent: z.array(z.object({ corridor: z.string(), averageTotalCostPercent: z.string() })),
    sdg: z.nullable(z.enum(sdgVerdicts)),
    updatedAt: z.string(),
  }),
);

export const csvContent = { "text/csv": { schema: z.string() } };
