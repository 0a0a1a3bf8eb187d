/**
 * @module
 * `GET /v1/corridors/{corridor}/quotes`: every product of a corridor priced for one amount and
 * ranked. One KV read (the document) when this isolate read the corridor's reference rates in the
 * last few seconds, two otherwise (a bulk get for the rates), whatever the number of providers.
 */
import * as z from "zod/mini";
import { comparisonText, prepareCorridor, type PreparedCorridor } from "../../domain/compare.ts";
import type { CorridorDoc } from "../../domain/corridor.ts";
import { comparisonAnswerSchema as answerShape, quoteSchema as quoteShape } from "../../domain/quote-schema.ts";
import { Decimal, fitsMinorUnits, wireMoney } from "../../domain/money.ts";
import { sortOrders } from "../../domain/ranking.ts";
import { AMOUNT_RULE, amountString, currencyCode, payInMethods, payOutMethods, providerTypes, speeds } from "../../domain/schemas.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { badRequest, invalidField, notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import type { CorridorsRepo } from "../../store/corridors-repo.ts";
import { BUILD_ID } from "../../generated/build-id.ts";
import { sha256Hex } from "../../store/hash.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";

export const compareQuery = z
  .strictObject({
    amount: z.optional(amountString.check(z.meta({ description: `What the sender sends (in sendCurrency): ${AMOUNT_RULE}`, example: "200" }))),
    recipientAmount: z.optional(amountString.check(z.meta({ description: `What the recipient must get at least (in receiveCurrency): ${AMOUNT_RULE}`, example: "5000" }))),
    sendCurrency: z.optional(currencyCode.check(z.meta({ description: "Default: the corridor's main sending currency" }))),
    receiveCurrency: z.optional(currencyCode.check(z.meta({ description: "Default: every receive currency for amount; the main one for recipientAmount" }))),
    payIn: z.optional(z.enum(payInMethods)),
    payOut: z.optional(z.enum(payOutMethods)),
    maxSpeed: z.optional(z.enum(speeds)),
    providerType: z.optional(z.enum(providerTypes)),
    sort: z._default(
      z.enum(sortOrders).check(z.meta({ description: "recipient_gets: the most delivered for each unit the sender pays first (for recipientAmount, the least paid first); total_cost: the cheapest first; speed: the fastest first" })),
      "recipient_gets",
    ),
  })
  .check(
    z.superRefine((q, ctx) => {
      if ((q.amount === undefined) === (q.recipientAmount === undefined)) {
        ctx.addIssue({ code: "custom", path: [q.amount === undefined ? "amount" : "recipientAmount"], message: "give exactly one of amount and recipientAmount" });
      }
    }),
  );

export const quoteSchema = named("Quote", quoteShape);

export const comparisonSchema = named("Comparison", answerShape);

const route = defineRoute({
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
  // Shaped like the schema's failures (amountString), so that every amount error is one problem type.
  if (!fitsMinorUnits(amount, currency)) throw invalidField("query", field, `has more decimals than ${currency} allows`);
  return amount;
}

/**
 * Prepared corridors of this isolate, by corridor id, with the stored text they were prepared
 * from and its digest: a request whose read returns the same text reuses the preparation (no JSON
 * parsing, no decimal parsing, no summary); a changed document is prepared afresh. Bounded, oldest
 * out first.
 */
interface Prepared {
  raw: string;
  corridor: PreparedCorridor;
  /** SHA-256 of `raw`: the document's part in the answer's entity tag. */
  digest: string;
}
const prepared = new Map<string, Prepared>();
const PREPARED_LIMIT = 64;

/**
 * The corridor, prepared: one KV read (its document) on every request. The reference rates come
 * from `rates.resolve`, which reads them (a second operation) unless this isolate read them a few
 * seconds ago (services.ts).
 */
async function readCorridor(corridors: CorridorsRepo, id: string): Promise<Prepared | null> {
  const hit = prepared.get(id);
  const raw = await corridors.getRaw(id);
  if (raw === null) return null;
  if (hit && hit.raw === raw) return hit;
  const fresh = { raw, corridor: prepareCorridor(JSON.parse(raw) as CorridorDoc), digest: await sha256Hex(raw) };
  prepared.delete(id);
  if (prepared.size >= PREPARED_LIMIT) prepared.delete(prepared.keys().next().value!);
  prepared.set(id, fresh);
  return fresh;
}

/**
 * A weak tag from what the answer is made of rather than a digest of its bytes, which would cost a
 * copy and a hash of some 36 KB for 50 products: the document (its digest), the head, the rates
 * and everything left out, the question's remaining terms, the days that `now` puts on each quote,
 * the first quote (for the format quotes are written in), and the build, since a deploy may change
 * a figure with nothing else changing.
 */
export async function comparisonTag(madeOf: unknown[], build = BUILD_ID): Promise<string> {
  return `W/"${(await sha256Hex(JSON.stringify([build, ...madeOf]))).slice(0, 40)}"`;
}

export function registerCompareRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const { corridors, rates, now, settings } = c.var.services;
    const id = corridorFrom(c.req.valid("param").corridor);
    const q = c.req.valid("query");
    const read = await readCorridor(corridors, id.id);
    if (!read) throw notFound(`no corridor ${id.id}`);
    const { corridor } = read;
    const { doc, summary } = corridor;

    const sendCurrency = q.sendCurrency ?? summary.sendCurrencies[0];
    if (!sendCurrency || !summary.sendCurrencies.includes(sendCurrency)) {
      throw badRequest(`no product in ${id.id} sends ${q.sendCurrency ?? "anything"}; offered: ${summary.sendCurrencies.join(", ") || "none"}`, { field: "sendCurrency" });
    }
    const receiving = corridor.receiving.get(sendCurrency) ?? [];
    const question: "send" | "receive" = q.amount !== undefined ? "send" : "receive";
    const receiveCurrency = q.receiveCurrency ?? (question === "receive" ? summary.receiveCurrencies.find((r) => receiving.includes(r)) : undefined);
    if (receiveCurrency !== undefined && !receiving.includes(receiveCurrency)) {
      throw badRequest(`no product in ${id.id} pays out ${receiveCurrency} for ${sendCurrency}; offered: ${[...new Set(receiving)].join(", ")}`, { field: "receiveCurrency" });
    }
    const amount = question === "send" ? positiveAmount(q.amount!, "amount", sendCurrency) : positiveAmount(q.recipientAmount!, "recipientAmount", receiveCurrency!);

    const mids = await rates.resolve(corridor.pairs, corridor.newestPriceAt);
    const filters = { payIn: q.payIn, payOut: q.payOut, maxSpeed: q.maxSpeed, providerType: q.providerType };
    const text = comparisonText(corridor, mids, {
      question,
      amount,
      sendCurrency,
      receiveCurrency,
      filters,
      sort: q.sort,
      now: now(),
      staleAfterDays: settings.staleAfterDays,
      excludeAfterDays: settings.excludeAfterDays,
      midAgeLimits: settings.midAgeLimits,
    });
    const head = JSON.stringify({
      corridor: id.id,
      question,
      amount: wireMoney(amount, question === "send" ? sendCurrency : receiveCurrency!),
      sort: q.sort,
      asOf: doc.updatedAt,
      sample: summary.sample,
      totalCostIncludes: ["sender_fee", "fx_margin", "receiver_fee"],
    });
    const tag = await comparisonTag([read.digest, head, text.others, sendCurrency, receiveCurrency ?? null, filters, settings, text.ages, text.firstQuote]);
    // Sent as a string: the runtime writes it out without it being joined or encoded here.
    return c.body(`${head.slice(0, -1)},${text.quotes},${text.others}}`, 200, { "content-type": "application/json", etag: tag });
  });
}
