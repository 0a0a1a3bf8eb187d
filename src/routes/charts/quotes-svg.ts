/**
 * @module
 * `GET /v1/corridors/{corridor}/quotes.svg`: the comparison's options as bars of their total cost %.
 * The figures are the comparison's own answer, asked of the comparison route inside this worker
 * (no network): the same pricing, validation and errors, whatever the pricing becomes.
 */
import * as z from "zod/mini";
import { chartWords, type ChartLang } from "../../charts/words.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { compareQuery, type comparisonSchema } from "../compare/compare-quotes.ts";
import { corridorParams, errorResponses } from "../params.ts";
import { chartLang, langParam, svgContent, svgResponse } from "./svg-response.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/corridors/{corridor}/quotes.svg",
  tags: ["migrants"],
  summary: "A chart of every option's total cost %, coloured by its SDG verdict, against the 3 % and 5 % lines",
  description: "Takes the comparison's parameters (`GET /v1/corridors/{corridor}/quotes`) and `lang`.",
  // Checked here for the document and the 400s; the comparison checks the rest (one of amount and recipientAmount).
  request: { params: corridorParams, query: z.strictObject({ ...compareQuery.shape, lang: langParam }) },
  responses: { 200: { description: "An SVG image", content: svgContent }, ...errorResponses },
});

type Comparison = z.output<typeof comparisonSchema>;

async function chartOf(answer: Comparison, lang: ChartLang): Promise<string> {
  const { quotesChart } = await import("../../charts/quotes-chart.ts");
  const words = chartWords(lang);
  // The product's name only where it tells a provider's options apart.
  const products = new Map<string, number>();
  for (const q of answer.quotes) products.set(q.provider.id, (products.get(q.provider.id) ?? 0) + 1);
  const name = (q: Comparison["quotes"][number]) => (products.get(q.provider.id)! > 1 ? `${q.provider.name} (${q.product})` : q.provider.name);
  return quotesChart({
    lang,
    title: words.text("quotesTitle", { corridor: answer.corridor, amount: words.amount(answer.amount.amount, answer.amount.currency) }),
    bars: answer.quotes.map((q) => ({ name: name(q), totalCostPercent: q.totalCost.percent, verdict: q.sdg })),
  });
}

export function registerQuotesSvgRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const url = new URL(c.req.url);
    const lang = chartLang(c.req.valid("query").lang);
    url.pathname = url.pathname.replace(/\.svg$/, "");
    url.searchParams.delete("lang");
    // No client address and no key: the outer request was the one counted by the rate limits.
    const answer = await app.request(url.pathname + url.search, { headers: { accept: "application/json" } }, c.env);
    if (answer.status !== 200) return answer;
    return svgResponse(c, await chartOf((await answer.json()) as Comparison, lang));
  });
}
