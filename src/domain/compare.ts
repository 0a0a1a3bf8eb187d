/**
 * @module
 * A corridor's comparison for one question ("I send S" or "they must get T"): every product
 * priced, ranked, and written out with money as decimal strings.
 */
import { summarize, type CorridorDoc, type CorridorSummary, type ProviderEntry } from "./corridor.ts";
import { evaluate, prepareProduct, type Evaluation, type PreparedProduct } from "./cost.ts";
import { fitsMinorUnits, formatPercent, roundUp, wireMoney, type Decimal, type WireMoney } from "./money.ts";
import { rank, type Filters, type Question, type Rankable, type SortOrder } from "./ranking.ts";
import type { ResolvedMid } from "./reference-rates.ts";
import { smallestSendAmount } from "./reverse.ts";
import type { FeeMode, PayIn, PayOut, ProductInput, ProviderType, Speed } from "./schemas.ts";
import type { SdgVerdict } from "./sdg.ts";

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
}

export interface QuoteView {
  provider: { id: string; name: string; type: ProviderType; website?: string };
  product: string;
  payIn: PayIn;
  payOut: PayOut;
  speed: Speed;
  feeMode: FeeMode;
  sendAmount: WireMoney;
  fee: WireMoney;
  receiverFee: WireMoney;
  rate: string;
  midRate: string;
  fxMarginPercent: string;
  totalCost: WireMoney & { percent: string };
  senderPays: WireMoney;
  recipientGets: WireMoney;
  sdg: SdgVerdict;
  transparent: boolean;
  observedAt: string;
  ageDays: number;
  stale: boolean;
  source: string | null;
  sample: boolean;
}

export interface Unpriced {
  provider: string;
  product: string;
  reason: string;
}

/** A quote too old to compare: left out of the ranking, still in the corridor's history. */
export interface Excluded {
  provider: string;
  product: string;
  observedAt: string;
  ageDays: number;
  reason: string;
}

export interface MidView {
  base: string;
  quote: string;
  rate: string;
  asOf: string;
  source: string;
  derivation: string;
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
  prepared: PreparedProduct;
  pair: string;
  provider: QuoteView["provider"];
  receiverFee: WireMoney;
  observedMs: number;
}

/** Whole days since the quote was observed (0 for a quote dated in the future). */
export function ageInDays(observedMs: number, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - observedMs) / DAY_MS));
}

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
}

export function prepareCorridor(doc: CorridorDoc): PreparedCorridor {
  const items: PreparedItem[] = [];
  const receiving = new Map<string, string[]>();
  for (const entry of doc.providers) {
    const p = entry.provider;
    const provider = { id: entry.id, name: p.name, type: p.type, ...(p.website ? { website: p.website } : {}) };
    for (const input of entry.products) {
      const prepared = prepareProduct(input);
      items.push({
        entry,
        input,
        prepared,
        pair: `${input.sendCurrency}/${input.receiveCurrency}`,
        provider,
        receiverFee: wireMoney(prepared.receiverFee, input.receiveCurrency),
        observedMs: Date.parse(input.observedAt),
      });
      const list = receiving.get(input.sendCurrency) ?? [];
      list.push(input.receiveCurrency);
      receiving.set(input.sendCurrency, list);
    }
  }
  return { doc, summary: summarize(doc), pairs: pairsOf(doc), items, receiving };
}

interface Candidate extends Rankable {
  item: PreparedItem;
  resolvedMid: ResolvedMid;
}

function view(c: Candidate, mid: ResolvedMid, req: CompareRequest): QuoteView {
  const e: Evaluation = c.evaluation;
  const p = c.item.input;
  const ageDays = ageInDays(c.item.observedMs, req.now);
  return {
    provider: c.item.provider,
    product: p.id,
    payIn: p.payIn,
    payOut: p.payOut,
    speed: p.speed,
    feeMode: p.feeMode,
    sendAmount: wireMoney(e.sendAmount, p.sendCurrency),
    fee: wireMoney(e.fee, p.sendCurrency),
    receiverFee: c.item.receiverFee,
    rate: p.rate,
    midRate: midString(mid),
    fxMarginPercent: formatPercent(e.fxMarginPercent),
    totalCost: { ...wireMoney(roundUp(e.totalCost, p.sendCurrency), p.sendCurrency), percent: formatPercent(e.totalCostPercent) },
    // S and the fee are in minor units already, so their sum usually is: rounding it again is a no-op.
    senderPays: wireMoney(fitsMinorUnits(e.senderPays, p.sendCurrency) ? e.senderPays : roundUp(e.senderPays, p.sendCurrency), p.sendCurrency),
    recipientGets: wireMoney(e.recipientGets, p.receiveCurrency),
    sdg: e.sdg,
    transparent: p.transparent,
    observedAt: p.observedAt,
    ageDays,
    stale: ageDays > req.staleAfterDays,
    source: p.source ?? null,
    sample: p.sample,
  };
}

const midStrings = new WeakMap<ResolvedMid, string>();

/** A mid's decimal string, written once per request however many quotes show it. */
function midString(mid: ResolvedMid): string {
  let s = midStrings.get(mid);
  if (s === undefined) midStrings.set(mid, (s = mid.rate.toString()));
  return s;
}

/** The currency pairs a comparison needs mid rates for. */
export function pairsOf(doc: CorridorDoc): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const e of doc.providers) for (const p of e.products) seen.set(`${p.sendCurrency}/${p.receiveCurrency}`, [p.sendCurrency, p.receiveCurrency]);
  return [...seen.values()];
}

export function compare(doc: CorridorDoc, mids: Map<string, ResolvedMid | undefined>, req: CompareRequest): Comparison {
  return comparePrepared(prepareCorridor(doc), mids, req);
}

export function comparePrepared(corridor: PreparedCorridor, mids: Map<string, ResolvedMid | undefined>, req: CompareRequest): Comparison {
  const candidates: Candidate[] = [];
  const unpriced: Unpriced[] = [];
  const excluded: Excluded[] = [];
  const used = new Map<string, ResolvedMid>();
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
    const evaluation = req.question === "send" ? evaluate(item.prepared, req.amount, mid.rate) : smallestSendAmount(item.prepared, req.amount, mid.rate);
    if (!evaluation) {
      unpriced.push({ provider: item.entry.id, product: input.id, reason: `cannot deliver ${req.amount.toString()} ${input.receiveCurrency}` });
      continue;
    }
    if (req.question === "send" && evaluation.converted.lessThanOrEqualTo(0)) {
      unpriced.push({ provider: item.entry.id, product: input.id, reason: "the fee exceeds the amount sent" });
      continue;
    }
    used.set(item.pair, mid);
    candidates.push({
      item,
      evaluation,
      mid: mid.rate,
      providerId: item.entry.id,
      productId: input.id,
      providerType: item.entry.provider.type,
      payIn: input.payIn,
      payOut: input.payOut,
      speed: input.speed,
      resolvedMid: mid,
    });
  }
  const ranked = rank(candidates, req.filters, req.sort, req.question);
  return {
    quotes: ranked.map((c) => view(c, c.resolvedMid, req)),
    unpriced,
    excluded,
    midRates: [...used.values()].map((m) => ({ base: m.base, quote: m.quote, rate: midString(m), asOf: m.asOf, source: m.source, derivation: m.derivation })),
  };
}
