/**
 * Synthetic data for the bench: corridors of N provider products in the shapes the schema allows,
 * and RPW dataset rows in the legacy 30-column layout.
 */
import countries from "i18n-iso-countries";

/** A deterministic generator (a linear congruential one): the same data on every run. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

export const MID_USD_MXN = "18.7234";

const feeShapes = [
  { fixed: "0", percent: "0" },
  { fixed: "4.99", percent: "0" },
  { fixed: "0", percent: "1.5" },
  { fixed: "2.50", percent: "0.75", min: "3", max: "30" },
  { fixed: "5", percent: "0", bands: [{ upTo: "100", fixed: "2.99", percent: "0" }, { upTo: "500", fixed: "3.99", percent: "0.5" }] },
  { fixed: "0", percent: "2.9", min: "1.99", bands: [{ upTo: "50", fixed: "0.99", percent: "0" }] },
];
const payIns = ["cash", "bank_account", "debit_card", "credit_card", "mobile_wallet"] as const;
const payOuts = ["cash", "bank_account", "mobile_wallet", "home_delivery"] as const;
const speeds = ["less_than_1_hour", "same_day", "next_day", "2_days", "3_5_days"] as const;
const types = ["bank", "mto", "post_office", "mobile_operator", "digital"] as const;

/** The bodies of `PUT /v1/admin/corridors/USA-MEX/quotes/{providerId}` for `products` products, 4 per provider. */
export function corridorProviders(products: number, seed = 7): { id: string; body: unknown }[] {
  const r = prng(seed);
  const out: { id: string; body: unknown }[] = [];
  for (let p = 0; p * 4 < products; p++) {
    const n = Math.min(4, products - p * 4);
    const list = Array.from({ length: n }, (_, k) => ({
      id: `product-${k}`,
      sendCurrency: "USD",
      receiveCurrency: "MXN",
      fee: r.pick(feeShapes),
      feeMode: r.next() < 0.8 ? "on_top" : "deducted",
      rate: (18.7234 * (0.94 + r.next() * 0.06)).toFixed(r.int(2, 6)),
      ...(r.next() < 0.2 ? { receiverFee: { amount: "15.00", currency: "MXN" } } : {}),
      payIn: r.pick(payIns),
      payOut: r.pick(payOuts),
      speed: r.pick(speeds),
      transparent: r.next() < 0.9,
      observedAt: "2026-11-20T10:00:00Z",
      source: "bench",
    }));
    out.push({ id: `provider-${String(p).padStart(3, "0")}`, body: { provider: { name: `Provider ${p}`, type: r.pick(types), website: `https://p${p}.example` }, products: list } });
  }
  return out;
}

/** The legacy RPW header, as in data/rpw/. */
export const RPW_HEADER =
  "PERIOD,SOURCE_CODE,SOURCE_NAME,DESTINATION_CODE,DESTINATION_NAME,FIRM,FIRM_TYPE,PAYMENT INSTRUMENT,SPEED ACTUAL,CC1 LCU AMOUNT,CC1 DENOMINATION AMOUNT,CC1 LCU CODE,CC1 LCU FEE,CC1 LCU FX RATE,CC1 FX MARGIN,CC1 TOTAL COST %,CC2 LCU AMOUNT,CC2 DENOMINATION AMOUNT,CC2 LCU CODE,CC2 LCU FEE,CC2 LCU FX RATE,CC2 FX MARGIN,CC2 TOTAL COST %,INTER LCU BANK FX,TRANSPARENT,NOTE1,NOTE2,PICK-UP METHOD,DATE,CORRIDOR";

const COUNTRY_CODES = Object.keys(countries.getAlpha3Codes()).filter((c) => c !== "ATA").sort().slice(0, 60);

/** The i-th corridor (source, destination) of a fixed list of distinct country pairs. */
export function corridorAt(i: number): [string, string] {
  const n = COUNTRY_CODES.length;
  const src = COUNTRY_CODES[Math.floor(i / (n - 1)) % n]!;
  const others = COUNTRY_CODES.filter((c) => c !== src);
  return [src, others[i % (n - 1)]!];
}

export const PERIODS = Array.from({ length: 40 }, (_, i) => `${2011 + Math.floor(i / 4)}_${(i % 4) + 1}Q`);

const firmTypes = ["Bank", "Money Transfer Operator", "Post office", "Mobile Operator"];
const instruments = [
  ["Cash to cash", "Less than one hour", "Cash"],
  ["Account to account", "Next day", "Bank Account"],
  ["Bank account transfer", "2 days", "Bank account"],
  ["Mobile money", "Same day", "Cash"],
];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** One RPW row: the fee and margin chosen, the totals derived as RPW derives them (2 decimals). */
export function rpwRow(corridor: number, period: string, firm: string, seed: number): string {
  const r = prng(seed);
  const [src, dst] = corridorAt(corridor);
  const transparent = r.next() < 0.9;
  const fee1 = (r.int(0, 1500) / 100).toFixed(2);
  const fee2 = (r.int(0, 2500) / 100).toFixed(2);
  const margin = transparent ? (r.int(-50, 600) / 100).toFixed(2) : "0";
  const total1 = ((Number(fee1) / 200) * 100 + Number(margin)).toFixed(2);
  const total2 = ((Number(fee2) / 500) * 100 + Number(margin)).toFixed(2);
  const mid = 17.5;
  const rate = transparent ? (mid * (1 - Number(margin) / 100)).toFixed(4) : "1";
  const [instrument, speed, pickup] = r.pick(instruments);
  const year = period.slice(0, 4);
  const month = months[(Number(period[5]) - 1) * 3]!;
  return [
    period, src, countries.getName(src, "en")?.replaceAll(",", " ") ?? src, dst, countries.getName(dst, "en")?.replaceAll(",", " ") ?? dst,
    firm, r.pick(firmTypes), instrument, speed,
    "200", "200", "USD", fee1, rate, margin, total1,
    "500", "500", "USD", fee2, rate, margin, total2,
    transparent ? String(mid) : "1", transparent ? "yes" : "no", "", "", pickup, `15/${month}/${year}`, src + dst,
  ].join(",");
}
