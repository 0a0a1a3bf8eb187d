/**
 * Remittance flows as weights: the World Bank's bilateral matrix, names mapped to ISO codes, and
 * the weighted average of corridor averages it gives.
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/browser/esm/sync";
import Decimal from "decimal.js";
import flowsCsv from "../data/remittance_flows/bilateral_remittances_2017.csv?raw";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import { adminCall, call, json } from "./helpers.ts";

const NAMES: Record<string, string> = { KEN: "Kenya", RWA: "Rwanda", SSD: "South Sudan", TZA: "Tanzania", UGA: "Uganda" };

/** The matrix cell sending → receiving, read here independently of the import. */
function matrixFlow(sending: string, receiving: string): Decimal {
  const rows = parse(flowsCsv, { relax_column_count: true }) as string[][];
  const header = rows[1]!.map((n) => n.trim());
  const row = rows.find((r) => r[0]!.trim() === sending)!;
  const cell = row[header.indexOf(receiving)]!.trim().replaceAll(",", "");
  return new Decimal(cell === "-" ? "0" : cell);
}

describe("remittance flows import", () => {
  it("maps the matrix's country names to ISO codes and reports the ones it cannot", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/flows", flowsCsv, { "content-type": "text/csv" });
    expect(res.status).toBe(200);
    const report = await json(res);
    // The Channel Islands have no ISO 3166-1 code of their own.
    expect(report.unmapped).toEqual(["Channel Islands"]);
    expect(report.sendingCountries).toBeGreaterThan(200);
    expect(report.flows).toBeGreaterThan(5000);
  });

  it("weights the corridor averages of a quarter by their flows", async () => {
    await adminCall("POST", "/v1/admin/imports/rpw", rpwCsv, { "content-type": "text/csv" });
    const list = await json(await call("/v1/stats/corridors?period=2019Q4"));
    let sum = new Decimal(0);
    let weights = new Decimal(0);
    for (const c of list.corridors) {
      const flow = matrixFlow(NAMES[c.from]!, NAMES[c.to]!);
      if (flow.isZero() || c.averageTotalCostPercent === null) continue;
      sum = sum.plus(new Decimal(c.averageTotalCostPercent).times(flow));
      weights = weights.plus(flow);
    }
    const global = await json(await call("/v1/stats/global?period=2019Q4"));
    expect(global.weightedCorridors).toBeGreaterThan(3);
    // The service weights unrounded averages; this side uses the 4-decimal ones.
    expect(Math.abs(Number(global.weightedAverageTotalCostPercent) - sum.dividedBy(weights).toNumber())).toBeLessThan(0.0001);
    expect(global.weightedAverageTotalCostPercent).not.toBe(global.globalAverageTotalCostPercent);
  });

  it("rejects a CSV that is not the matrix with a 400 problem", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/flows", "a,b\n1,2\n", { "content-type": "text/csv" });
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/not the bilateral remittance matrix/);
  });

  it("rejects malformed CSV with a 400 problem naming the line", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/flows", 'title\nreceiving (across) / sending (down),Kenya\nUganda,"12\n', { "content-type": "text/csv" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await json(res)).detail).toMatch(/malformed at line 3/);
  });
});
