/**
 * @module
 * `GET /stats.css` and `GET /stats.js`: the regulators' page's style and its one script, served as
 * files so that the page's policy allows no inline script or style. The script only adds sorting to
 * a table that is complete and ordered without it.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { errorResponses } from "../params.ts";
import type { AppEnv } from "../../http/services.ts";

export const STATS_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b4fd6}h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
nav.choices{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;font-size:.95rem}nav.choices a[aria-current]{font-weight:700;color:#1b1b1b;text-decoration:none}
.headline{font-size:1.35rem;font-weight:700;border-left:.5rem solid #b00020;background:#fdecee;padding:.6rem .9rem;margin:1rem 0 .3rem}
.headline.ok{border-color:#1b7a3a;background:#e8f4ec}
.above-list{margin:.2rem 0 1rem;font-weight:600;color:#b00020}
dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem;margin:0}
dl.figures div{border:1px solid #ddd;border-radius:.4rem;padding:.4rem .6rem}dl.figures dt{font-size:.85rem;color:#555}dl.figures dd{margin:0;font-size:1.25rem;font-weight:600}
img.chart{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .5rem;text-align:left;vertical-align:middle}
td.num,th.num{text-align:right}
thead th{background:#f4f4f4;position:sticky;top:0}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit}
th button::after{content:" ↕";color:#888}th[aria-sort=ascending] button::after{content:" ↑";color:#1b1b1b}th[aria-sort=descending] button::after{content:" ↓";color:#1b1b1b}
tr.sdg-above_5 td:first-child{border-left:.35rem solid #b00020}tr.sdg-above_5{background:#fff5f6}
tr.sdg-3_to_5 td:first-child{border-left:.35rem solid #8a5a00}tr.sdg-below_3 td:first-child{border-left:.35rem solid #1b7a3a}
.verdict{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-size:.9rem;color:#fff;white-space:nowrap}
.sdg-above_5 .verdict{background:#b00020;font-weight:700}.sdg-3_to_5 .verdict{background:#8a5a00}.sdg-below_3 .verdict{background:#1b7a3a}.verdict.none{background:#666}
.names{display:block;font-size:.8rem;color:#555}
.hint{font-size:.9rem;color:#555}
details{margin:.5rem 0}
:focus-visible{outline:3px solid #0b5fff;outline-offset:2px}
@media (max-width:700px){td.spark,th.spark{display:none}}
`;

/** Sorting by a column: numbers by value, text by the page's language; a second choice reverses. */
export const STATS_JS = `"use strict";
for (const table of document.querySelectorAll("table[data-sortable]")) {
  const body = table.tBodies[0];
  const lang = document.documentElement.lang || "en";
  for (const th of table.querySelectorAll("thead th[data-sort-type]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener("click", () => {
      const column = th.cellIndex;
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      const numeric = th.dataset.sortType === "number";
      const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent;
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
        const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, lang);
        return ascending ? order : -order;
      });
      body.append(...rows);
      for (const other of table.querySelectorAll("thead th")) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  }
  for (const hint of document.querySelectorAll("[data-sort-hint]")) hint.hidden = false;
}
`;

/** The page's icon (a browser asks for one; without it, a 404 in the console). */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#fff"/><rect x="2" y="9" width="3" height="5" fill="#1b7a3a"/><rect x="6.5" y="6" width="3" height="8" fill="#8a5a00"/><rect x="11" y="2" width="3" height="12" fill="#b00020"/></svg>`;

const asset = (path: string, summary: string, mediaType: string) =>
  defineRoute({
    method: "get",
    path,
    tags: ["regulators"],
    summary,
    responses: { 200: { description: summary, content: { [mediaType]: { schema: z.string() } } }, 429: errorResponses[429] },
    "x-query-ignored": true,
  });

const ASSETS = [
  { route: asset("/stats.css", "The regulators' page's style", "text/css"), body: STATS_CSS, type: "text/css; charset=utf-8" },
  { route: asset("/stats.js", "The regulators' page's script: sorting the corridors' table", "text/javascript"), body: STATS_JS, type: "text/javascript; charset=utf-8" },
  { route: asset("/stats-icon.svg", "The regulators' page's icon", "image/svg+xml"), body: ICON, type: "image/svg+xml" },
];

export function registerStatsPageAssets(app: ApiApp<AppEnv>) {
  for (const { route, body, type } of ASSETS) {
    app.openapi(route, (c) => c.body(body, 200, { "content-type": type, "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'" }));
  }
}
