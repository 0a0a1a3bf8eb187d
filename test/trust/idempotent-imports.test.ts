/**
 * Imports carrying an `Idempotency-Key` (issue 13, item 2): the key's fingerprint reads the body,
 * and the import must still read it; a replay answers the first report and imports nothing again.
 */
import { describe, expect, it } from "vitest";
import { adminCall, call, json } from "../helpers.ts";

const HEADER =
  "id,period,source_code,destination_code,firm,firm_type,speed actual,cc1 lcu amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent";
const rpwRow = (id: string, firm: string, total: string) => `${id},2018_2Q,NOR,LKA,${firm},Bank,Next day,1700,NOK,50,1,0,${total},4200,NOK,50,1,0,2.0,1,Yes`;

const ecbXml = (date: string, usd: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='${date}'><Cube currency='USD' rate='${usd}'/><Cube currency='ISK' rate='150.1'/></Cube></Cube>
</gesmes:Envelope>`;

const post = (path: string, body: string, type: string, key: string) => adminCall("POST", path, body, { "content-type": type, "idempotency-key": key });

describe("imports with an Idempotency-Key", () => {
  it("an RPW import runs, and its replay answers the first report without importing again", async () => {
    const csv = [HEADER, rpwRow("1", "Idem A", "5.0"), rpwRow("2", "Idem B", "7.0")].join("\n");
    const first = await post("/v1/admin/imports/rpw", csv, "text/csv", "rpw-import-1");
    const firstText = await first.text();
    expect(first.status, firstText).toBe(200);
    expect(JSON.parse(firstText)).toMatchObject({ imported: 2, alreadyPresent: 0 });

    const again = await post("/v1/admin/imports/rpw", csv, "text/csv", "rpw-import-1");
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // Run a second time, the import would report the two rows as already present.
    expect(await again.text()).toBe(firstText);
    const stats = await json(await call("/v1/stats/corridors/NOR-LKA?period=2018Q2"));
    expect(stats.services).toBe(2);
  });

  it("the same key with another file is a 422, and nothing of that file is imported", async () => {
    const csv = [HEADER, rpwRow("11", "Other A", "4.0")].join("\n");
    expect((await post("/v1/admin/imports/rpw", csv, "text/csv", "rpw-import-2")).status).toBe(200);
    const servicesBefore = (await json(await call("/v1/stats/corridors/NOR-LKA?period=2018Q2"))).services;
    const other = [HEADER, rpwRow("11", "Other A", "4.0"), rpwRow("19", "Other C", "3.0")].join("\n");
    const res = await post("/v1/admin/imports/rpw", other, "text/csv", "rpw-import-2");
    expect(res.status).toBe(422);
    expect((await json(res)).field).toBe("Idempotency-Key");
    expect((await json(await call("/v1/stats/corridors/NOR-LKA?period=2018Q2"))).services).toBe(servicesBefore);
  });

  it("an ECB import runs, and its replay answers the first report", async () => {
    const xml = ecbXml("2019-03-01", "1.1379");
    const first = await post("/v1/admin/imports/ecb", xml, "application/xml", "ecb-import-1");
    const firstText = await first.text();
    expect(first.status, firstText).toBe(200);
    expect(JSON.parse(firstText)).toMatchObject({ days: 1, rates: 2, latest: "2019-03-01" });
    const again = await post("/v1/admin/imports/ecb", xml, "application/xml", "ecb-import-1");
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstText);
  });
});
