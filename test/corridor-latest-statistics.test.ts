/**
 * `GET /v1/corridors/{corridor}` carries the corridor's latest RPW statistics, so a page that shows
 * them (the widget's sparkline) needs no second request, and none that answers 404 where RPW has
 * surveyed nothing.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { adminCall, call, json, product, putProvider } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
/** The rows of one corridor and quarter, under the file's own header. */
function rowsOf(corridor: string, period: string): string {
  const [header, ...lines] = rpwCsv.split(/\r?\n/);
  const [from, to] = corridor.split("-");
  return [header, ...lines.filter((l) => l.startsWith(`${period},`) && l.includes(`,${from},`) && l.includes(`,${to},`))].join("\n");
}

describe("a corridor's latest statistics", () => {
  it("are null where RPW has surveyed nothing", async () => {
    await putProvider("KWT-IND", "alpha", { provider: { name: "Alpha", type: "mto" }, products: [product()] });
    const body = await json(await call("/v1/corridors/KWT-IND"));
    expect(body.latestStatistics).toBeNull();
  });

  it("are the latest quarter's figures at USD 200, as the statistics route answers them", async () => {
    const rows = rowsOf("KEN-UGA", "2011_3Q");
    expect(rows.split("\n").length).toBeGreaterThan(5);
    expect((await adminCall("POST", "/v1/admin/imports/rpw", rows, { "content-type": "text/csv" })).status).toBe(200);
    await statsLedgerOf(env).publishNow();
    await putProvider("KEN-UGA", "beta", { provider: { name: "Beta", type: "mto" }, products: [product({ sendCurrency: "KES", receiveCurrency: "UGX", fee: { fixed: "100" }, rate: "35", receiverFee: { amount: "0", currency: "UGX" }, observedAt: "2011-08-01T00:00:00Z" })] });
    await statsLedgerOf(env).publishNow();
    const stats = await json(await call("/v1/stats/corridors/KEN-UGA?amount=200"));
    const body = await json(await call("/v1/corridors/KEN-UGA"));
    expect(stats.period).toBe("2011Q3");
    expect(body.latestStatistics).toEqual(stats);
  });
});
