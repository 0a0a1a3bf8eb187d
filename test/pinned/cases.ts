/**
 * Deterministic comparison cases whose outputs are pinned in compare-golden.json: the outputs of
 * the pricing engine, re-pinned once when the one exact engine replaced the earlier ones.
 * Shared by the golden writer (bench/pin-comparisons.ts, plain Node) and the tests (workerd).
 */
import type { CompareRequest } from "../../src/domain/compare.ts";
import type { CorridorDoc, ProviderEntry } from "../../src/domain/corridor.ts";
import { Decimal } from "../../src/domain/money.ts";
import { resolveMid, type ResolvedMid } from "../../src/domain/reference-rates.ts";
import type { ProductInput } from "../../src/domain/schemas.ts";

/** A small linear congruential generator: the same cases on every machine, without a dependency. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** A decimal string with up to `maxDecimals` decimals and `intDigits` integer digits at most. */
    decimal(intDigits: number, maxDecimals: number): string {
      const int = String(Math.floor(next() * 10 ** intDigits));
      const d = Math.floor(next() * (maxDecimals + 1));
      if (d === 0) return int;
      let frac = "";
      for (let i = 0; i < d; i++) frac += String(Math.floor(next() * 10));
      return `${int}.${frac}`;
    },
  };
}

const payIns = ["cash", "bank_account", "debit_card", "credit_card", "mobile_wallet"] as const;
const payOuts = ["cash", "bank_account", "mobile_wallet", "home_delivery"] as const;
const speeds = ["less_than_1_hour", "same_day", "next_day", "2_days", "3_5_days", "6_days_or_more"] as const;
const types = ["bank", "mto", "post_office", "mobile_operator", "digital"] as const;

/** Every fee shape the schema allows: none, fixed, percent, both, min/max, bands. */
function feeOf(r: ReturnType<typeof prng>, shape: number): ProductInput["fee"] {
  const pct = () => r.pick(["0", "0.5", "1", "1.25", "2.9", "3.333", "7.5", "12"]);
  switch (shape % 7) {
    case 0:
      return { fixed: "0", percent: "0" };
    case 1:
      return { fixed: r.decimal(1, 3), percent: "0" };
    case 2:
      return { fixed: "0", percent: pct() };
    case 3:
      return { fixed: r.decimal(1, 2), percent: pct() };
    case 4:
      return { fixed: r.decimal(1, 3), percent: pct(), min: "1.5", max: "25" };
    case 5:
      return { fixed: "3", percent: pct(), bands: [{ upTo: "100", fixed: "2", percent: "0" }, { upTo: "500", fixed: "1", percent: pct() }] };
    default:
      return { fixed: "4.99", percent: "0", min: "5", bands: [{ upTo: "50.5", fixed: "0", percent: pct() }], max: "9" };
  }
}

export interface PinnedCorridor {
  doc: CorridorDoc;
  mids: Map<string, ResolvedMid | undefined>;
}

/** The stored rates behind the pinned mids, as the route test stores them. */
export const pinnedRates: [string, string, string][] = [
  ["KWD", "INR", "271.3377"],
  ["JPY", "KWD", "0.00197"],
  ["USD", "INR", "84.0123456789"],
  ["EUR", "USD", "0.9137"],
  ["EUR", "CLF", "0.02470"],
  ["INR", "JPY", "1.7777"],
  ["KWD", "BHD", "1.2266"],
];

/** Mid rates: direct, a non-terminating inverse, a cross rate, one pair left without a rate. */
export function pinnedMids(): Map<string, ResolvedMid | undefined> {
  const stored = new Map(pinnedRates.map(([base, quote, rate]) => [`${base}/${quote}`, { base, quote, rate, asOf: "2026-11-20T00:00:00Z", source: "pinned" }]));
  const lookup = (base: string, quote: string) => stored.get(`${base}/${quote}`);
  return new Map(["KWD/INR", "KWD/JPY", "USD/INR", "USD/CLF", "JPY/INR", "KWD/BHD", "USD/BHD"].map((pair) => {
    const [base, quote] = pair.split("/") as [string, string];
    return [pair, resolveMid(base, quote, lookup)];
  }));
}

const pairs: [string, string][] = [
  ["KWD", "INR"],
  ["KWD", "INR"],
  ["KWD", "JPY"],
  ["USD", "INR"],
  ["USD", "CLF"],
  ["JPY", "INR"],
  ["KWD", "BHD"],
  ["USD", "BHD"],
];

/** `providers` providers of 1–3 products each, rates spread around the mid (some above it). */
export function pinnedCorridor(providers: number, seed = 42): PinnedCorridor {
  const r = prng(seed);
  const mids = pinnedMids();
  const entries: ProviderEntry[] = [];
  for (let p = 0; p < providers; p++) {
    const products: ProductInput[] = [];
    const n = r.int(1, 3);
    for (let k = 0; k < n; k++) {
      const [send, receive] = r.pick(pairs);
      const exact = mids.get(`${send}/${receive}`)?.rate;
      const mid = exact ? new Decimal(exact.num.toString()).dividedBy(exact.den.toString()) : new Decimal("0.377");
      const factor = new Decimal(r.pick(["0.9", "0.95", "0.97", "0.985", "0.999", "1", "1.002"]));
      const rate = mid.times(factor).toSignificantDigits(r.int(4, 9)).toFixed();
      const withReceiverFee = r.next() < 0.3;
      products.push({
        id: `p${k}-${send.toLowerCase()}-${receive.toLowerCase()}`,
        sendCurrency: send,
        receiveCurrency: receive,
        fee: feeOf(r, r.int(0, 6)),
        feeMode: r.next() < 0.7 ? "on_top" : "deducted",
        rate,
        ...(withReceiverFee ? { receiverFee: { amount: receive === "JPY" ? "100" : receive === "CLF" ? "0.0125" : "1.5", currency: receive } } : {}),
        payIn: r.pick(payIns),
        payOut: r.pick(payOuts),
        speed: r.pick(speeds),
        transparent: r.next() < 0.85,
        observedAt: `2026-${r.pick(["09", "10", "11"])}-0${r.int(1, 9)}T10:00:00Z`,
        ...(r.next() < 0.5 ? { source: "pinned survey" } : {}),
        sample: r.next() < 0.1,
      });
    }
    const id = `prov-${String(p).padStart(3, "0")}`;
    entries.push({ id, provider: { name: `Provider ${p}`, type: r.pick(types), ...(p % 4 === 0 ? { website: `https://p${p}.example` } : {}) }, products, updatedAt: "2026-11-20T10:00:00Z" });
  }
  return { doc: { id: "KWT-IND", from: "KWT", to: "IND", updatedAt: "2026-11-20T10:00:00Z", providers: entries }, mids };
}

const NOW = new Date("2026-11-21T12:00:00Z");

/** The requests pinned: both questions, every sort, filters, amounts at band edges and extremes. */
export function pinnedRequests(): (Omit<CompareRequest, "amount"> & { amount: string })[] {
  const base = { filters: {}, sort: "recipient_gets" as const, now: NOW, staleAfterDays: 30, excludeAfterDays: 0, receiveCurrency: undefined };
  const out: (Omit<CompareRequest, "amount"> & { amount: string })[] = [];
  const sendAmounts: Record<string, string[]> = {
    KWD: ["0.001", "1", "2.5", "50.5", "50.501", "99.999", "100", "100.001", "137.125", "200", "499.999", "500", "500.001", "1234.567", "1000000", "999999999999.999"],
    USD: ["0.01", "1", "7.77", "50.5", "100", "100.01", "200", "333.33", "500", "2500", "1000000000000"],
    JPY: ["1", "49", "100", "101", "5000", "30000", "123457"],
  };
  for (const [currency, amounts] of Object.entries(sendAmounts)) {
    for (const amount of amounts) out.push({ ...base, question: "send", sendCurrency: currency, amount });
  }
  const sorts = ["total_cost", "speed"] as const;
  for (const sort of sorts) out.push({ ...base, question: "send", sendCurrency: "KWD", amount: "200", sort });
  out.push({ ...base, question: "send", sendCurrency: "KWD", amount: "75", receiveCurrency: "INR", filters: { payOut: "cash" } });
  out.push({ ...base, question: "send", sendCurrency: "KWD", amount: "75", filters: { maxSpeed: "next_day", providerType: "mto" } });
  out.push({ ...base, question: "send", sendCurrency: "USD", amount: "300", filters: { payIn: "bank_account" }, sort: "speed" });
  const receive: [string, string, string][] = [
    ["KWD", "INR", "1"],
    ["KWD", "INR", "5000"],
    ["KWD", "INR", "27133.77"],
    ["KWD", "JPY", "100000"],
    ["KWD", "BHD", "12.345"],
    ["USD", "CLF", "1.2345"],
    ["USD", "INR", "16800.5"],
    ["JPY", "INR", "600"],
  ];
  for (const [send, receiveCurrency, amount] of receive) {
    out.push({ ...base, question: "receive", sendCurrency: send, receiveCurrency, amount });
    out.push({ ...base, question: "receive", sendCurrency: send, receiveCurrency, amount, sort: "total_cost" });
  }
  return out;
}
