/**
 * @module
 * `GET /stats`: the regulators' page. The latest quarter's global figures and chart, then every
 * corridor of that quarter, the ones above 5 % first, each with its sparkline and its data. Plain
 * HTML that is complete without script; `/stats.js` only adds sorting. Its policy runs no inline
 * script or style and loads nothing from elsewhere.
 */
import { html } from "hono/html";
import * as z from "zod/mini";
import { percentLabel } from "../../charts/words.ts";
import { countryName } from "../../domain/countries.ts";
import type { CorridorStats, GlobalStats } from "../../domain/statistics.ts";
import type { SdgVerdict } from "../../domain/sdg.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { amountFrom, periodFrom, statsQuery } from "../stats/stats-params.ts";
import { latestPeriod } from "../../domain/period.ts";
import { notFound } from "../../http/problem.ts";
import { pageLangs, pageWords, type PageLang, type PageWords } from "./stats-page-words.ts";

const langParam = z._default(z.enum(pageLangs).check(z.meta({ description: "The language of the page's words: en, es or fr" })), "en");

const route = defineRoute({
  method: "get",
  path: "/stats",
  tags: ["regulators"],
  summary: "The regulators' page: the latest quarter's corridors against the 3 % and 5 % lines (HTML)",
  request: { query: z.strictObject({ period: statsQuery.shape.period, amount: statsQuery.shape.amount, lang: langParam }) },
  responses: { 200: { description: "An HTML page", content: { "text/html": { schema: z.string() } } }, ...errorResponses },
});

export const STATS_PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Above 5 % first, then 3–5 %, below 3 %, none; the most expensive first within each. */
const RANK: Record<SdgVerdict, number> = { above_5: 0, "3_to_5": 1, below_3: 2 };
const rankOf = (s: CorridorStats) => (s.sdg ? RANK[s.sdg] : 3);

/** Sorting order by the average, most expensive first: numbers only choose the order, nothing is shown from them. */
function aboveFirst(a: CorridorStats, b: CorridorStats): number {
  return rankOf(a) - rankOf(b) || Number(b.averageTotalCostPercent ?? -1) - Number(a.averageTotalCostPercent ?? -1) || (a.corridor < b.corridor ? -1 : 1);
}

const pct = (lang: PageLang, t: PageWords, v: string | null) => (v === null ? t.notDefined : percentLabel(lang, v));

function corridorRow(s: CorridorStats, lang: PageLang, t: PageWords, amount: number) {
  const history = `/v1/stats/corridors/${s.corridor}/history`;
  const verdict = s.sdg ? html`<span class="verdict">${t.verdicts[s.sdg]}</span>` : html`<span class="verdict none">${t.noVerdict}</span>`;
  return html`<tr class="sdg-${s.sdg ?? "none"}" id="row-${s.corridor}">
<th scope="row" data-sort="${s.corridor}">${s.corridor}<span class="names">${countryName(s.from)} → ${countryName(s.to)}</span></th>
<td class="num average" data-sort="${s.averageTotalCostPercent ?? ""}">${pct(lang, t, s.averageTotalCostPercent)}</td>
<td class="num" data-sort="${s.smartPercent ?? ""}">${pct(lang, t, s.smartPercent)}</td>
<td class="num" data-sort="${s.services}">${s.services}</td>
<td class="verdict-cell" data-sort="${rankOf(s)}">${verdict}</td>
<td class="spark"><img class="chart" loading="lazy" width="180" height="48" src="${history}.svg?amount=${amount}&amp;size=small&amp;lang=${lang}" alt="${t.historyAlt(s.corridor)}"></td>
<td><a href="${history}?amount=${amount}">JSON</a> · <a href="${history}?amount=${amount}&amp;format=csv">CSV</a></td>
</tr>`;
}

function globalFigures(g: GlobalStats, lang: PageLang, t: PageWords) {
  const figure = (term: string, value: string | number) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="figures">
${figure(t.globalAverage, pct(lang, t, g.globalAverageTotalCostPercent))}
${figure(t.weightedAverage, pct(lang, t, g.weightedAverageTotalCostPercent))}
${figure(t.globalSmart, pct(lang, t, g.globalSmartPercent))}
${figure(t.corridors, g.corridors)}
${figure(t.services, g.services)}
</dl>`;
}

function choices(lang: PageLang, amount: number, t: PageWords, period: string | undefined) {
  const link = (l: PageLang, a: number, text: string, current: boolean) =>
    html`<a href="/stats?lang=${l}&amp;amount=${a}${period ? `&period=${period}` : ""}"${current ? html` aria-current="true"` : ""}>${text}</a>`;
  const names: Record<PageLang, string> = { en: "English", es: "Español", fr: "Français" };
  return html`<nav class="choices" aria-label="${t.amount} / ${t.language}">
<span>${t.amount}: ${[200, 500].map((a, i) => html`${i ? " · " : ""}${link(lang, a, `USD ${a}`, a === amount)}`)}</span>
<span>${t.language}: ${(["en", "es", "fr"] as const).map((l, i) => html`${i ? " · " : ""}<span lang="${l}">${link(l, amount, names[l], l === lang)}</span>`)}</span>
</nav>`;
}

export function registerStatsPageRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const { lang, ...query } = c.req.valid("query");
    const amount = amountFrom(query.amount);
    const t = pageWords[lang];
    const stats = c.var.services.stats;
    const asked = periodFrom(query.period);
    const periods = (await stats.periods())?.periods ?? [];
    if (asked && !periods.includes(asked)) throw notFound(`no statistics for ${asked}`);
    const latest = asked ?? latestPeriod(periods, c.var.services.now());
    const [periodDoc, globals] = latest ? await Promise.all([stats.period(latest), stats.globals(periods)]) : [null, []];
    const global = globals[periods.indexOf(latest ?? "")]?.amounts[`${amount}`];
    const corridors = [...(periodDoc?.amounts[`${amount}`].corridors ?? [])].sort(aboveFirst);
    const above = corridors.filter((s) => s.sdg === "above_5");

    const body =
      !latest || !global
        ? html`<p>${t.none}</p>`
        : html`<p>${t.intro(latest, amount)}</p>
<p class="headline${above.length ? "" : " ok"}" id="headline">${above.length ? t.above(above.length, corridors.length) : t.noneAbove(corridors.length)}</p>
${above.length ? html`<p class="above-list">${t.aboveList} ${above.map((s, i) => html`${i ? ", " : ""}<a href="#row-${s.corridor}">${s.corridor}</a>`)}</p>` : ""}
<h2>${t.global}</h2>
${globalFigures(global, lang, t)}
<p><img class="chart" width="720" height="340" src="/v1/stats/global/history.svg?amount=${amount}&amp;lang=${lang}" alt="${t.globalChartAlt(amount)}"></p>
<details><summary>${t.chartFigures}</summary>
<table><thead><tr><th scope="col">${t.quarter}</th><th scope="col" class="num">${t.globalAverage}</th><th scope="col" class="num">${t.weightedAverage}</th><th scope="col" class="num">${t.globalSmart}</th></tr></thead>
<tbody>${globals
            .filter((d) => d !== null)
            .map((d) => d.amounts[`${amount}`])
            .map(
              (g) =>
                html`<tr><th scope="row">${g.period}</th><td class="num">${pct(lang, t, g.globalAverageTotalCostPercent)}</td><td class="num">${pct(lang, t, g.weightedAverageTotalCostPercent)}</td><td class="num">${pct(lang, t, g.globalSmartPercent)}</td></tr>`,
            )}</tbody></table>
<p><a href="/v1/stats/global?period=${latest}&amp;amount=${amount}">JSON</a> · <a href="/v1/stats/global?period=${latest}&amp;amount=${amount}&amp;format=csv">CSV</a></p>
</details>
<h2 id="corridors">${t.table}</h2>
<p class="hint" data-sort-hint hidden>${t.sortHint}</p>
<table data-sortable id="corridor-table">
<thead><tr><th scope="col" data-sort-type="text">${t.corridor}</th><th scope="col" class="num" data-sort-type="number">${t.average}</th><th scope="col" class="num" data-sort-type="number">${t.smart}</th><th scope="col" class="num" data-sort-type="number">${t.services}</th><th scope="col" data-sort-type="number">${t.verdict}</th><th scope="col" class="spark">${t.history}</th><th scope="col">${t.data}</th></tr></thead>
<tbody>${corridors.map((s) => corridorRow(s, lang, t, amount))}</tbody>
</table>`;

    const page = await html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>tenc — ${t.title}</title><link rel="icon" href="/stats-icon.svg" type="image/svg+xml"><link rel="stylesheet" href="/stats.css"><script src="/stats.js" defer></script></head>
<body><main>
<h1>${t.title}</h1>
${choices(lang, amount, t, asked)}
${body}
</main></body></html>`;
    c.header("content-security-policy", STATS_PAGE_POLICY);
    c.header("referrer-policy", "no-referrer");
    return c.html(page, 200);
  });
}
