/**
 * The global documents name each country's UN M49 region, and a quarter is otherwise republished
 * only when its data change: a ledger that published under another region table (before South
 * Sudan moved from "Middle Africa" to "Eastern Africa") republishes every quarter once, and only once.
 */
import { runInDurableObject } from "cloudflare:test";
import { env as cloudflareEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import type { StatsLedger } from "../src/store/stats-ledger.ts";
import { adminCall, call, json } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const ledger = () => statsLedgerOf(env) as DurableObjectStub<StatsLedger>;

describe("a change of the region table", () => {
  it("republishes every quarter once, and KEN-SSD counts in Eastern Africa", async () => {
    const imported = await adminCall("POST", "/v1/admin/imports/rpw", rpwCsv, { "content-type": "text/csv" });
    expect(imported.status).toBe(200);
    const receiving = async () => (await json(await call("/v1/stats/global?period=2019Q4"))).byReceivingRegion as Record<string, unknown>;
    expect(Object.keys(await receiving())).toEqual(["Eastern Africa"]);

    const run = await runInDurableObject(ledger(), async (instance: StatsLedger, state: DurableObjectState) => {
      const sql = state.storage.sql;
      const periodsDirty = () => sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM dirty WHERE kind = 'period'").one().n;
      const current = await instance.republishIfRegionsChanged();
      sql.exec("UPDATE meta SET value = 'an older table' WHERE key = 'regions'");
      const changed = await instance.republishIfRegionsChanged();
      const marked = periodsDirty();
      const periods = sql.exec<{ n: number }>("SELECT COUNT(DISTINCT period) AS n FROM cp_stats").one().n;
      const again = await instance.republishIfRegionsChanged();
      return { current, changed, marked, periods, again };
    });
    // The import published under today's table: nothing to redo. An older table: every quarter, once.
    expect(run.current).toBe(false);
    expect(run.changed).toBe(true);
    expect(run.periods).toBeGreaterThan(30);
    expect(run.marked).toBe(run.periods);
    expect(run.again).toBe(false);
  });
});
