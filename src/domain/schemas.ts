/**
 * @module
 * The zod schemas of the quote data: one source for validation and TypeScript types.
 */
import * as z from "zod/mini";
import { Decimal, isCurrency } from "./money.ts";
import { CLOCK_SKEW_MS, isFuture } from "./period.ts";

const DECIMAL = /^\d{1,18}(\.\d{1,18})?$/;

/** A non-negative decimal written as a string ("1.500"); never a JSON number. */
export const decimalString = z.string().check(
  // abort: refinements below parse the string as a Decimal, which throws on anything else.
  z.regex(DECIMAL, { error: "must be a non-negative decimal string such as \"12.50\"", abort: true }),
);

export const positiveDecimalString = decimalString.check(z.refine((s) => new Decimal(s).greaterThan(0), "must be greater than zero"));

/** No remittance is this large; the bound keeps the reverse search and the arithmetic finite. */
export const MAX_AMOUNT = "1000000000000";
const MAX_AMOUNT_DECIMALS = 18;

/** What an asked amount must be, in words: the documentation of `amountString`, from its own bounds. */
export const AMOUNT_RULE = `a decimal string greater than 0 and at most ${MAX_AMOUNT}, with at most ${MAX_AMOUNT_DECIMALS} decimals`;

/**
 * An amount a visitor asks about (the comparison's `amount` and `recipientAmount`, the embed page's),
 * each failure saying what is really wrong with it. A currency's minor units are checked where the
 * currency is known.
 */
export const amountString = z.string().check(
  // abort: each later check parses the string as a Decimal, which throws on anything else.
  z.regex(/^\d+(\.\d+)?$/, { error: "must be a positive decimal string such as \"12.50\"", abort: true }),
  z.maxLength(MAX_AMOUNT.length + 1 + MAX_AMOUNT_DECIMALS + 8, { error: `has too many digits: at most ${MAX_AMOUNT}, with at most ${MAX_AMOUNT_DECIMALS} decimals`, abort: true }),
  z.refine((s) => (s.split(".")[1]?.length ?? 0) <= MAX_AMOUNT_DECIMALS, { error: `has more than ${MAX_AMOUNT_DECIMALS} decimals`, abort: true }),
  z.refine((s) => new Decimal(s).lessThanOrEqualTo(MAX_AMOUNT), { error: `is too large: at most ${MAX_AMOUNT}`, abort: true }),
  z.refine((s) => new Decimal(s).greaterThan(0), "must be greater than zero"),
);

/** A percentage in [0, 100). */
export const percentString = decimalString.check(z.refine((s) => new Decimal(s).lessThan(100), "must be below 100"));

export const currencyCode = z.string().check(z.refine(isCurrency, { error: (issue) => `'${String(issue.input)}' is not an ISO 4217 currency code` }));

export const providerTypes = ["bank", "mto", "post_office", "mobile_operator", "digital"] as const;
export const payInMethods = ["cash", "bank_account", "debit_card", "credit_card", "mobile_wallet"] as const;
export const payOutMethods = ["cash", "bank_account", "mobile_wallet", "home_delivery"] as const;
/** RPW speed classes, fastest first: the order is the ranking order of `sort=speed`. */
export const speeds = ["less_than_1_hour", "same_day", "next_day", "2_days", "3_5_days", "6_days_or_more"] as const;
export const feeModes = ["on_top", "deducted"] as const;
/** Surveys whose observations the statistics import directly (their `Observation.source`). */
export const surveySources = ["rpw"] as const;

export type ProviderType = (typeof providerTypes)[number];
export type PayIn = (typeof payInMethods)[number];
export type PayOut = (typeof payOutMethods)[number];
export type Speed = (typeof speeds)[number];
export type FeeMode = (typeof feeModes)[number];

export const idSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1-64 lower-case letters, digits, '-' or '_'"));

const feeBand = z.strictObject({
  upTo: positiveDecimalString,
  fixed: z._default(decimalString, "0"),
  percent: z._default(percentString, "0"),
});

export const feeSchedule = z
  .strictObject({
    fixed: z._default(decimalString, "0"),
    percent: z._default(percentString, "0"),
    min: z.optional(decimalString),
    max: z.optional(decimalString),
    bands: z.optional(z.array(feeBand).check(z.maxLength(50))),
  })
  .check(
    z.superRefine((fee, ctx) => {
      if (fee.min !== undefined && fee.max !== undefined && new Decimal(fee.min).greaterThan(fee.max)) {
        ctx.addIssue({ code: "custom", path: ["min"], message: "min is above max" });
      }
      const bands = fee.bands ?? [];
      for (let i = 1; i < bands.length; i++) {
        if (!new Decimal(bands[i]!.upTo).greaterThan(bands[i - 1]!.upTo)) {
          ctx.addIssue({ code: "custom", path: ["bands", i, "upTo"], message: "bands must be in strictly ascending order of upTo" });
        }
      }
    }),
  );

/**
 * An instant no later than now (within the clock skew allowed): data dated in the future would stay
 * fresh for ever. The one rule for every timestamp a client sends.
 */
export const pastInstant = z.iso.datetime({ offset: true }).check(
  z.refine((at) => !isFuture(Date.parse(at), new Date()), { error: `must not be later than now (${CLOCK_SKEW_MS / 60_000} minutes of clock skew allowed)` }),
);

export const moneyInput = z.strictObject({ amount: decimalString, currency: currencyCode });

export const productInput = z
  .strictObject({
    id: idSlug,
    sendCurrency: currencyCode,
    receiveCurrency: currencyCode,
    fee: feeSchedule,
    feeMode: z.enum(feeModes),
    rate: positiveDecimalString,
    receiverFee: z.optional(moneyInput),
    payIn: z.enum(payInMethods),
    payOut: z.enum(payOutMethods),
    speed: z.enum(speeds),
    transparent: z.boolean(),
    // A quote from the future would stay fresh for ever and make its quarter the latest statistic.
    observedAt: pastInstant,
    /** Where the price comes from (a survey, the provider's site, "sample data"). */
    source: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
    /** True when the price is illustrative, not observed: the API says so wherever it is shown. */
    sample: z._default(z.boolean(), false),
    /**
     * The survey the price is republished from ("rpw": the World Bank's RPW). That survey's rows are
     * the statistics' observations of it (imported on their own), so this quote is not one again.
     */
    republishedFrom: z.optional(z.enum(surveySources)),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.receiverFee && p.receiverFee.currency !== p.receiveCurrency) {
        ctx.addIssue({ code: "custom", path: ["receiverFee", "currency"], message: `must be the receive currency ${p.receiveCurrency}` });
      }
    }),
  );

export const providerInput = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  type: z.enum(providerTypes),
  website: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
});

/** Body of `PUT /v1/admin/corridors/{corridor}/quotes/{providerId}`. */
export const providerQuotesInput = z
  .strictObject({
    provider: providerInput,
    products: z.array(productInput).check(z.minLength(1), z.maxLength(100)),
  })
  .check(
    z.superRefine((body, ctx) => {
      const seen = new Set<string>();
      body.products.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["products", i, "id"], message: `duplicate product id '${p.id}'` });
        seen.add(p.id);
      });
    }),
  );

/** Body of `PUT /v1/admin/rates/{base}/{quote}`. */
export const referenceRateInput = z.strictObject({
  rate: positiveDecimalString,
  // A rate dated in the future would never be stale and would outrank every later real rate.
  asOf: pastInstant,
  source: z.string().check(z.minLength(1), z.maxLength(200)),
});

export type FeeSchedule = z.infer<typeof feeSchedule>;
export type ProductInput = z.infer<typeof productInput>;
export type ProviderInput = z.infer<typeof providerInput>;
export type ProviderQuotesInput = z.infer<typeof providerQuotesInput>;
export type ReferenceRateInput = z.infer<typeof referenceRateInput>;
