/**
 * @module
 * `GET /v1/stats/global/history.svg`: the global average, the weighted average and the global
 * SmaRT by quarter, from the quarters' global documents (one bulk read per hundred quarters).
 */
import * as z from "zod/mini";
import type { HistorySeries } from "../../charts/history-chart.ts";
import { chartWords } from "../../charts/words.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { amountFrom, statsQuery } from "../stats/stats-params.ts";
import { chartSize } from "./corridor-history-svg.ts";
import { chartLang, langParam, svgContent, svgResponse } from "./svg-response.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/stats/global/history.svg",
  tags: ["regulators"],
  summary: "A chart of the global average, weighted average and global SmaRT by quarter, against the 3 % and 5 % lines",
  request: { query: z.strictObject({ amount: statsQuery.shape.amount, lang: langParam, size: chartSize }) },
  responses: { 200: { description: "An SVG image", content: svgContent }, ...errorResponses },
});

export function registerGlobalHistorySvgRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const { lang: tag, size, ...query } = c.req.valid("query");
    const lang = chartLang(tag);
    const amount = amountFrom(query.amount);
    const stats = c.var.services.stats;
    const periods = (await stats.periods())?.periods ?? [];
    const docs = (await stats.globals(periods)).filter((d) => d !== null);
    if (docs.length === 0) throw notFound("no statistics yet: import RPW data first (POST /v1/admin/imports/rpw)");
    const figures = docs.map((d) => d.amounts[`${amount}`]);
    const words = chartWords(lang);
    const values = (pick: (g: (typeof figures)[number]) => string | null) => Object.fromEntries(figures.map((g) => [g.period, pick(g)]));
    const series: HistorySeries[] = [
      { key: "global", name: words.text("series.global"), colour: "#0b5fff", values: values((g) => g.globalAverageTotalCostPercent) },
      { key: "weighted", name: words.text("series.weighted"), colour: "#00838f", values: values((g) => g.weightedAverageTotalCostPercent) },
      { key: "smart", name: words.text("series.globalSmart"), colour: "#6a3d9a", dashed: true, values: values((g) => g.globalSmartPercent) },
    ];
    const shown = series.filter((s) => Object.values(s.values).some((v) => v !== null));
    const { historyChart } = await import("../../charts/history-chart.ts");
    return svgResponse(c, historyChart({ lang, title: words.text("globalTitle", { amount: words.amount(`${amount}`, "USD") }), series: shown, small: size === "small" }));
  });
}
