/**
 * @module
 * A corridor's comparison for one question ("I send S" or "they must get T"): every product
 * priced, ranked, and written out with money as decimal strings.
 */
import type { CorridorDoc, ProviderEntry } from "./corridor.ts";
import { evaluate, prepareProduct, type Evaluation, type PreparedProduct } from "./cost.ts";
import { formatPercent, roundUp, wireMoney, type Decimal, type WireMoney } from "./money.ts";
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

interface Candidate extends Rankable {
  entry: ProviderEntry;
  input: ProductInput;
  prepared: PreparedProduct;
}

/** Whole days since the quote was observed (0 for a quote dated in the future). */
export function ageInDays(observedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(observedAt)) / DAY_MS));
}

function view(c: Candidate, mid: Decimal, req: CompareRequest): QuoteView {
  const e: Evaluation = c.evaluation;
  const p = c.input;
  const ageDays = ageInDays(p.observedAt, req.now);
  return {
    provider: { id: c.entry.id, name: c.entry.provider.name, type: c.entry.provider.type, ...(c.entry.provider.website ? { website: c.entry.provider.website } : {}) },
    product: p.id,
    payIn: p.payIn,
    payOut: p.payOut,
    speed: p.speed,
    feeMode: p.feeMode,
    sendAmount: wireMoney(e.sendAmount, p.sendCurrency),
    fee: wireMoney(e.fee, p.sendCurrency),
    receiverFee: wireMoney(c.prepared.receiverFee, p.receiveCurrency),
    rate: p.rate,
    midRate: mid.toString(),
    fxMarginPercent: formatPercent(e.fxMarginPercent),
    totalCost: { ...wireMoney(roundUp(e.totalCost, p.sendCurrency), p.sendCurrency), percent: formatPercent(e.totalCostPercent) },
    senderPays: wireMoney(roundUp(e.senderPays, p.sendCurrency), p.sendCurrency),
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

/** The currency pairs a comparison needs mid rates for. */
export function pairsOf(doc: CorridorDoc): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const e of doc.providers) for (const p of e.products) seen.set(`${p.sendCurrency}/${p.receiveCurrency}`, [p.sendCurrency, p.receiveCurrency]);
  return [...seen.values()];
}

export function compare(doc: CorridorDoc, mids: Map<string, ResolvedMid | undefined>, req: CompareRequest): Comparison {
  const candidates: Candidate[] = [];
  const unpriced: Unpriced[] = [];
  const excluded: Excluded[] = [];
  const used = new Map<string, ResolvedMid>();
  for (const entry of doc.providers) {
    for (const input of entry.products) {
      if (input.sendCurrency !== req.sendCurrency) continue;
      if (req.receiveCurrency !== undefined && input.receiveCurrency !== req.receiveCurrency) continue;
      const ageDays = ageInDays(input.observedAt, req.now);
      if (req.excludeAfterDays > 0 && ageDays > req.excludeAfterDays) {
        excluded.push({ provider: entry.id, product: input.id, observedAt: input.observedAt, ageDays, reason: `observed ${ageDays} days ago, more than ${req.excludeAfterDays}` });
        continue;
      }
      const pair = `${input.sendCurrency}/${input.receiveCurrency}`;
      const mid = mids.get(pair);
      if (!mid) {
        unpriced.push({ provider: entry.id, product: input.id, reason: `no mid-market reference rate for ${pair}` });
        continue;
      }
      const prepared = prepareProduct(input);
      const evaluation = req.question === "send" ? evaluate(prepared, req.amount, mid.rate) : smallestSendAmount(prepared, req.amount, mid.rate);
      if (!evaluation) {
        unpriced.push({ provider: entry.id, product: input.id, reason: `cannot deliver ${req.amount.toString()} ${input.receiveCurrency}` });
        continue;
      }
      if (req.question === "send" && evaluation.converted.lessThanOrEqualTo(0)) {
        unpriced.push({ provider: entry.id, product: input.id, reason: "the fee exceeds the amount sent" });
        continue;
      }
      used.set(pair, mid);
      candidates.push({
        entry,
        input,
        prepared,
        evaluation,
        mid: mid.rate,
        providerId: entry.id,
        productId: input.id,
        providerType: entry.provider.type,
        payIn: input.payIn,
        payOut: input.payOut,
        speed: input.speed,
      });
    }
  }
  const ranked = rank(candidates, req.filters, req.sort, req.question);
  return {
    quotes: ranked.map((c) => view(c, c.mid, req)),
    unpriced,
    excluded,
    midRates: [...used.values()].map((m) => ({ base: m.base, quote: m.quote, rate: m.rate.toString(), asOf: m.asOf, source: m.source, derivation: m.derivation })),
  };
}

