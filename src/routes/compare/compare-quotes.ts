/**
 * @module
 * `GET /v1/corridors/{corridor}/quotes`: every product of a corridor priced for one amount and
 * ranked. Two KV reads whatever the number of providers: the corridor document, then one bulk get
 * of the reference rates it needs.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { compare, pairsOf } from "../../domain/compare.ts";
import { summarize } from "../../domain/corridor.ts";
import { Decimal, fitsMinorUnits, wireMoney } from "../../domain/money.ts";
import { sortOrders } from "../../domain/ranking.ts";
import { currencyCode, decimalString, payInMethods, payOutMethods, providerTypes, speeds } from "../../domain/schemas.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";

/** No remittance is this large; the bound keeps the reverse search and the arithmetic finite. */
const MAX_AMOUNT = new Decimal("1e12");

export const compareQuery = z
  .strictObject({
    amount: decimalString.optional().openapi({ description: "What the sender sends (in sendCurrency)", example: "200" }),
    recipientAmount: decimalString.optional().openapi({ description: "What the recipient must get at least (in receiveCurrency)", example: "5000" }),
    sendCurrency: currencyCode.optional().openapi({ description: "Default: the corridor's main sending currency" }),
    receiveCurrency: currencyCode.optional().openapi({ description: "Default: every receive currency for amount; the main one for recipientAmount" }),
    payIn: z.enum(payInMethods).optional(),
    payOut: z.enum(payOutMethods).optional(),
    maxSpeed: z.enum(speeds).optional(),
    providerType: z.enum(providerTypes).optional(),
    sort: z.enum(sortOrders).default("recipient_gets"),
  })
  .superRefine((q, ctx) => {
    if ((q.amount === undefined) === (q.recipientAmount === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.amount === undefined ? "amount" : "recipientAmount"], message: "give exactly one of amount and recipientAmount" });
    }
  });

const money = z.object({ amount: z.string().openapi({ example: "200.00" }), currency: z.string().openapi({ example: "USD" }) });

export const quoteSchema = z
  .object({
    provider: z.object({ id: z.string(), name: z.string(), type: z.enum(providerTypes), website: z.string().optional() }),
    product: z.string(),
    payIn: z.enum(payInMethods),
    payOut: z.enum(payOutMethods),
    speed: z.enum(speeds),
    feeMode: z.enum(["on_top", "deducted"]),
    sendAmount: money,
    fee: money,
    receiverFee: money,
    rate: z.string(),
    midRate: z.string(),
    fxMarginPercent: z.string(),
    totalCost: money.extend({ percent: z.string() }),
    senderPays: money,
    recipientGets: money,
    sdg: z.enum(["below_3", "3_to_5", "above_5"]),
    transparent: z.boolean(),
    observedAt: z.string(),
    ageDays: z.number().int(),
    stale: z.boolean(),
    source: z.string().nullable(),
    sample: z.boolean(),
  })
  .openapi("Quote");

export const comparisonSchema = z
  .object({
    corridor: z.string(),
    question: z.enum(["send", "receive"]),
    amount: money,
    sort: z.enum(sortOrders),
    asOf: z.string().openapi({ description: "When the corridor's data last changed (KV may show a write up to 60 s late)" }),
    sample: z.boolean(),
    totalCostIncludes: z.array(z.string()),
    midRates: z.array(z.object({ base: z.string(), quote: z.string(), rate: z.string(), asOf: z.string(), source: z.string(), derivation: z.string() })),
    quotes: z.array(quoteSchema),
    unpriced: z.array(z.object({ provider: z.string(), product: z.string(), reason: z.string() })),
    excluded: z
      .array(z.object({ provider: z.string(), product: z.string(), observedAt: z.string(), ageDays: z.number().int(), reason: z.string() }))
      .openapi({ description: "Quotes older than EXCLUDE_AFTER_DAYS: left out of this comparison, kept in history" }),
  })
  .openapi("Comparison");

const route = createRoute({
  method: "get",
  path: "/v1/corridors/{corridor}/quotes",
  tags: ["migrants"],
  summary: "Compare every way to send money in a corridor",
  description: "Give `amount` (I send this much) or `recipientAmount` (they must get at least this much).",
  request: { params: corridorParams, query: compareQuery },
  responses: {
    200: { description: "The ranked quotes", content: { "application/json": { schema: comparisonSchema } } },
    ...errorResponses,
  },
});

function positiveAmount(raw: string, field: string, currency: string): Decimal {
  const amount = new Decimal(raw);
  if (amount.isZero()) throw badRequest(`${field} must be greater than zero`, { field });
  if (amount.greaterThan(MAX_AMOUNT)) throw badRequest(`${field} must not exceed ${MAX_AMOUNT.toFixed()}`, { field });
  if (!fitsMinorUnits(amount, currency)) throw badRequest(`${field} has more decimals than ${currency} allows`, { field });
  return amount;
}

export function registerCompareRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { corridors, rates, now, settings } = c.var.services;
    const id = corridorFrom(c.req.valid("param").corridor);
    const q = c.req.valid("query");
    const doc = await corridors.get(id.id);
    if (!doc) throw notFound(`no corridor ${id.id}`);
    const summary = summarize(doc);

    const sendCurrency = q.sendCurrency ?? summary.sendCurrencies[0];
    if (!sendCurrency || !summary.sendCurrencies.includes(sendCurrency)) {
      throw badRequest(`no product in ${id.id} sends ${q.sendCurrency ?? "anything"}; offered: ${summary.sendCurrencies.join(", ") || "none"}`, { field: "sendCurrency" });
    }
    const receiving = doc.providers.flatMap((p) => p.products).filter((p) => p.sendCurrency === sendCurrency).map((p) => p.receiveCurrency);
    const question: "send" | "receive" = q.amount !== undefined ? "send" : "receive";
    const receiveCurrency = q.receiveCurrency ?? (question === "receive" ? summary.receiveCurrencies.find((r) => receiving.includes(r)) : undefined);
    if (receiveCurrency !== undefined && !receiving.includes(receiveCurrency)) {
      throw badRequest(`no product in ${id.id} pays out ${receiveCurrency} for ${sendCurrency}; offered: ${[...new Set(receiving)].join(", ")}`, { field: "receiveCurrency" });
    }
    const amount = question === "send" ? positiveAmount(q.amount!, "amount", sendCurrency) : positiveAmount(q.recipientAmount!, "recipientAmount", receiveCurrency!);

    const mids = await rates.resolve(pairsOf(doc));
    const result = compare(doc, mids, {
      question,
      amount,
      sendCurrency,
      receiveCurrency,
      filters: { payIn: q.payIn, payOut: q.payOut, maxSpeed: q.maxSpeed, providerType: q.providerType },
      sort: q.sort,
      now: now(),
      staleAfterDays: settings.staleAfterDays,
      excludeAfterDays: settings.excludeAfterDays,
    });
    return c.json(
      {
        corridor: id.id,
        question,
        amount: wireMoney(amount, question === "send" ? sendCurrency : receiveCurrency!),
        sort: q.sort,
        asOf: doc.updatedAt,
        sample: summary.sample,
        totalCostIncludes: ["sender_fee", "fx_margin", "receiver_fee"],
        ...result,
      },
      200,
    );
  });
}
