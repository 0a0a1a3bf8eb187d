/**
 * Data from the future (issue 13, item 1): a quote observed later than now is refused, a quarter
 * still to come is never the latest statistic, and the ECB import refuses days not fixed yet.
 */
import { describe, expect, it } from "vitest";
import { statsLedgerOf } from "../../src/http/services.ts";
import { quarterOf } from "../../src/domain/period.ts";
import { adminCall, call, json, product } from "../helpers.ts";
import { env, expectProblem, kvSnapshot } from "./helpers.ts";

const quotes = (observedAt: string) => ({ provider: { name: "Future Remit", type: "mto" }, products: [product({ observedAt })] });

describe("a quote observed in the future", () => {
  it("is a 400 naming products.0.observedAt, and nothing is stored", async () => {
    const before = await kvSnapshot();
    const res = await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/future-remit", quotes("2099-01-01T00:00:00Z"));
    const problem = await expectProblem(res, 400);
    expect(problem.detail).toContain("products.0.observedAt");
    expect(problem.issues[0]).toMatchObject({ path: "products.0.observedAt" });
    expect(await kvSnapshot()).toEqual(before);
  });

  it("is refused ten minutes ahead, and accepted within the few minutes of clock skew allowed", async () => {
    const ahead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await expectProblem(await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/future-remit", quotes(ahead(10))), 400);
    const res = await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/future-remit", quotes(ahead(2)));
    expect(res.status, await res.text()).toBe(200);
  });
});

describe("a reference rate dated in the future", () => {
  it("is a 400 naming asOf, and neither the stored rate nor any quote's pricing changes", async () => {
    const before = await kvSnapshot();
    const compareBefore = await json(await call("/v1/corridors/KWT-IND/quotes?amount=200"));
    const res = await adminCall("PUT", "/v1/admin/rates/KWD/INR", { rate: "300", asOf: "2099-01-01T00:00:00Z", source: "operator" });
    const problem = await expectProblem(res, 400);
    expect(problem.detail).toContain("asOf");
    expect(problem.issues[0]).toMatchObject({ path: "asOf" });
    expect(await kvSnapshot()).toEqual(before);
    expect(await json(await call("/v1/corridors/KWT-IND/quotes?amount=200"))).toEqual(compareBefore);
  });

  it("is refused ten minutes ahead, and accepted within the same clock skew as a quote", async () => {
    const ahead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    await expectProblem(await adminCall("PUT", "/v1/admin/rates/KWD/INR", { rate: "300", asOf: ahead(10), source: "operator" }), 400);
    const res = await adminCall("PUT", "/v1/admin/rates/KWD/INR", { rate: "300", asOf: ahead(2), source: "operator" });
    expect(res.status, await res.text()).toBe(200);
  });
});

describe("the latest statistics period", () => {
  const HEADER =
    "id,period,source_code,destination_code,firm,firm_type,speed actual,cc1 lcu amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent";
  const row = (id: string, period: string) => `${id},${period},USA,MEX,Firm ${id},Bank,Next day,200,USD,5,1,0,2.5,500,USD,5,1,0,1.0,1,Yes`;

  it("an RPW row of a quarter still to come is skipped with its reason", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/rpw", [HEADER, row("f1", "2099_1Q"), row("f2", "2018_1Q")].join("\n"), { "content-type": "text/csv" });
    const report = await json(res);
    expect(report).toMatchObject({ imported: 1, skippedTotal: 1 });
    expect(report.skipped[0]).toEqual({ line: 2, reason: "period 2099Q1 has not begun yet" });
    expect((await call("/v1/stats/global?period=2099Q1")).status).toBe(404);
  });

  it("is never later than the current quarter, even with a later quarter already stored", async () => {
    // What an instance holds that accepted a quote from 2099 before it was refused.
    const ledger = statsLedgerOf(env);
    const observation = {
      id: "api:USA-MEX:future:cash:2099Q1",
      period: "2099Q1",
      corridor: "USA-MEX",
      from: "USA",
      to: "MEX",
      firm: "Future",
      firmType: "mto",
      transparent: true,
      within5Days: true,
      source: "provider_api" as const,
      amounts: [{ amountUsd: 200 as const, sendAmount: "200", sendCurrency: "USD", fee: "1", totalCostPercent: "0.5", fxMarginPercent: "0", recomputedTotalCostPercent: "0.5" }],
    };
    await adminCall("POST", "/v1/admin/imports/rpw", [HEADER, row("p1", "2018_2Q")].join("\n"), { "content-type": "text/csv" });
    await ledger.addObservations([observation]);
    await ledger.publishNow();
    expect((await call("/v1/stats/global?period=2099Q1")).status).toBe(200);

    const current = quarterOf(new Date());
    for (const path of ["/v1/stats/global", "/v1/stats/corridors", "/v1/stats/corridors/USA-MEX"]) {
      const res = await call(path);
      expect(res.status, path).toBe(200);
      const period = (await json(res)).period;
      expect(period <= current, `${path}: ${period}`).toBe(true);
      expect(period).toBe("2018Q2");
    }
  });
});

describe("an ECB import with a day in the future", () => {
  const xml = (...days: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <Cube>${days.map((d) => `<Cube time='${d}'><Cube currency='USD' rate='1.0999'/></Cube>`).join("")}</Cube>
</gesmes:Envelope>`;

  it("is a 400 naming Cube.time, and neither the dated nor the current rates change", async () => {
    const before = await kvSnapshot();
    const res = await adminCall("POST", "/v1/admin/imports/ecb", xml("2019-05-02", "2099-01-01"), { "content-type": "application/xml" });
    const problem = await expectProblem(res, 400);
    expect(problem.field).toBe("Cube.time");
    expect(problem.detail).toContain("2099-01-01");
    expect(await kvSnapshot()).toEqual(before);
    expect(await statsLedgerOf(env).ecbRatesOn("2019-05-02")).toBeUndefined();
  });

  it("takes today's fixing once it is past", async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const res = await adminCall("POST", "/v1/admin/imports/ecb", xml(yesterday), { "content-type": "application/xml" });
    expect(res.status, await res.text()).toBe(200);
  });
});
