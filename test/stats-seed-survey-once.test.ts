/**
 * `npm start` loads the East African seed corridors, which republish the RPW 2019Q4 rows as
 * provider quotes, and imports those same RPW rows: each surveyed service must count once, so the
 * 2019Q4 statistics are the World Bank's, while a provider's own quote still adds its observation.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { parse } from "csv-parse/browser/esm/sync";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import atcrCsv from "../data/rpw/rpw_databank_corridors_ATCR_2011Q1-2019Q4.csv?raw";
import kenUga from "../corridors/KEN-UGA.json";
import kenTza from "../corridors/KEN-TZA.json";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { seedRequests, type SeedFile } from "../src/seed/seed-requests.ts";
import { adminCall, call, json, putProvider } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const rows: Record<string, string>[] = parse(rpwCsv, { columns: true, skip_empty_lines: true });
const surveyed = (corridor: string) => rows.filter((r) => r.PERIOD === "2019_4Q" && `${r.SOURCE_CODE}-${r.DESTINATION_CODE}` === corridor);

/** The World Bank's published 2019Q4 average total cost at USD 200 (DataBank export, full precision). */
function published2019Q4(corridor: string): Decimal {
  const table = parse(atcrCsv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const column = table[0]!.findIndex((h) => h.startsWith("2019Q4"));
  const row = table.find((r) => r[3] === "ATCR.CORR" && `${r[1]}-${r[5]}` === corridor)!;
  return new Decimal(row[column]!);
}

/** Loads a seed file as `npm start` does: its rates, then its providers at once. */
async function seed(file: SeedFile) {
  for (const res of await Promise.all(seedRequests(file).map((r) => adminCall(r.method, r.path, r.body)))) expect(res.status, await res.clone().text()).toBe(200);
}

async function stats2019Q4(corridor: string, amount = 200) {
  await statsLedgerOf(env).publishNow();
  const res = await call(`/v1/stats/corridors/${corridor}?period=2019Q4&amount=${amount}`);
  expect(res.status).toBe(200);
  return json(res);
}

describe("a seed corridor and the RPW rows it was made from", () => {
  it("count each surveyed service once: KEN-UGA 2019Q4 is the World Bank's 16 services and 10.6594", async () => {
    expect(kenUga.providers.flatMap((p) => p.products).every((p) => p.republishedFrom === "rpw")).toBe(true);
    await seed(kenUga as SeedFile);
    const imported = await adminCall("POST", "/v1/admin/imports/rpw", rpwCsv, { "content-type": "text/csv" });
    expect(imported.status).toBe(200);

    const at200 = await stats2019Q4("KEN-UGA");
    expect(surveyed("KEN-UGA")).toHaveLength(16);
    expect(at200).toMatchObject({ corridor: "KEN-UGA", period: "2019Q4", services: 16 });
    expect(published2019Q4("KEN-UGA").toFixed(4)).toBe("10.6594");
    expect(at200.averageTotalCostPercent).toBe("10.6594");
    expect((await stats2019Q4("KEN-UGA", 500)).services).toBe(16);
  });

  it("still counts a provider's own quote of that quarter as one more observation", async () => {
    // Fee 0 at the seed's own KES/UGX mid: a total cost of 0 %, so the average is the 16 published totals over 17.
    // Observed 11 days after that mid (more than MID_UNUSABLE_AFTER_DAYS and the comparison would not price it).
    const mid = kenUga.rates.find((r) => r.quote === "UGX")!.rate;
    const own = { id: "app-to-wallet", sendCurrency: "KES", receiveCurrency: "UGX", fee: { fixed: "0" }, feeMode: "on_top", rate: mid, payIn: "mobile_wallet", payOut: "mobile_wallet", speed: "less_than_1_hour", transparent: true, observedAt: "2019-11-10T10:00:00Z" };
    await putProvider("KEN-UGA", "own-remit", { provider: { name: "Own Remit", type: "digital" }, products: [own] });

    const stats = await stats2019Q4("KEN-UGA");
    expect(stats.services).toBe(17);
    expect(stats.cheapest).toMatchObject({ firm: "Own Remit", totalCostPercent: "0.0000" });
    const sum = surveyed("KEN-UGA").reduce((s, r) => s.plus(r["CC1 TOTAL COST %"]!), new Decimal(0));
    expect(new Decimal(stats.averageTotalCostPercent).minus(sum.dividedBy(17)).abs().toNumber()).toBeLessThan(0.00006);
  });

  it("withdraws the observations a seed loaded before its products said where they come from", async () => {
    // KEN-TZA as an older local state holds it: the same products without `republishedFrom`.
    const old = structuredClone(kenTza) as SeedFile;
    for (const p of old.providers) for (const product of p.products as Record<string, unknown>[]) delete product.republishedFrom;
    await seed(old);
    const products = kenTza.providers.flatMap((p) => p.products).length;
    const services = surveyed("KEN-TZA").length;
    expect((await stats2019Q4("KEN-TZA")).services).toBe(services + products);

    await seed(kenTza as SeedFile);
    const stats = await stats2019Q4("KEN-TZA");
    expect(stats.services).toBe(services);
    expect(new Decimal(stats.averageTotalCostPercent).minus(published2019Q4("KEN-TZA")).abs().toNumber()).toBeLessThan(0.001);
  });
});
