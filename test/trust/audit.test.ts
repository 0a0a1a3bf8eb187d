/**
 * The audit trail and idempotent writes: every accepted write is recorded with who, what, when
 * and what it replaced; a repeated Idempotency-Key replays the first answer and changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCall, json, putRate } from "../helpers.ts";
import { callAs, expectProblem, issueToken, kvSnapshot, quotesBody } from "./helpers.ts";

let alpha: { id: string; token: string };

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  alpha = await issueToken({ role: "provider", providerId: "alpha" });
});

const audit = async (query: string) => (await json(await adminCall("GET", `/v1/admin/audit${query}`))).records as any[];

describe("the audit trail", () => {
  it("records a provider's writes by token id, newest first, with the previous value", async () => {
    for (const rate of ["270.1", "270.2", "270.3"]) {
      const res = await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit", rate));
      expect(res.status, await res.text()).toBe(200);
    }
    const records = await audit("?corridor=kw-in");
    const writes = records.filter((r) => r.action === "quotes:write");
    expect(writes.map((r) => r.value.products[0].rate)).toEqual(["270.3", "270.2", "270.1"]);
    expect(writes.map((r) => r.previous?.products[0].rate ?? null)).toEqual(["270.2", "270.1", null]);
    for (const r of writes) {
      expect(r.actor).toEqual({ id: alpha.id, role: "provider" });
      expect(r.target).toEqual({ corridor: "KWT-IND", provider: "alpha" });
      expect(Date.parse(r.at)).not.toBeNaN();
    }
    expect(JSON.stringify(records)).not.toContain(alpha.token);
  });

  it("finds a provider's writes across corridors with ?provider=", async () => {
    await callAs(alpha.token, "PUT", "/v1/admin/corridors/ARE-IND/quotes/alpha", quotesBody("Alpha Remit", "280"));
    const records = await audit("?provider=alpha");
    const corridors = new Set(records.filter((r) => r.action === "quotes:write").map((r) => r.target.corridor));
    expect(corridors).toEqual(new Set(["KWT-IND", "ARE-IND"]));
    const times = records.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(records.some((r) => r.action === "tokens:issue" && r.target.token === alpha.id)).toBe(true);
  });

  it("records the operator's rate writes with the rate they replaced", async () => {
    await putRate("USD", "MXN", "17.1");
    await putRate("USD", "MXN", "17.2");
    const records = (await audit("")).filter((r) => r.action === "rates:write" && r.target.pair === "USD/MXN");
    expect(records[0]).toMatchObject({ actor: { id: "operator", role: "operator" }, value: { rate: "17.2" }, previous: { rate: "17.1" } });
    expect(records[1]).toMatchObject({ value: { rate: "17.1" }, previous: null });
  });

  it("records token issue and revocation, never the secret", async () => {
    const t = await issueToken({ role: "collector" });
    expect((await adminCall("DELETE", `/v1/admin/tokens/${t.id}`)).status).toBe(200);
    const records = (await audit("?limit=1000")).filter((r) => r.target.token === t.id);
    expect(records.map((r) => r.action)).toEqual(["tokens:revoke", "tokens:issue"]);
    expect(JSON.stringify(records)).not.toContain(t.token);
  });

  it("records partner-key issue and revocation, never the key", async () => {
    const issued = await json(await adminCall("POST", "/v1/admin/keys", { name: "Audited portal" }));
    expect((await adminCall("DELETE", `/v1/admin/keys/${issued.id}`)).status).toBe(204);
    const records = (await audit("?limit=1000")).filter((r) => r.target.partnerKey === issued.id);
    expect(records.map((r) => r.action)).toEqual(["keys:revoke", "keys:issue"]);
    expect(records[1]).toMatchObject({ actor: { id: "operator", role: "operator" }, value: { id: issued.id, name: "Audited portal" }, previous: null });
    expect(records[0]).toMatchObject({ value: null, previous: { id: issued.id, name: "Audited portal" } });
    expect(JSON.stringify(records)).not.toContain(issued.key);
  });

  it("records each import with who ran it and its report", async () => {
    const collector = await issueToken({ role: "collector" });
    const csv = [
      "id,period,source_code,destination_code,firm,firm_type,speed actual,cc1 lcu amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent",
      "a1,2016_1Q,GBR,NGA,Audited,Bank,Next day,150,GBP,5,1,0,3.3,380,GBP,5,1,0,1.3,1,Yes",
    ].join("\n");
    const res = await callAs(collector.token, "POST", "/v1/admin/imports/rpw", csv, { "content-type": "text/csv" });
    expect(res.status, await res.text()).toBe(200);
    const xml = `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"><Cube><Cube time='2016-02-01'><Cube currency='GBP' rate='0.75'/></Cube></Cube></gesmes:Envelope>`;
    expect((await adminCall("POST", "/v1/admin/imports/ecb", xml, { "content-type": "application/xml" })).status).toBe(200);
    const records = (await audit("?limit=1000")).filter((r) => r.action.startsWith("imports:"));
    const rpw = records.find((r) => r.action === "imports:rpw" && r.actor.id === collector.id);
    expect(rpw).toMatchObject({ actor: { role: "collector" }, target: { import: "rpw" }, value: { outcome: { imported: 1, skippedTotal: 0 } } });
    const ecb = records.find((r) => r.action === "imports:ecb");
    expect(ecb).toMatchObject({ actor: { id: "operator", role: "operator" }, value: { outcome: { days: 1, latest: "2016-02-01" } } });
  });

  it("does not record rejected writes", async () => {
    const before = (await audit("?limit=1000")).length;
    await expectProblem(await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/beta", quotesBody("Beta")), 403);
    await expectProblem(await adminCall("PUT", "/v1/admin/rates/USD/MXN", { rate: "-1", asOf: "x", source: "" }), 400);
    await expectProblem(await adminCall("POST", "/v1/admin/imports/rpw", "not,an,rpw,header\n1,2,3,4", { "content-type": "text/csv" }), 400);
    const future = `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"><Cube><Cube time='2099-01-01'><Cube currency='USD' rate='1.1'/></Cube></Cube></gesmes:Envelope>`;
    await expectProblem(await adminCall("POST", "/v1/admin/imports/ecb", future, { "content-type": "application/xml" }), 400);
    expect((await audit("?limit=1000")).length).toBe(before);
  });

  it("is the operator's to read, and its query is validated", async () => {
    await expectProblem(await callAs(alpha.token, "GET", "/v1/admin/audit?provider=alpha"), 403);
    await expectProblem(await adminCall("GET", "/v1/admin/audit?corridor=KWT-IND&provider=alpha"), 400);
    await expectProblem(await adminCall("GET", "/v1/admin/audit?limit=0"), 400);
    await expectProblem(await adminCall("GET", "/v1/admin/audit?corridor=XXX-YYY"), 400);
    expect((await audit("?limit=2")).length).toBe(2);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer to a repeated write and changes nothing", async () => {
    const body = quotesBody("Alpha Remit", "301");
    const first = await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", body, { "idempotency-key": "k-1" });
    const firstText = await first.text();
    expect(first.status, firstText).toBe(200);
    const snapshot = await kvSnapshot();
    const historyBefore = (await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records.length;

    const again = await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", body, { "idempotency-key": "k-1" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstText);
    expect(await kvSnapshot()).toEqual(snapshot);
    expect((await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records.length).toBe(historyBefore);
  });

  it("replays a rate write without a second audit record", async () => {
    const write = () => adminCall("PUT", "/v1/admin/rates/EUR/GBP", { rate: "0.85", asOf: "2026-11-20T00:00:00Z", source: "t" }, { "idempotency-key": "rate-1" });
    expect((await write()).status).toBe(200);
    const snapshot = await kvSnapshot();
    expect((await write()).status).toBe(200);
    expect(await kvSnapshot()).toEqual(snapshot);
  });

  it("answers 422 to the same key with a different body, and stores nothing", async () => {
    const first = await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit", "302"), { "idempotency-key": "k-2" });
    expect(first.status).toBe(200);
    const snapshot = await kvSnapshot();
    const res = await callAs(alpha.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit", "999"), { "idempotency-key": "k-2" });
    const problem = await expectProblem(res, 422);
    expect(problem.field).toBe("Idempotency-Key");
    expect(await kvSnapshot()).toEqual(snapshot);
  });

  it("keeps one caller's keys apart from another's", async () => {
    const gamma = await issueToken({ role: "provider", providerId: "gamma" });
    const mine = await callAs(gamma.token, "PUT", "/v1/admin/corridors/KWT-IND/quotes/gamma", quotesBody("Gamma", "303"), { "idempotency-key": "k-1" });
    expect(mine.status, await mine.text()).toBe(200);
    expect(mine.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses malformed keys", async () => {
    await expectProblem(await adminCall("PUT", "/v1/admin/rates/EUR/GBP", { rate: "0.85", asOf: "2026-11-20T00:00:00Z", source: "t" }, { "idempotency-key": "x".repeat(256) }), 400);
  });
});
