/**
 * One quote shape: real answers of every public JSON route, parsed with the response schemas of
 * the OpenAPI document the service publishes (which is made from the zod schemas the domain and
 * the widget take their types from), by an independent JSON Schema validator.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { call, json, product, putProvider, putRate } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;

let doc: any;
const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Parses the answer to `url` with the document's 200 schema of `path`. */
async function parses(path: string, url: string) {
  const res = await call(url);
  expect(res.status, url).toBe(200);
  const body = await json(res);
  const schema = doc.paths[path]?.get?.responses?.["200"]?.content?.["application/json"]?.schema;
  expect(schema, `${path} documents its 200 answer`).toBeDefined();
  // The response schema with the components its $refs point into, as one root.
  const validate = ajv.compile({ ...schema, components: doc.components });
  expect(validate(body) ? [] : validate.errors, url).toEqual([]);
  return body;
}

describe("public answers against the OpenAPI document's response schemas", () => {
  beforeAll(async () => {
    await putRate("USD", "MXN", "17.2");
    // Inverse and cross mids too: their midRate is shown to 10 significant digits.
    await putRate("MXN", "EUR", "0.0513");
    await putRate("EUR", "GTQ", "8.4");
    await putRate("EUR", "USD", "1.08");
    await putProvider("USA-MEX", "alpha-remit", {
      provider: { name: "Alpha Remit", type: "mto" },
      products: [
        product({ id: "banded", sendCurrency: "USD", receiveCurrency: "MXN", rate: "17", fee: { fixed: "0", bands: [{ upTo: "100", fixed: "10" }] }, receiverFee: undefined, observedAt: "2026-11-20T10:00:00Z" }),
        product({ id: "to-euro", sendCurrency: "USD", receiveCurrency: "EUR", rate: "0.9", fee: { fixed: "2" }, receiverFee: undefined }),
        product({ id: "to-gtq", sendCurrency: "USD", receiveCurrency: "GTQ", rate: "7.6", fee: { fixed: "2" }, receiverFee: undefined }),
      ],
    });
    await statsLedgerOf(env).publishNow();
    doc = await json(await call("/openapi.json"));
  });

  it("parses comparisons asked both ways", async () => {
    const send = await parses("/v1/corridors/{corridor}/quotes", "/v1/corridors/USA-MEX/quotes?amount=200");
    expect(send.quotes.length).toBe(3);
    expect(send.midRates.map((m: { derivation: string }) => m.derivation).sort()).toEqual(["cross_eur", "direct", "inverse"]);
    const receive = await parses("/v1/corridors/{corridor}/quotes", "/v1/corridors/USA-MEX/quotes?recipientAmount=1615&receiveCurrency=MXN");
    expect(receive.quotes[0].senderPays.amount).toBe("100.01");
  });

  it("parses the corridors", async () => {
    await parses("/v1/corridors", "/v1/corridors");
    await parses("/v1/corridors/{corridor}", "/v1/corridors/USA-MEX");
  });

  it("parses the statistics", async () => {
    const list = await parses("/v1/stats/corridors", "/v1/stats/corridors");
    expect(JSON.stringify(list)).toContain("USA-MEX");
    await parses("/v1/stats/corridors/{corridor}", "/v1/stats/corridors/USA-MEX?period=2026Q4");
    await parses("/v1/stats/corridors/{corridor}/history", "/v1/stats/corridors/USA-MEX/history");
    await parses("/v1/stats/global", "/v1/stats/global?period=2026Q4");
  });

  it("rejects an answer of another shape (the check can fail)", async () => {
    const schema = doc.paths["/v1/corridors/{corridor}/quotes"].get.responses["200"].content["application/json"].schema;
    const validate = ajv.compile({ ...schema, components: doc.components });
    const body = await json(await call("/v1/corridors/USA-MEX/quotes?amount=200"));
    delete body.quotes[0].senderPays;
    expect(validate(body)).toBe(false);
  });
});
