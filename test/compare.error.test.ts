/**
 * Bad input gets a 4xx application/problem+json that names the problem, never a 500; a rejected
 * write changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCall, call, json, product, putProvider, putRate } from "./helpers.ts";
import { MAX_AMOUNT } from "../src/domain/schemas.ts";
import { ApiProblem, errorMessage } from "../widget/errors.ts";
import apiDocs from "../docs/api.md?raw";

const CORRIDOR = "KWT-IND";
const QUOTES = `/v1/corridors/${CORRIDOR}/quotes`;
const validBody = () => ({ provider: { name: "Alpha Remit", type: "mto" }, products: [product()] });

beforeAll(async () => {
  await putRate("KWD", "INR", "272.50");
  await putRate("JPY", "PHP", "0.375");
  await putProvider(CORRIDOR, "alpha-remit", validBody());
  await putProvider("JPN-PHL", "yen", {
    provider: { name: "Yen", type: "mto" },
    products: [product({ sendCurrency: "JPY", receiveCurrency: "PHP", fee: { fixed: "990" }, rate: "0.37", receiverFee: undefined })],
  });
});

/** Asserts a problem+json 4xx whose text mentions every one of `mentions` (case-insensitive). */
async function expectProblem(res: Response, status: number, ...mentions: string[]) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = JSON.parse(text);
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
  for (const m of mentions) expect(text.toLowerCase(), `problem should mention '${m}'`).toContain(m.toLowerCase());
  return body;
}

/** Everything a write could change, read back through the API. */
async function snapshot() {
  const read = async (path: string) => [path, (await call(path)).status, await (await call(path)).text()];
  return Promise.all([
    read("/v1/corridors"),
    read(`/v1/corridors/${CORRIDOR}`),
    read(`${QUOTES}?amount=200`),
    read("/v1/corridors/FRA-DEU"),
    read("/v1/corridors/KWT-PHL"),
    read("/v1/corridors/JPN-PHL/quotes?amount=30000"),
  ]);
}

describe("the comparison's query", () => {
  it("answers 404 for a corridor nobody has written to", async () => {
    await expectProblem(await call("/v1/corridors/FRA-DEU/quotes?amount=100"), 404, "FRA-DEU");
    await expectProblem(await call("/v1/corridors/FRA-DEU"), 404, "FRA-DEU");
  });

  it("answers 400 naming the code for a corridor id that is not two ISO 3166-1 countries", async () => {
    await expectProblem(await call("/v1/corridors/XYZ-KEN/quotes?amount=100"), 400, "XYZ", "ISO 3166-1");
    await expectProblem(await call("/v1/corridors/KEN-QQ/quotes?amount=100"), 400, "QQ");
    await expectProblem(await call("/v1/corridors/KENUGA/quotes?amount=100"), 400, "SRC-DST");
    await expectProblem(await call("/v1/corridors/KEN-KE/quotes?amount=100"), 400, "KEN");
  });

  it("answers 400 for a currency that is not ISO 4217, or not offered in the corridor", async () => {
    await expectProblem(await call(`${QUOTES}?amount=100&sendCurrency=XYZ`), 400, "sendCurrency", "XYZ");
    await expectProblem(await call(`${QUOTES}?amount=100&receiveCurrency=ABC`), 400, "receiveCurrency", "ABC");
    await expectProblem(await call(`${QUOTES}?amount=100&sendCurrency=USD`), 400, "sendCurrency", "USD");
    await expectProblem(await call(`${QUOTES}?recipientAmount=100&receiveCurrency=PKR`), 400, "receiveCurrency", "PKR");
  });

  it.each([
    ["a negative amount", "amount=-5", "amount"],
    ["a non-numeric amount", "amount=abc", "amount"],
    ["an amount in exponent notation", "amount=1e3", "amount"],
    ["a zero amount", "amount=0", "amount"],
    ["a zero recipient amount", "recipientAmount=0.00", "recipientAmount"],
    ["an empty amount", "amount=", "amount"],
    ["more decimals than KWD has", "amount=200.0001", "KWD"],
    ["more decimals than INR has", "recipientAmount=5000.001", "INR"],
    ["both amount and recipientAmount", "amount=200&recipientAmount=5000", "recipientAmount"],
    ["neither amount nor recipientAmount", "", "amount"],
    ["an unknown filter value", "amount=200&payOut=pigeon", "payOut"],
    ["an unknown speed", "amount=200&maxSpeed=instant", "maxSpeed"],
    ["an unknown sort", "amount=200&sort=cheapest", "sort"],
    ["an unknown query parameter", "amount=200&colour=red", "colour"],
    ["an amount given twice", "amount=1&amount=2", "amount"],
    ["an amount above any remittance", "amount=1000000000001", "amount"],
  ])("answers 400 for %s", async (_what, query, mention) => {
    await expectProblem(await call(`${QUOTES}?${query}`), 400, mention);
  });

  it("says what is really wrong with an amount, as one problem type the widget maps to its bad-amount message", async () => {
    const cases: [string, string, string][] = [
      ["amount=99999999999999999999", "amount", `is too large: at most ${MAX_AMOUNT}`],
      ["amount=999999999999999", "amount", `is too large: at most ${MAX_AMOUNT}`],
      [`amount=${"9".repeat(200)}`, "amount", "has too many digits"],
      ["amount=1.1234567890123456789", "amount", "has more than 18 decimals"],
      ["amount=-5", "amount", "must be a positive decimal string"],
      ["amount=0", "amount", "must be greater than zero"],
      ["recipientAmount=0.00", "recipientAmount", "must be greater than zero"],
      ["amount=200.0001", "amount", "has more decimals than KWD allows"],
    ];
    for (const [query, field, message] of cases) {
      const body = await expectProblem(await call(`${QUOTES}?${query}`), 400, field, message);
      expect(body.type, query).toBe("https://tenc.dev/problems/validation");
      expect(body.issues[0], query).toMatchObject({ path: field, message: expect.stringContaining(message) });
      // As the widget reads a problem (widget/tenc-compare.ts).
      expect(errorMessage(new ApiProblem(400, body.type, body.field ?? body.issues?.[0]?.path ?? null)), query).toBe("error.badAmount");
    }
    expect((await call(`${QUOTES}?amount=${MAX_AMOUNT}`)).status).toBe(200);
  });

  it("documents the amount's cap where it is enforced and in docs/api.md", async () => {
    const doc = await json(await call("/openapi.json"));
    const parameters = doc.paths["/v1/corridors/{corridor}/quotes"].get.parameters as { name: string; description: string }[];
    for (const name of ["amount", "recipientAmount"]) expect(parameters.find((p) => p.name === name)!.description).toContain(MAX_AMOUNT);
    expect(apiDocs).toContain(MAX_AMOUNT);
  });

  it("answers 400 for a fractional yen", async () => {
    await expectProblem(await call("/v1/corridors/JPN-PHL/quotes?amount=100.5"), 400, "JPY", "amount");
  });
});

describe("writes that are rejected change nothing", () => {
  const PUT = `/v1/admin/corridors/${CORRIDOR}/quotes/alpha-remit`;
  const withProduct = (overrides: Record<string, unknown>) => ({ ...validBody(), products: [product(overrides)] });

  const rejected: [string, () => Promise<Response>, number, string[]][] = [
    ["malformed JSON", () => adminCall("PUT", PUT, '{"provider": {"name": "Alpha"', { "content-type": "application/json" }), 400, ["JSON"]],
    ["an empty JSON body", () => adminCall("PUT", PUT, "", { "content-type": "application/json" }), 400, ["JSON"]],
    ["a JSON null body", () => adminCall("PUT", PUT, "null"), 400, ["body"]],
    ["a JSON array body", () => adminCall("PUT", PUT, "[]"), 400, ["body"]],
    ["a body that is not JSON", () => adminCall("PUT", PUT, "name=Alpha", { "content-type": "application/x-www-form-urlencoded" }), 415, ["media type"]],
    ["an unknown top-level field", () => adminCall("PUT", PUT, { ...validBody(), discount: "10" }), 400, ["discount"]],
    ["an unknown product field", () => adminCall("PUT", PUT, withProduct({ cashback: "1" })), 400, ["cashback"]],
    ["an unknown fee field", () => adminCall("PUT", PUT, withProduct({ fee: { fixed: "1", surcharge: "2" } })), 400, ["surcharge"]],
    ["a rate of zero", () => adminCall("PUT", PUT, withProduct({ rate: "0" })), 400, ["rate"]],
    ["a negative rate", () => adminCall("PUT", PUT, withProduct({ rate: "-270" })), 400, ["rate"]],
    ["a rate as a JSON number", () => adminCall("PUT", PUT, withProduct({ rate: 270.1234 })), 400, ["rate"]],
    ["an unknown send currency", () => adminCall("PUT", PUT, withProduct({ sendCurrency: "KWX" })), 400, ["sendCurrency", "KWX"]],
    ["a receiver fee in the wrong currency", () => adminCall("PUT", PUT, withProduct({ receiverFee: { amount: "10", currency: "KWD" } })), 400, ["receiverFee", "INR"]],
    ["duplicate product ids", () => adminCall("PUT", PUT, { ...validBody(), products: [product(), product()] }), 400, ["duplicate", "cash-pickup"]],
    ["bands out of order", () => adminCall("PUT", PUT, withProduct({ fee: { bands: [{ upTo: "100" }, { upTo: "50" }] } })), 400, ["bands"]],
    ["min above max", () => adminCall("PUT", PUT, withProduct({ fee: { min: "5", max: "1" } })), 400, ["min"]],
    ["a percent of 100", () => adminCall("PUT", PUT, withProduct({ fee: { percent: "100" } })), 400, ["percent"]],
    ["an unknown provider type", () => adminCall("PUT", PUT, { ...validBody(), provider: { name: "A", type: "hawala" } }), 400, ["type"]],
    ["no products", () => adminCall("PUT", PUT, { ...validBody(), products: [] }), 400, ["products"]],
    ["a survey the statistics do not import", () => adminCall("PUT", PUT, withProduct({ republishedFrom: "gallup" })), 400, ["republishedFrom"]],
    ["a bad observedAt", () => adminCall("PUT", PUT, withProduct({ observedAt: "yesterday" })), 400, ["observedAt"]],
    ["a provider id that is not a slug", () => adminCall("PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/Alpha%20Remit`, validBody()), 400, ["providerId"]],
    ["a corridor with an unknown country", () => adminCall("PUT", "/v1/admin/corridors/KWT-XYZ/quotes/alpha-remit", validBody()), 400, ["XYZ"]],
    ["no token", () => call(PUT, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(validBody()) }), 401, ["authorization"]],
    ["a wrong token", () => adminCall("PUT", PUT, validBody(), { authorization: "Bearer not-the-token" }), 401, ["token"]],
    ["a malformed authorization header", () => adminCall("PUT", PUT, validBody(), { authorization: "Basic dGVzdA==" }), 401, []],
    ["a rate of zero for a pair", () => adminCall("PUT", "/v1/admin/rates/KWD/INR", { rate: "0", asOf: "2026-11-20T00:00:00Z", source: "x" }), 400, ["rate"]],
    ["a rate for an unknown currency", () => adminCall("PUT", "/v1/admin/rates/KWD/ZZZ", { rate: "1", asOf: "2026-11-20T00:00:00Z", source: "x" }), 400, ["ZZZ"]],
    ["a rate of a currency against itself", () => adminCall("PUT", "/v1/admin/rates/KWD/KWD", { rate: "1", asOf: "2026-11-20T00:00:00Z", source: "x" }), 400, ["quote"]],
    ["an unknown field in a rate", () => adminCall("PUT", "/v1/admin/rates/KWD/INR", { rate: "300", asOf: "2026-11-20T00:00:00Z", source: "x", spread: "1" }), 400, ["spread"]],
    ["a rate without a token", () => call("/v1/admin/rates/KWD/INR", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ rate: "300", asOf: "2026-11-20T00:00:00Z", source: "x" }) }), 401, []],
    // A new corridor: rejected, so it must not come into existence.
    ["a rate of zero in a new corridor", () => adminCall("PUT", "/v1/admin/corridors/KWT-PHL/quotes/alpha-remit", withProduct({ receiveCurrency: "PHP", receiverFee: undefined, rate: "0" })), 400, ["rate"]],
  ];

  it.each(rejected)("rejects %s with a problem naming it, and nothing changes", async (_what, send, status, mentions) => {
    const before = await snapshot();
    await expectProblem(await send(), status, ...mentions);
    expect(await snapshot()).toEqual(before);
  });

  it("still takes a valid write afterwards (the checks above are not vacuous)", async () => {
    const before = await snapshot();
    await putProvider(CORRIDOR, "alpha-remit", withProduct({ rate: "271.0000" }));
    expect(await snapshot()).not.toEqual(before);
    const body = await json(await call(`${QUOTES}?amount=200`));
    expect(body.quotes[0].rate).toBe("271.0000");
  });
});

describe("unknown routes", () => {
  it("answers 404 problem+json", async () => {
    await expectProblem(await call("/v1/nowhere"), 404, "/v1/nowhere");
  });
});
