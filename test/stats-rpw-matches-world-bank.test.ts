/**
 * The key property of the regulators' statistics: importing the World Bank's own rows reproduces
 * the corridor averages the World Bank publishes.
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/browser/esm/sync";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import atcrCsv from "../data/rpw/rpw_databank_corridors_ATCR_2011Q1-2019Q4.csv?raw";
import { adminCall, call, json } from "./helpers.ts";

// This extract rounds 2016Q2–2018Q3 to whole numbers (SOURCE.md): those quarters cannot match.
const ROUNDED = (period: string) => period >= "2016Q2" && period <= "2018Q3";

/** The published averages, by corridor and quarter, read from the DataBank export. */
function publishedAverages(): Map<string, number> {
  const rows = parse(atcrCsv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = rows[0]!;
  const out = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.length !== header.length || row[3] !== "ATCR.CORR") continue;
    for (let i = 6; i < header.length; i++) {
      const value = row[i]!;
      if (value === ".." || value === "") continue;
      out.set(`${row[1]}-${row[5]}|${header[i]!.slice(0, 6)}`, Number(value));
    }
  }
  return out;
}

const importRows = (csv: string) => adminCall("POST", "/v1/admin/imports/rpw", csv, { "content-type": "text/csv" });

describe("RPW statistics against the World Bank's published corridor averages", () => {
  it("imports every row of the East Africa extract", async () => {
    const res = await importRows(rpwCsv);
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report.imported).toBe(2220);
    expect(report.skipped).toEqual([]);
  });

  it("matches every published corridor average outside 2016Q2–2018Q3 to 0.001 pp", async () => {
    const published = publishedAverages();
    const corridors = ["KEN-RWA", "KEN-SSD", "KEN-TZA", "KEN-UGA", "RWA-KEN", "TZA-KEN", "TZA-RWA", "TZA-UGA"];
    let compared = 0;
    let maxDeviation = 0;
    const missing: string[] = [];
    for (const corridor of corridors) {
      const res = await call(`/v1/stats/corridors/${corridor}/history?amount=200`);
      expect(res.status).toBe(200);
      const history = await json(res);
      for (const stats of history.periods) {
        if (ROUNDED(stats.period)) continue;
        const expected = published.get(`${corridor}|${stats.period}`);
        if (expected === undefined) {
          missing.push(`${corridor} ${stats.period}`);
          continue;
        }
        const deviation = Math.abs(Number(stats.averageTotalCostPercent) - expected);
        maxDeviation = Math.max(maxDeviation, deviation);
        expect(deviation, `${corridor} ${stats.period}: ${stats.averageTotalCostPercent} vs published ${expected}`).toBeLessThan(0.001);
        compared++;
      }
    }
    console.log(`compared ${compared} corridor-quarters with the World Bank; max deviation ${maxDeviation.toFixed(6)} pp; unpublished: ${missing.join(", ") || "none"}`);
    // Every corridor-quarter of the rows outside the rounded quarters has a published value.
    expect(compared).toBe(125);
    expect(missing).toEqual([]);
  });

  it("gives the examples of DESIGN.md: TZA→KEN 2011Q1 and KEN→UGA 2011Q3 with 11 transparent services of 12", async () => {
    const tzaKen = await json(await call("/v1/stats/corridors/TZA-KEN?period=2011_1Q"));
    expect(tzaKen.averageTotalCostPercent).toBe("23.6175");
    const kenUga = await json(await call("/v1/stats/corridors/KE-UG?period=2011Q3&amount=200"));
    expect(kenUga).toMatchObject({ corridor: "KEN-UGA", period: "2011Q3", amountUsd: 200, services: 12, transparentServices: 11, averageTotalCostPercent: "9.7009", sdg: "above_5" });
  });

  it("leaves every statistic unchanged when the same rows are imported again", async () => {
    const before = await (await call("/v1/stats/global?period=2019Q4")).text();
    const history = await (await call("/v1/stats/corridors/KEN-UGA/history")).json();
    const again = await json(await importRows(rpwCsv));
    expect(again).toMatchObject({ imported: 2220, alreadyPresent: 2220 });
    const after = await (await call("/v1/stats/global?period=2019Q4")).json();
    const { updatedAt: _a, ...beforeFigures } = JSON.parse(before);
    const { updatedAt: _b, ...afterFigures } = after as Record<string, unknown>;
    expect(afterFigures).toEqual(beforeFigures);
    const historyAfter = await (await call("/v1/stats/corridors/KEN-UGA/history")).json();
    expect((historyAfter as any).periods).toEqual((history as any).periods);
  });
});
