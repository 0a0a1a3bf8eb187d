/**
 * @module
 * `GET /v1/stats/corridors/{corridor}/history.svg`: the corridor's average and SmaRT by quarter,
 * from the same document as `GET /v1/stats/corridors/{corridor}/history`.
 */
import * as z from "zod/mini";
import type { HistorySeries } from "../../charts/history-chart.ts";
import { chartWords } from "../../charts/words.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";
import { amountFrom, statsQuery } from "../stats/stats-params.ts";
import { chartLang, langParam, svgContent, svgResponse } from "./svg-response.ts";

export const chartSize = z._default(z.enum(["large", "small"]).check(z.meta({ description: "small: a sparkline without axes or words, 180×48" })), "large");

const route = defineRoute({
  method: "get",
  path: "/v1/stats/corridors/{corridor}/history.svg",
  tags: ["regulators"],
  summary: "A chart of a corridor's average total cost and SmaRT by quarter, against the 3 % and 5 % lines",
  request: { params: corridorParams, query: z.strictObject({ amount: statsQuery.shape.amount, lang: langParam, size: chartSize }) },
  responses: { 200: { description: "An SVG image", content: svgContent }, ...errorResponses },
});

export function registerCorridorHistorySvgRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const corridor = corridorFrom(c.req.valid("param").corridor);
    const { lang: tag, size, ...query } = c.req.valid("query");
    const lang = chartLang(tag);
    const amount = amountFrom(query.amount);
    const doc = await c.var.services.stats.corridor(corridor.id);
    if (!doc || doc.periods.length === 0) throw notFound(`no statistics for corridor ${corridor.id}`);
    const words = chartWords(lang);
    const stats = doc.periods.map((p) => p.amounts[`${amount}`]);
    const series: HistorySeries[] = [
      { key: "average", name: words.text("series.average"), colour: "#0b5fff", values: Object.fromEntries(stats.map((s) => [s.period, s.averageTotalCostPercent])) },
    ];
    // A sparkline is the average alone: two lines in 180 pixels read as one.
    if (size === "large" && stats.some((s) => s.smartPercent !== null)) {
      series.push({ key: "smart", name: words.text("series.smart"), colour: "#6a3d9a", dashed: true, values: Object.fromEntries(stats.map((s) => [s.period, s.smartPercent])) });
    }
    const { historyChart } = await import("../../charts/history-chart.ts");
    return svgResponse(c, historyChart({ lang, title: words.text("corridorTitle", { corridor: corridor.id, amount: words.amount(`${amount}`, "USD") }), series, small: size === "small" }));
  });
}
