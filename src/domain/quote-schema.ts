/**
 * @module
 * The shape of a comparison's answer, once: the route documents and checks it with these schemas
 * (OpenAPI), the domain and the widget take their types from them.
 */
import * as z from "zod/mini";
import { feeModes, payInMethods, payOutMethods, providerTypes, speeds } from "./schemas.ts";
import { sortOrders } from "./ranking.ts";
import { sdgVerdicts } from "./sdg.ts";

export const moneySchema = z.object({ amount: z.string().check(z.meta({ example: "200.00" })), currency: z.string().check(z.meta({ example: "USD" })) });

export const quoteSchema = z.object({
  provider: z.object({ id: z.string(), name: z.string(), type: z.enum(providerTypes), website: z.optional(z.string()) }),
  product: z.string(),
  payIn: z.enum(payInMethods),
  payOut: z.enum(payOutMethods),
  speed: z.enum(speeds),
  feeMode: z.enum(feeModes),
  sendAmount: moneySchema,
  fee: moneySchema,
  receiverFee: moneySchema,
  rate: z.string(),
  midRate: z.string().check(z.meta({ description: "A stored rate as stored; an inverse or cross rate to 10 significant digits (the figures use its exact value)" })),
  fxMarginPercent: z.string(),
  totalCost: z.extend(moneySchema, { percent: z.string() }),
  senderPays: moneySchema,
  recipientGets: moneySchema,
  sdg: z.enum(sdgVerdicts).check(z.meta({ description: "On the shown percent: below_3 below 3.0000, above_5 above 5.0000" })),
  transparent: z.boolean(),
  observedAt: z.string(),
  ageDays: z.int(),
  stale: z.boolean(),
  source: z.nullable(z.string()),
  sample: z.boolean(),
  midRateAgeDays: z.optional(z.int().check(z.meta({ description: "Only when the mid is stale for this quote: whole days the mid is older than the quote" }))),
  midRateStale: z.optional(z.literal(true).check(z.meta({ description: "Only when the mid is more than MID_STALE_AFTER_DAYS older than the quote: its FX margin is measured against an old rate" }))),
});

export const midRateSchema = z.object({
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
  asOf: z.string(),
  source: z.string(),
  derivation: z.enum(["direct", "inverse", "cross_eur"]),
  ageDays: z.optional(z.int().check(z.meta({ description: "Only when stale: whole days older than the newest quote measured against it" }))),
  stale: z.optional(z.literal(true).check(z.meta({ description: "Only when more than MID_STALE_AFTER_DAYS older than a quote it prices" }))),
});

export const unpricedSchema = z.object({ provider: z.string(), product: z.string(), reason: z.string() });

/** A quote too old to compare: left out of the ranking, still in the corridor's history. */
export const excludedSchema = z.object({ provider: z.string(), product: z.string(), observedAt: z.string(), ageDays: z.int(), reason: z.string() });

/** The whole answer of `GET /v1/corridors/{corridor}/quotes`. */
export const comparisonAnswerSchema = z.object({
  corridor: z.string(),
  question: z.enum(["send", "receive"]),
  amount: moneySchema,
  sort: z.enum(sortOrders),
  asOf: z.string().check(z.meta({ description: "When the corridor's data last changed (KV may show a write up to 60 s late)" })),
  sample: z.boolean(),
  totalCostIncludes: z.array(z.string()),
  midRates: z.array(midRateSchema),
  quotes: z.array(quoteSchema),
  unpriced: z
    .array(unpricedSchema)
    .check(z.meta({ description: "Products that could not be priced: no mid, a mid more than MID_UNUSABLE_AFTER_DAYS older than the quote, or an amount they cannot take" })),
  excluded: z
    .array(excludedSchema)
    .check(z.meta({ description: "Quotes older than EXCLUDE_AFTER_DAYS: left out of this comparison, kept in history" })),
});

export type ComparisonAnswer = z.infer<typeof comparisonAnswerSchema>;
export type QuoteView = z.infer<typeof quoteSchema>;
export type MidView = z.infer<typeof midRateSchema>;
export type Unpriced = z.infer<typeof unpricedSchema>;
export type Excluded = z.infer<typeof excludedSchema>;
