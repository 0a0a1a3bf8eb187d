/**
 * @module
 * A corridor's comparison for one question ("I send S" or "they must get T"): every product
 * priced, ranked, and written out with money as decimal strings.
 */
import { summarize, type CorridorDoc, type CorridorSummary, type ProviderEntry } from "./corridor.ts";
import { Decimal, wireMoney, type WireMoney } from "./money.ts";
import { costShareFraction, homeValueFraction, planFor, price, pricedProduct, senderPaysFraction, shown, type PricedProduct, type Pricing } from "./pricing.ts";
import { rank, type Filters, type Question, type Rankable, type SortOrder } from "./ranking.ts";
import { DEFAULT_MID_AGE_LIMITS, judgeMid, unusableMidReason, type MidAgeLimits } from "./rate-freshness.ts";
import { scaledOf, unitsAt, type Fraction, type Scaled } from "./rational.ts";
import type { ResolvedMid } from "./reference-rates.ts";
import { cheapestSendUnits } from "./reverse.ts";
import type { Excluded, MidView, QuoteView, Unpriced } from "./quote-schema.ts";
import type { PayIn, PayOut, ProductInput, ProviderType, Speed } from "./schemas.ts";
import type { SdgVerdict } from "./sdg.ts";

export type { Excluded, MidView, QuoteView, Unpriced };

export interface CompareRequest {
  question: Question;
  /** S for "send", T for "receive". */
  amount: Decimal;
  sendCurrency: string;
  /** For "receive", the currency T is in; for "send", an optional filter. */
  receiveCurrency: string | undefined;
  filters: Filters;
  sort: SortOrder;
  now: Date;
  staleAfterDays: number;
  /** Quotes older than this are left out (0: none is). */
  excludeAfterDays: number;
  /** How much older than a price its mid may be (rate-freshness.ts); default DEFAULT_MID_AGE_LIMITS. */
  midAgeLimits?: MidAgeLimits;
}

export interface Comparison {
  quotes: QuoteView[];
  unpriced: Unpriced[];
  excluded: Excluded[];
  midRates: MidView[];
}

const DAY_MS = 86_400_000;

/** One product with everything that does not depend on the request worked out once. */
interface PreparedItem {
  entry: ProviderEntry;
  input: ProductInput;
  priced: PricedProduct;
  pair: string;
  provider: QuoteView["provider"];
  receiverFee: WireMoney;
  observedMs: number;
  /** The quote's JSON around its per-request figures, written the first time it is needed. */
  json: QuoteJson | undefined;
}

/** Whole days since the quote was observed (0 for a quote dated in the future). */
export function ageInDays(observedMs: number, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - observedMs) / DAY_MS));
}

/** A quote older than STALE_AFTER_DAYS: comparisons flag it, the scheduled alerts announce it. */
export const isStaleQuote = (ageDays: number, staleAfterDays: number) => ageDays > staleAfterDays;

/**
 * A corridor document made ready to price: products parsed, summary and currency pairs found.
 * Built once per document version and reused by every comparison that reads that version.
 */
export interface PreparedCorridor {
  doc: CorridorDoc;
  summary: CorridorSummary;
  pairs: [string, string][];
  items: PreparedItem[];
  /** Receive currencies offered for each send currency, one entry per product (as the doc lists them). */
  receiving: Map<string, string[]>;
  /** When the newest price of each pair (`BASE/QUOTE`) was observed: the time its mid is chosen for. */
  newestPriceAt: Map<string, number>;
}

export function prepareCorridor(doc: CorridorDoc): PreparedCorridor {
  const items: PreparedItem[] = [];
  const receiving = new Map<string, string[]>();
  const newestPriceAt = new Map<string, number>();
  for (const entry of doc.providers) {
    const p = entry.provider;
    const provider = { id: entry.id, name: p.name, type: p.type, ...(p.website ? { website: p.website } : {}) };
    for (const input of entry.products) {
      items.push({
        entry,
        input,
        priced: pricedProduct(input),
        pair: `${input.sendCurrency}/${input.receiveCurrency}`,
        provider,
        receiverFee: wireMoney(new Decimal(input.receiverFee?.amount ?? 0), input.receiveCurrency),
        observedMs: Date.parse(input.observedAt),
        json: undefined,
      });
      const last = items[items.length - 1]!;
      newestPriceAt.set(last.pair, Math.max(last.observedMs, newestPriceAt.get(last.pair) ?? -Infinity));
      const list = receiving.get(input.sendCurrency) ?? [];
      list.push(input.receiveCurrency);
      receiving.set(input.sendCurrency, list);
    }
  }
  return { doc, summary: summarize(doc), pairs: pairsOf(doc), items, receiving, newestPriceAt };
}

/** A priced product, as the ranking sees it. */
class Candidate implements Rankable {
  readonly providerId: string;
  readonly productId: string;
  readonly providerType: ProviderType;
  readonly payIn: PayIn;
  readonly payOut: PayOut;
  readonly speed: Speed;
  readonly homeValue: Fraction;
  readonly senderPays: Fraction;
  readonly item: PreparedItem;
  readonly pricing: Pricing;
  /** Asking "I send S", the same object for every quote. */
  readonly sendAmount: WireMoney;
  readonly resolvedMid: ResolvedMid;
  /** Whole days the mid is older than this quote, when that makes it stale. */
  readonly midStaleDays: number | undefined;

  constructor(item: PreparedItem, pricing: Pricing, sendAmount: WireMoney, resolvedMid: ResolvedMid, midStaleDays?: number) {
    this.item = item;
    this.midStaleDays = midStaleDays;
    this.pricing = pricing;
    this.sendAmount = sendAmount;
    this.resolvedMid = resolvedMid;
    const input = item.input;
    this.providerId = item.entry.id;
    this.productId = input.id;
    this.providerType = item.entry.provider.type;
    this.payIn = input.payIn;
    this.payOut = input.payOut;
    this.speed = input.speed;
    this.homeValue = homeValueFraction(pricing);
    this.senderPays = senderPaysFraction(pricing);
  }

  /** Only ties and sort=total_cost compare it: worked out when first asked for. */
  get costPercent(): Fraction {
    return costShareFraction(this.pricing);
  }
}

function view(c: Candidate, mid: ResolvedMid, req: CompareRequest): QuoteView {
  const p = c.item.input;
  const figures = shown(c.pricing);
  const ageDays = ageInDays(c.item.observedMs, req.now);
  return {
    provider: c.item.provider,
    product: p.id,
    payIn: p.payIn,
    payOut: p.payOut,
    speed: p.speed,
    feeMode: p.feeMode,
    sendAmount: c.sendAmount,
    fee: { amount: figures.fee, currency: p.sendCurrency },
    receiverFee: c.item.receiverFee,
    rate: p.rate,
    midRate: mid.shown,
    fxMarginPercent: figures.fxMarginPercent,
    totalCost: { amount: figures.totalCost, currency: p.sendCurrency, percent: figures.percent },
    senderPays: { amount: figures.senderPays, currency: p.sendCurrency },
    recipientGets: { amount: figures.recipientGets, currency: p.receiveCurrency },
    sdg: figures.sdg,
    transparent: p.transparent,
    observedAt: p.observedAt,
    ageDays,
    stale: isStaleQuote(ageDays, req.staleAfterDays),
    source: p.source ?? null,
    sample: p.sample,
    ...(c.midStaleDays === undefined ? {} : { midRateAgeDays: c.midStaleDays, midRateStale: true as const }),
  };
}

/** The currency pairs a comparison needs mid rates for. */
export function pairsOf(doc: CorridorDoc): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const e of doc.providers) for (const p of e.products) seen.set(`${p.sendCurrency}/${p.receiveCurrency}`, [p.sendCurrency, p.receiveCurrency]);
  return [...seen.values()];
}

export function compare(doc: CorridorDoc, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: CompareRequest): Comparison {
  return comparePrepared(prepareCorridor(doc), mids, req);
}

/** Prices one product for the request, or says why it cannot be. */
function priceItem(item: PreparedItem, amount: Scaled, mid: Fraction, req: CompareRequest): Pricing | string {
  if (req.question === "receive") {
    const units = cheapestSendUnits(item.priced, amount);
    if (units === undefined) return `cannot deliver ${req.amount.toString()} ${item.input.receiveCurrency}`;
    return price(planFor(item.priced, 0), units, mid);
  }
  const plan = planFor(item.priced, amount.scale);
  const pricing = price(plan, unitsAt(amount, plan.sendScale), mid);
  return pricing.converted <= 0n ? "the fee exceeds the amount sent" : pricing;
}

/** A comparison before it is written out: the quotes ranked, and what was left out and why. */
interface Ranked {
  candidates: Candidate[];
  unpriced: Unpriced[];
  excluded: Excluded[];
  midRates: MidView[];
}

function rankComparison(corridor: PreparedCorridor, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: CompareRequest): Ranked {
  const candidates: Candidate[] = [];
  const unpriced: Unpriced[] = [];
  const excluded: Excluded[] = [];
  const used = new Map<string, ResolvedMid>();
  /** The most days a stale mid lags a quote it priced, by pair. */
  const staleBy = new Map<string, number>();
  const limits = req.midAgeLimits ?? DEFAULT_MID_AGE_LIMITS;
  const amount = scaledOf(req.amount);
  const sentOnWire = req.question === "send" ? wireMoney(req.amount, req.sendCurrency) : undefined;
  for (const item of corridor.items) {
    const input = item.input;
    if (input.sendCurrency !== req.sendCurrency) continue;
    if (req.receiveCurrency !== undefined && input.receiveCurrency !== req.receiveCurrency) continue;
    const ageDays = ageInDays(item.observedMs, req.now);
    if (req.excludeAfterDays > 0 && ageDays > req.excludeAfterDays) {
      excluded.push({ provider: item.entry.id, product: input.id, observedAt: input.observedAt, ageDays, reason: `observed ${ageDays} days ago, more than ${req.excludeAfterDays}` });
      continue;
    }
    const mid = mids.get(item.pair);
    if (!mid) {
      unpriced.push({ provider: item.entry.id, product: input.id, reason: `no mid-market reference rate for ${item.pair}` });
      continue;
    }
    const { lagDays: lag, freshness } = judgeMid(mid, item.observedMs, limits);
    if (freshness === "unusable") {
      unpriced.push({ provider: item.entry.id, product: input.id, reason: unusableMidReason(item.pair, mid.asOf, lag, limits) });
      continue;
    }
    const pricing = priceItem(item, amount, mid.rate, req);
    if (typeof pricing === "string") {
      unpriced.push({ provider: item.entry.id, product: input.id, reason: pricing });
      continue;
    }
    used.set(item.pair, mid);
    if (freshness === "stale") staleBy.set(item.pair, Math.max(lag, staleBy.get(item.pair) ?? 0));
    candidates.push(new Candidate(item, pricing, sentOnWire ?? { amount: shown(pricing).sendAmount, currency: input.sendCurrency }, mid, freshness === "stale" ? lag : undefined));
  }
  return {
    candidates: rank(candidates, req.filters, req.sort, req.question),
    unpriced,
    excluded,
    midRates: [...used].map(([pair, m]) => {
      const lag = staleBy.get(pair);
      return { base: m.base, quote: m.quote, rate: m.shown, asOf: m.asOf, source: m.source, derivation: m.derivation, ...(lag === undefined ? {} : { ageDays: lag, stale: true as const }) };
    }),
  };
}

export function comparePrepared(corridor: PreparedCorridor, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: CompareRequest): Comparison {
  const { candidates, unpriced, excluded, midRates } = rankComparison(corridor, mids, req);
  return { quotes: candidates.map((c) => view(c, c.resolvedMid, req)), unpriced, excluded, midRates };
}

/**
 * The JSON of a comparison in the parts its route sends and tags: `{${quotes},${others}}` is
 * JSON.stringify(comparePrepared(…)), byte for byte.
 */
export interface ComparisonText {
  /** `"quotes":[…]`, most of the answer (a few hundred bytes per quote). */
  quotes: string;
  /** `"unpriced":…,"excluded":…,"midRates":…` */
  others: string;
  /** The first quote's JSON ("" if none): every field name and fixed piece a quote is written with. */
  firstQuote: string;
  /** Each quote's whole days since it was observed, in the order written: what `now` changes in the quotes. */
  ages: string;
}

/**
 * The comparison written without building the quote objects: each quote's fixed fields were
 * serialized when the corridor was prepared, and the per-request figures are digits that need no
 * escaping. For a corridor of 200 products this is most of a request's work. (Schema-compiled
 * serializers such as fast-json-stringify generate code with `new Function`, which Workers forbid.)
 */
export function comparisonText(corridor: PreparedCorridor, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: CompareRequest): ComparisonText {
  const { candidates, unpriced, excluded, midRates } = rankComparison(corridor, mids, req);
  let quotes = "";
  let firstQuote = "";
  let ages = "";
  // Asking "I send S", every quote sends the same object: its JSON is written once.
  let sent: WireMoney | undefined;
  let sentJson = "";
  for (const c of candidates) {
    if (c.sendAmount !== sent) {
      sent = c.sendAmount;
      sentJson = `${JSON.stringify(sent)},"fee":{"amount":"`;
    }
    const ageDays = ageInDays(c.item.observedMs, req.now);
    const quote = quoteJson(c, sentJson, ageDays, req.staleAfterDays);
    if (quotes) quotes += `,${quote}`;
    else quotes = firstQuote = quote;
    ages += `${ageDays},`;
  }
  return {
    quotes: `"quotes":[${quotes}]`,
    others: `"unpriced":${JSON.stringify(unpriced)},"excluded":${JSON.stringify(excluded)},"midRates":${JSON.stringify(midRates)}`,
    firstQuote,
    ages,
  };
}

/** JSON.stringify(comparePrepared(…)), byte for byte. */
export function comparePreparedJson(corridor: PreparedCorridor, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: CompareRequest): string {
  const { quotes, others } = comparisonText(corridor, mids, req);
  return `{${quotes},${others}}`;
}

/**
 * A quote's JSON text around the figures of one request, in the key order of QuoteView, in as few
 * pieces as the figures allow: joining the pieces and flattening the result took about a quarter
 * of a comparison's time in Node, and fewer pieces cost less.
 */
interface QuoteJson {
  /** `{"provider":…,"feeMode":…,"sendAmount":` */
  opening: string;
  /** `","currency":"USD"},"receiverFee":…,"rate":…,"midRate":"…","fxMarginPercent":"…","totalCost":{"amount":"` */
  afterFee: string;
  /** The mid and FX margin `afterFee` holds (a product prices amounts of each scale on a plan of its own, each with its own terms). */
  afterFeeMid: string;
  afterFeeMargin: string;
  /** `","currency":"USD","percent":"` */
  sendCurrencyPercent: string;
  /** `","currency":"USD"},"recipientGets":{"amount":"` */
  afterSenderPays: string;
  /** `","currency":"MXN"},"sdg":"…","transparent":…,"observedAt":…,"ageDays":`, by verdict */
  afterRecipientGets: Record<SdgVerdict, string>;
  /** `,"stale":false,"source":…,"sample":…`, and the same with `"stale":true` (the mid's staleness, if any, and `}` follow) */
  closingFresh: string;
  closingStale: string;
}

function quoteJsonOf(item: PreparedItem): QuoteJson {
  const p = item.input;
  const text = JSON.stringify;
  const afterRecipientGets = (sdg: SdgVerdict) =>
    `","currency":${text(p.receiveCurrency)}},"sdg":"${sdg}","transparent":${text(p.transparent)},"observedAt":${text(p.observedAt)},"ageDays":`;
  const closing = (stale: boolean) => `,"stale":${stale},"source":${text(p.source ?? null)},"sample":${text(p.sample)}`;
  return {
    opening: `{"provider":${text(item.provider)},"product":${text(p.id)},"payIn":${text(p.payIn)},"payOut":${text(p.payOut)},"speed":${text(p.speed)},"feeMode":${text(p.feeMode)},"sendAmount":`,
    afterFee: "",
    afterFeeMid: "",
    afterFeeMargin: "",
    sendCurrencyPercent: `","currency":${text(p.sendCurrency)},"percent":"`,
    afterSenderPays: `","currency":${text(p.sendCurrency)}},"recipientGets":{"amount":"`,
    afterRecipientGets: { below_3: afterRecipientGets("below_3"), "3_to_5": afterRecipientGets("3_to_5"), above_5: afterRecipientGets("above_5") },
    closingFresh: closing(false),
    closingStale: closing(true),
  };
}

function afterFeeOf(item: PreparedItem, mid: string, fxMarginPercent: string): string {
  const p = item.input;
  const text = JSON.stringify;
  return `","currency":${text(p.sendCurrency)}},"receiverFee":${text(item.receiverFee)},"rate":${text(p.rate)},"midRate":"${mid}","fxMarginPercent":"${fxMarginPercent}","totalCost":{"amount":"`;
}

/** `sent`: the send amount's JSON and what follows it up to the fee's amount. */
function quoteJson(c: Candidate, sent: string, ageDays: number, staleAfterDays: number): string {
  const j = (c.item.json ??= quoteJsonOf(c.item));
  const f = shown(c.pricing);
  const mid = c.resolvedMid.shown;
  const margin = f.fxMarginPercent;
  if (j.afterFeeMid !== mid || j.afterFeeMargin !== margin) {
    j.afterFee = afterFeeOf(c.item, mid, margin);
    j.afterFeeMid = mid;
    j.afterFeeMargin = margin;
  }
  return (
    `${j.opening}${sent}${f.fee}${j.afterFee}${f.totalCost}${j.sendCurrencyPercent}${f.percent}"},"senderPays":{"amount":"` +
    `${f.senderPays}${j.afterSenderPays}${f.recipientGets}${j.afterRecipientGets[f.sdg]}${ageDays}${isStaleQuote(ageDays, staleAfterDays) ? j.closingStale : j.closingFresh}` +
    (c.midStaleDays === undefined ? "}" : `,"midRateAgeDays":${c.midStaleDays},"midRateStale":true}`)
  );
}
