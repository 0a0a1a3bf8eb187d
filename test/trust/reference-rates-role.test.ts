/**
 * Who may set the current reference rates (issue 13, item 4): the ECB import writes the mid rates
 * every comparison uses, so a collector's token, which runs the data imports, may not run it.
 */
import { describe, expect, it } from "vitest";
import { adminCall } from "../helpers.ts";
import { callAs, env, expectProblem, issueToken, kvSnapshot } from "./helpers.ts";
import { kvRatesRepo } from "../../src/store/rates-repo.ts";

const xml = `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"><Cube><Cube time='2024-06-03'><Cube currency='USD' rate='1.0850'/></Cube></Cube></gesmes:Envelope>`;

describe("the ECB import", () => {
  it("answers 403 to a collector's token and leaves the reference rates as they were", async () => {
    const collector = await issueToken({ role: "collector" });
    const before = await kvSnapshot();
    const problem = await expectProblem(await callAs(collector.token, "POST", "/v1/admin/imports/ecb", xml, { "content-type": "application/xml" }), 403);
    expect(problem.detail).toContain("collector");
    expect(await kvSnapshot()).toEqual(before);
    expect((await kvRatesRepo(env.KV).stored([["EUR", "USD"]])).get("EUR/USD")).toBeUndefined();
  });

  it("is the operator's", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/ecb", xml, { "content-type": "application/xml" });
    expect(res.status, await res.text()).toBe(200);
    expect((await kvRatesRepo(env.KV).stored([["EUR", "USD"]])).get("EUR/USD")?.rate).toBe("1.0850");
  });
});
