/**
 * The RPW import on the real file's traps and on bad input, and the CSV exports of the statistics.
 */
import { describe, expect, it } from "vitest";
import { env as cloudflareEnv } from "cloudflare:workers";
import { parse } from "csv-parse/browser/esm/sync";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { adminCall, call, json } from "./helpers.ts";
import { readRpwHeader, rowIdentity, rpwRow } from "../src/import/rpw-csv.ts";
import { sha256Hex } from "../src/store/hash.ts";

const env = cloudflareEnv as unknown as Env;

const NEW_HEADER =
  "id,period,source_code,source_name,source_region,source_income,source_lending,source_G8G20,destination_code,destination_name,destination_region,destination_income,destination_lending,destination_G8G20,firm,firm_type,payment instrument,access point,speed actual,cc1 lcu amount,cc1 denomination amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 denomination amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent,Standard Note,note2,receiving network coverage,pickup location,pickup method,date,corridor";

/** A 42-column row; `over` replaces columns by name. */
function row(over: Record<string, string>): string {
  const base: Record<string, string> = {
    id: "1",
    period: "2020_1Q",
    source_code: "DEU",
    destination_code: "XKX",
    firm: "Alpha",
    firm_type: "Money Transfer Operator",
    "speed actual": "Next day",
    "cc1 lcu amount": "180",
    "cc1 lcu code": "EUR",
    "cc1 lcu fee": "9",
    "cc1 lcu fx rate": "1",
    "cc1 fx margin": "0.00",
    "cc1 total cost %": "5.00",
    "cc2 lcu amount": "450",
    "cc2 lcu code": "EUR",
    "cc2 lcu fee": "9",
    "cc2 lcu fx rate": "1",
    "cc2 fx margin": "0.00",
    "cc2 total cost %": "2.00",
    "inter lcu bank fx": "1",
    transparent: "Yes",
  };
  const values = { ...base, ...over };
  return NEW_HEADER.split(",").map((name) => {
    const v = values[name] ?? "";
    return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(",");
}

const importCsv = (csv: string, type = "text/csv") => adminCall("POST", "/v1/admin/imports/rpw", csv, { "content-type": type });

describe("RPW import: the current 42-column layout and the real file's traps", () => {
  it("reads a lower-case 42-column header, Kosovo as KSV or XKX, numbers stored as text, blank lines and negative margins", async () => {
    const csv = [
      NEW_HEADER.toUpperCase(),
      row({ id: "1", source_code: "DEU", destination_code: "KSV", firm: "Alpha", "cc1 total cost %": " 4.50 " }),
      "",
      row({ id: "2", destination_code: "XKX", firm: "Beta", firm_type: "Bank", "cc1 total cost %": "'6.50", "cc1 fx margin": "-0.40" }),
      ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
      row({ id: "3", destination_code: "XK", firm: "Gamma", firm_type: "Post office", "cc1 total cost %": "3.10", "speed actual": "6 days or more" }),
      row({ id: "4", firm: "Hidden", transparent: "no", "cc1 total cost %": "1.00", "cc1 lcu fx rate": "1", "cc1 fx margin": "0" }),
      row({ id: "5", period: "2020_5Q", firm: "Wrong quarter" }),
      row({ id: "6", source_code: "ZZZ", firm: "Nowhere" }),
      row({ id: "7", firm: "No cost", "cc1 total cost %": "", "cc2 total cost %": "" }),
      row({ id: "8", firm: "Text", "cc1 total cost %": "eight" }),
    ].join("\r\n");
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report.imported).toBe(4);
    expect(report.skipped.map((s: { line: number }) => s.line)).toEqual([8, 9, 10, 11]);
    expect(report.skipped[0].reason).toMatch(/quarters 1 to 4/);
    expect(report.skipped[1].reason).toMatch(/ZZZ/);

    const stats = await json(await call("/v1/stats/corridors/DEU-XKX?period=2020Q1"));
    expect(stats).toMatchObject({
      corridor: "DEU-XKX",
      services: 4,
      transparentServices: 3,
      // (4.50 + 6.50 + 3.10) / 3; the non-transparent 1.00 is left out.
      averageTotalCostPercent: "4.7000",
      medianTotalCostPercent: "4.5000",
      // Gamma delivers in 6 days or more: two services within 5 days are not enough for SmaRT.
      smartPercent: null,
      cheapest: { firm: "Gamma", firmType: "post_office", totalCostPercent: "3.1000" },
      sdg: "3_to_5",
    });
    expect(stats.byProviderType).toEqual({
      bank: { services: 1, transparentServices: 1, averageTotalCostPercent: "6.5000" },
      mto: { services: 2, transparentServices: 1, averageTotalCostPercent: "4.5000" },
      post_office: { services: 1, transparentServices: 1, averageTotalCostPercent: "3.1000" },
    });
    const at500 = await json(await call("/v1/stats/corridors/DEU-XKX?period=2020_1Q&amount=500"));
    expect(at500).toMatchObject({ amountUsd: 500, averageTotalCostPercent: "2.0000", sdg: "below_3" });
  });

  it("computes SmaRT from the 3 cheapest transparent services delivering within 5 days", async () => {
    const costs = ["7.00", "2.00", "3.00", "9.00", "4.00"];
    const csv = [NEW_HEADER, ...costs.map((c, i) => row({ id: `s${i}`, period: "2020_2Q", source_code: "FRA", destination_code: "SEN", firm: `F${i}`, "cc1 total cost %": c }))].join("\n");
    expect((await json(await importCsv(csv))).imported).toBe(5);
    const stats = await json(await call("/v1/stats/corridors/FRA-SEN"));
    expect(stats).toMatchObject({ period: "2020Q2", smartPercent: "3.0000", averageTotalCostPercent: "5.0000", medianTotalCostPercent: "4.0000" });
  });

  it("lists the corridors of a quarter and gives its global figures, as JSON and as CSV with the same numbers", async () => {
    const list = await json(await call("/v1/stats/corridors?period=2020Q1"));
    expect(list.corridors.map((c: { corridor: string }) => c.corridor)).toEqual(["DEU-XKX"]);
    const global = await json(await call("/v1/stats/global?period=2020Q1"));
    expect(global).toMatchObject({ corridors: 1, services: 4, transparentServices: 3, globalAverageTotalCostPercent: "4.7000", corridorsAbove5Percent: [] });
    expect(global.byProviderType.bank).toEqual({ transparentServices: 1, averageTotalCostPercent: "6.5000" });
    expect(Object.keys(global.bySendingRegion)).toEqual(["Western Europe"]);

    const csvRes = await call("/v1/stats/global?period=2020Q1&format=csv");
    expect(csvRes.headers.get("content-type")).toContain("text/csv");
    const [record] = parse(await csvRes.text(), { columns: true }) as Record<string, string>[];
    expect(record!.globalAverageTotalCostPercent).toBe(global.globalAverageTotalCostPercent);
    expect(record!["byProviderType.bank.averageTotalCostPercent"]).toBe("6.5000");

    const listCsv = await call("/v1/stats/corridors?period=2020Q1", { headers: { accept: "text/csv" } });
    const rows = parse(await listCsv.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ corridor: "DEU-XKX", averageTotalCostPercent: "4.7000", services: "4", smartPercent: "", "cheapest.firm": "Gamma" });

    const history = parse(await (await call("/v1/stats/corridors/DEU-XKX/history?format=csv")).text(), { columns: true }) as Record<string, string>[];
    expect(history.map((h) => h.period)).toEqual(["2020Q1"]);
    const one = parse(await (await call("/v1/stats/corridors/DEU-XKX?format=csv")).text(), { columns: true }) as Record<string, string>[];
    expect(one[0]!.medianTotalCostPercent).toBe("4.5000");
  });

  it("gives the latest quarter when none is asked, and the history oldest first", async () => {
    const csv = [NEW_HEADER, row({ id: "old", period: "2019_4Q", firm: "Old", "cc1 total cost %": "8.00" })].join("\n");
    await importCsv(csv);
    const history = await json(await call("/v1/stats/corridors/DEU-XKX/history"));
    expect(history.periods.map((p: { period: string }) => p.period)).toEqual(["2019Q4", "2020Q1"]);
    expect((await json(await call("/v1/stats/corridors/DEU-XKX"))).period).toBe("2020Q1");
    expect((await json(await call("/v1/stats/global"))).period).toBe("2020Q2");
  });
});

describe("RPW import: a row's identity", () => {
  const at = (over: Record<string, string>) => row({ period: "2023_1Q", source_code: "GBR", destination_code: "GHA", ...over });

  it("with the World Bank's id column is (period, id): a revised row replaces the old one, and a repeated file changes nothing", async () => {
    const original = [NEW_HEADER, at({ id: "A", firm: "Alpha", "cc1 total cost %": "6.00" }), at({ id: "B", firm: "Beta", "cc1 total cost %": "4.00" })].join("\n");
    expect(await json(await importCsv(original))).toMatchObject({ imported: 2, alreadyPresent: 0 });
    const revised = [NEW_HEADER, at({ id: "A", firm: "Alpha", "cc1 total cost %": "8.00" })].join("\n");
    expect(await json(await importCsv(revised))).toMatchObject({ imported: 1, alreadyPresent: 1 });
    const stats = await json(await call("/v1/stats/corridors/GBR-GHA?period=2023Q1"));
    expect(stats).toMatchObject({ services: 2, averageTotalCostPercent: "6.0000" });

    // Every figure as it was (only the document's updatedAt moves).
    const figures = async () => (await json(await call("/v1/stats/corridors/GBR-GHA/history"))).periods;
    const document = await figures();
    expect(await json(await importCsv(revised))).toMatchObject({ imported: 1, alreadyPresent: 1 });
    expect(await figures()).toEqual(document);
    // The same id in another quarter is another row.
    expect(await json(await importCsv([NEW_HEADER, at({ id: "A", period: "2023_2Q", firm: "Alpha" })].join("\n")))).toMatchObject({ imported: 1, alreadyPresent: 0 });
  });

  it("replaces, rather than doubles, a row stored by its content before ids were read", async () => {
    const fields = at({ id: "C", period: "2023_3Q", firm: "Gamma", "cc1 total cost %": "5.00" }).split(",");
    const header = readRpwHeader(NEW_HEADER.split(","));
    if (!header.ok) throw new Error("header");
    const parsed = rpwRow(header.header, fields, new Date());
    if (!parsed.ok) throw new Error(parsed.reason);
    // What the import stored for this row before it read ids: an id from the whole row's content.
    const byContent = `rpw:${(await sha256Hex(rowIdentity(fields))).slice(0, 32)}`;
    await statsLedgerOf(env).addObservations([{ id: byContent, ...parsed.observation }]);
    await statsLedgerOf(env).publishNow();
    const before = await json(await call("/v1/stats/corridors/GBR-GHA?period=2023Q3"));
    expect(before.services).toBe(1);
    expect(await json(await importCsv([NEW_HEADER, fields.join(",")].join("\n")))).toMatchObject({ imported: 1, alreadyPresent: 1 });
    expect(await json(await call("/v1/stats/corridors/GBR-GHA?period=2023Q3"))).toEqual(before);
  });
});

describe("RPW import: bad input gets a 4xx problem and changes nothing", () => {
  it("rejects a header that is not RPW's, naming the missing columns", async () => {
    const before = await (await call("/v1/stats/corridors/DEU-XKX/history")).text();
    const res = await importCsv(["period,source_code,destination_code,firm", "2020_1Q,DEU,XKX,Zeta"].join("\n"));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await json(res);
    expect(problem.detail).toMatch(/missing column\(s\) firm type, speed actual/);
    expect(await (await call("/v1/stats/corridors/DEU-XKX/history")).text()).toBe(before);
  });

  it("rejects malformed CSV with the line, importing nothing of the unfinished batch", async () => {
    const res = await importCsv([NEW_HEADER, row({ id: "m1", period: "2021_1Q" }), `${row({ id: "m2", period: "2021_1Q" })}"broken`].join("\n"));
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem).toMatchObject({ type: "https://tenc.dev/problems/csv-syntax", imported: 0 });
    expect((await call("/v1/stats/global?period=2021Q1")).status).toBe(404);
  });

  it("with wait=false answers once the rows are stored, and says when their statistics are published", async () => {
    const csv = [NEW_HEADER, ...["3.00", "5.00"].map((c, i) => row({ id: `w${i}`, period: "2021_3Q", source_code: "ITA", destination_code: "MAR", firm: `W${i}`, "cc1 total cost %": c }))].join("\n");
    const waited = await json(await importCsv(csv));
    expect(waited).toMatchObject({ imported: 2, statistics: "published" });
    const res = await adminCall("POST", "/v1/admin/imports/rpw?wait=false", csv.replaceAll("2021_3Q", "2021_4Q"), { "content-type": "text/csv" });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ imported: 2, alreadyPresent: 0, statistics: "pending" });
    expect((await adminCall("POST", "/v1/admin/imports/rpw?wait=no", csv, { "content-type": "text/csv" })).status).toBe(400);

    // What the ledger's alarm does within 10 s, done now.
    await statsLedgerOf(env).publishNow();
    const status = await json(await adminCall("GET", "/v1/admin/statistics/status"));
    expect(status).toMatchObject({ current: true, waiting: 0 });
    expect(Date.parse(status.lastPublishedAt)).not.toBeNaN();
    expect(await json(await call("/v1/stats/corridors/ITA-MAR?period=2021Q4"))).toMatchObject({ services: 2, averageTotalCostPercent: "4.0000" });
    expect((await call("/v1/admin/statistics/status")).status).toBe(401);
  });

  it("skips a row whose figures have an exponent or are Infinity or NaN, with its reason, and keeps the others", async () => {
    const bad: [string, string][] = [
      ["cc1 total cost %", "1e999999"],
      ["cc1 total cost %", "Infinity"],
      ["cc1 total cost %", "-Infinity"],
      ["cc1 total cost %", "NaN"],
      ["cc2 total cost %", "2.5E+1"],
      ["cc1 fx margin", "1e3"],
      ["cc1 lcu fee", "9e0"],
      ["cc1 lcu fx rate", "-inf"],
      ["inter lcu bank fx", "1E400"],
      ["cc1 total cost %", "1".repeat(41)],
    ];
    const csv = [
      NEW_HEADER,
      row({ id: "e0", period: "2022_1Q", source_code: "ESP", destination_code: "COL", firm: "Plain", "cc1 total cost %": "4.00" }),
      ...bad.map(([column, value], i) => row({ id: `e${i + 1}`, period: "2022_1Q", source_code: "ESP", destination_code: "COL", firm: `Bad ${i}`, [column]: value })),
    ].join("\n");
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report).toMatchObject({ imported: 1, skippedTotal: bad.length });
    expect(report.skipped.map((s: { line: number }) => s.line)).toEqual(bad.map((_, i) => i + 3));
    bad.forEach(([column], i) => expect(report.skipped[i].reason).toContain(column.replace(/^cc\d /, "")));
    expect(report.skipped[0].reason).toMatch(/exponent/);
    expect(report.skipped[1].reason).toMatch(/not a finite number/);
    const stats = await json(await call("/v1/stats/corridors/ESP-COL?period=2022Q1"));
    expect(stats).toMatchObject({ services: 1, averageTotalCostPercent: "4.0000", sdg: "3_to_5" });
  });

  it("rejects an empty body, a wrong media type and a missing token", async () => {
    expect((await importCsv("")).status).toBe(400);
    expect((await importCsv("a,b", "application/json")).status).toBe(415);
    expect((await call("/v1/admin/imports/rpw", { method: "POST", body: "x", headers: { "content-type": "text/csv" } })).status).toBe(401);
  });

  it("answers an unknown quarter, a bad corridor and a corridor without data with 400, 400 and 404", async () => {
    const q5 = await call("/v1/stats/corridors/DEU-XKX?period=2019Q5");
    expect(q5.status).toBe(400);
    expect((await json(q5)).detail).toMatch(/quarters 1 to 4/);
    expect((await call("/v1/stats/global?period=last")).status).toBe(400);
    expect((await call("/v1/stats/corridors/DEU-XKX?amount=300")).status).toBe(400);
    expect((await call("/v1/stats/corridors/DEU-QQQ")).status).toBe(400);
    const none = await call("/v1/stats/corridors/USA-MEX");
    expect(none.status).toBe(404);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect((await call("/v1/stats/corridors/DEU-XKX?period=2011Q1")).status).toBe(404);
  });
});
