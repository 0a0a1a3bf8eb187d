/**
 * Writes corridors/*.json, the seed data `npm start` loads: the eight East African corridors from
 * the World Bank's RPW observations of 2019Q4 (data/rpw/), and four corridors of sample
 * data priced against the ECB's reference rates of 2025-05-09 (data/ecb/).
 *
 *   node scripts/make-seed.ts [path/to/data]
 *
 * The output is committed; this script documents, and can repeat, how it was made.
 */
import { parse } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 40 });
const data = process.argv[2] ?? join(import.meta.dirname, "..", "data");
const out = join(import.meta.dirname, "..", "corridors");

const RPW_CREDIT = "The World Bank, Remittance Prices Worldwide, remittanceprices.worldbank.org (CC BY 4.0)";

// Rough USD rates of late October 2019, used only to tell which currency a row pays out in
// (RPW rows carry the rate but not its currency; many KES corridors pay out USD). Never priced with.
const APPROX_PER_USD: Record<string, number> = { USD: 1, KES: 103.8, UGX: 3690, TZS: 2300, RWF: 925, SSP: 160 };
const LOCAL: Record<string, string> = { KEN: "KES", UGA: "UGX", TZA: "TZS", RWA: "RWF", SSD: "SSP" };

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 64);

const PROVIDER_TYPE: Record<string, string> = {
  "bank": "bank",
  "money transfer operator": "mto",
  "mobile operator": "mobile_operator",
  "post office": "post_office",
  "non-bank fi": "mto",
};
const SPEED: Record<string, string> = {
  "less than one hour": "less_than_1_hour",
  "same day": "same_day",
  "next day": "next_day",
  "2 days": "2_days",
  "3-5 days": "3_5_days",
  "6 days or more": "6_days_or_more",
};

function payIn(instrument: string): string {
  const first = instrument.split(",")[0]!.trim().toLowerCase();
  if (first.startsWith("cash")) return "cash";
  if (first.startsWith("mobile")) return "mobile_wallet";
  if (first.includes("card")) return "debit_card";
  return "bank_account";
}

function payOut(pickup: string): string {
  const p = pickup.toLowerCase();
  if (p.includes("mobile")) return "mobile_wallet";
  if (p.includes("bank")) return "bank_account";
  if (p.includes("home")) return "home_delivery";
  return "cash";
}

const MONTHS: Record<string, string> = { Jan: "01", Feb: "02", Mar: "03", Apr: "04", May: "05", Jun: "06", Jul: "07", Aug: "08", Sep: "09", Oct: "10", Nov: "11", Dec: "12" };
function isoDate(rpwDate: string): string {
  const [d, m, y] = rpwDate.split("/");
  return `${y}-${MONTHS[m!]}-${d!.padStart(2, "0")}T00:00:00Z`;
}

/** The currency whose rough rate lies nearest (on a log scale) to the rate implied by the row. */
function receiveCurrencyOf(send: string, destination: string, mid: number): string {
  const candidates = [LOCAL[destination]!, "USD"];
  const distance = (c: string) => Math.abs(Math.log(mid / (APPROX_PER_USD[c]! / APPROX_PER_USD[send]!)));
  return candidates.sort((a, b) => distance(a) - distance(b))[0]!;
}

function median(values: Decimal[]): Decimal {
  const s = [...values].sort((a, b) => a.comparedTo(b));
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : s[m - 1]!.plus(s[m]!).dividedBy(2);
}

type Row = Record<string, string>;

function rpwCorridors() {
  const rows: Row[] = parse(readFileSync(join(data, "rpw", "rpw_eastafrica_2011Q1-2019Q4.csv")), { columns: true, skip_empty_lines: true });
  const latest = rows.filter((r) => r.PERIOD === "2019_4Q");
  const byCorridor = new Map<string, Row[]>();
  for (const r of latest) byCorridor.set(`${r.SOURCE_CODE}-${r.DESTINATION_CODE}`, [...(byCorridor.get(`${r.SOURCE_CODE}-${r.DESTINATION_CODE}`) ?? []), r]);

  // One mid per currency pair across all corridors (a rate key is shared): the median of the
  // rates the transparent rows imply, rate ÷ (1 − published margin).
  const implied = new Map<Row, { mid: Decimal; currency: string }>();
  const byPair = new Map<string, Decimal[]>();
  for (const r of latest.filter((r) => r.TRANSPARENT!.toLowerCase() === "yes")) {
    const mid = new D(r["CC1 LCU FX RATE"]!).dividedBy(new D(1).minus(new D(r["CC1 FX MARGIN"]!).dividedBy(100)));
    const currency = receiveCurrencyOf(r["CC1 LCU CODE"]!, r.DESTINATION_CODE!, mid.toNumber());
    implied.set(r, { mid, currency });
    const pair = `${r["CC1 LCU CODE"]}/${currency}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), mid]);
  }
  const pairMid = new Map([...byPair].map(([pair, mids]) => [pair, median(mids).toSignificantDigits(6)]));

  const files = [];
  for (const [id, list] of byCorridor) {
    const send = list[0]!["CC1 LCU CODE"]!;
    const destination = list[0]!.DESTINATION_CODE!;
    const local = LOCAL[destination]!;
    const mids = new Map<string, Decimal>();
    for (const r of list) {
      // Non-transparent rows disclose no rate: they are shown at mid (margin 0, as RPW stores them) in the local currency.
      const currency = implied.get(r)?.currency ?? local;
      const mid = pairMid.get(`${send}/${currency}`) ?? pairMid.get(`${send}/USD`)!.times(APPROX_PER_USD[local]!).toSignificantDigits(6);
      mids.set(currency, mid);
    }
    const providers = new Map<string, { id: string; provider: { name: string; type: string }; products: unknown[] }>();
    for (const r of list) {
      const transparent = r.TRANSPARENT!.toLowerCase() === "yes";
      const receiveCurrency = implied.get(r)?.currency ?? local;
      const mid = mids.get(receiveCurrency)!;
      const margin = transparent ? new D(r["CC1 FX MARGIN"]!) : new D(0);
      const pid = slug(r.FIRM!);
      const entry = providers.get(pid) ?? { id: pid, provider: { name: r.FIRM!, type: PROVIDER_TYPE[r.FIRM_TYPE!.toLowerCase()] ?? "mto" }, products: [] };
      const productId = slug(`${payIn(r["PAYMENT INSTRUMENT"]!)}-to-${payOut(r["PICK-UP METHOD"]!)}-${receiveCurrency}`);
      if (entry.products.some((p) => (p as { id: string }).id === productId)) continue; // RPW repeats some rows
      entry.products.push({
        id: productId,
        sendCurrency: send,
        receiveCurrency,
        // RPW observes the fee at two amounts only: USD 200's and USD 500's equivalents.
        fee: { fixed: new D(r["CC2 LCU FEE"]!).toString(), bands: [{ upTo: r["CC1 LCU AMOUNT"]!, fixed: new D(r["CC1 LCU FEE"]!).toString() }] },
        feeMode: "on_top",
        rate: mid.times(new D(1).minus(margin.dividedBy(100))).toString(),
        payIn: payIn(r["PAYMENT INSTRUMENT"]!),
        payOut: payOut(r["PICK-UP METHOD"]!),
        speed: SPEED[r["SPEED ACTUAL"]!.toLowerCase()] ?? "next_day",
        transparent,
        observedAt: isoDate(r.DATE!),
        source: `${RPW_CREDIT}, survey 2019Q4, ${r.FIRM}: fee ${r["CC1 LCU FEE"]} ${send} on ${r["CC1 LCU AMOUNT"]}, FX margin ${r["CC1 FX MARGIN"]} %, total ${r["CC1 TOTAL COST %"]} %`,
        // The statistics take this observation from the RPW rows themselves: the quote must not count it again.
        republishedFrom: "rpw",
      });
      providers.set(pid, entry);
    }
    files.push({
      corridor: id,
      sample: false,
      description:
        `Prices observed by the World Bank's RPW survey in 2019Q4 (${list.length} rows). Rates are the mid-market rate implied by the observations ` +
        `(median of rate ÷ (1 − margin)) times (1 − the published margin), so each product's margin is RPW's own; fees are RPW's at the USD 200 ` +
        `and USD 500 equivalents (the first up to ${list[0]!["CC1 LCU AMOUNT"]} ${send}, the second above). Non-transparent rows disclose no rate and are shown at mid.`,
      source: `${RPW_CREDIT}; rows of 2019_4Q from data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv`,
      rates: [...mids].map(([quote, rate]) => ({
        base: send,
        quote,
        rate: rate.toString(),
        asOf: isoDate(list[0]!.DATE!),
        source: "Implied by RPW 2019Q4 observations (median of rate ÷ (1 − margin))",
      })),
      providers: [...providers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
  }
  return files;
}

function ecbRates(): { date: string; rates: Record<string, string> } {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(data, "ecb", "eurofxref-daily.xml"), "utf8"));
  const day = xml["gesmes:Envelope"].Cube.Cube;
  return { date: day.time, rates: Object.fromEntries(day.Cube.map((c: { currency: string; rate: string }) => [c.currency, c.rate])) };
}

const SAMPLE_NOTE = "SAMPLE DATA: illustrative providers and prices, not observations of any real company.";

/** Sample corridors: fictional providers, real ECB reference rates (or a stated sample rate for KWD). */
function sampleCorridors() {
  const ecb = ecbRates();
  const ecbSource = `ECB euro reference rate of ${ecb.date} (data/ecb/eurofxref-daily.xml)`;
  const ecbRate = (quote: string) => ({ base: "EUR", quote, rate: ecb.rates[quote]!, asOf: `${ecb.date}T14:15:00Z`, source: ecbSource });
  const observedAt = `${ecb.date}T12:00:00Z`;
  const product = (id: string, send: string, receive: string, mid: Decimal, marginPercent: string, fee: object, extra: object = {}) => ({
    id,
    sendCurrency: send,
    receiveCurrency: receive,
    fee,
    feeMode: "on_top",
    rate: mid.times(new D(1).minus(new D(marginPercent).dividedBy(100))).toSignificantDigits(8).toString(),
    payIn: "bank_account",
    payOut: "bank_account",
    speed: "same_day",
    transparent: true,
    observedAt,
    source: SAMPLE_NOTE,
    sample: true,
    ...extra,
  });
  const cross = (base: string, quote: string) => new D(ecb.rates[quote]!).dividedBy(ecb.rates[base]!);
  const corridor = (id: string, send: string, receive: string, mid: Decimal, rates: object[]) => ({
    corridor: id,
    sample: true,
    description: `${SAMPLE_NOTE} Mid-market rates are real (see rates); the providers and their fees and margins are made up to exercise the service.`,
    source: SAMPLE_NOTE,
    rates,
    providers: [
      {
        id: "sample-bank",
        provider: { name: "Sample Bank (sample data)", type: "bank" },
        products: [product("account-to-account", send, receive, mid, "2.5", { fixed: send === "JPY" ? "1500" : "15", percent: "0" }, { speed: "2_days" })],
      },
      {
        id: "sample-mto",
        provider: { name: "Sample Money Transfer (sample data)", type: "mto" },
        products: [
          product("cash-pickup", send, receive, mid, "1.8", { fixed: send === "JPY" ? "990" : "4.99", percent: "0", bands: [{ upTo: send === "JPY" ? "10000" : "100", fixed: send === "JPY" ? "490" : "2.99", percent: "0" }] }, { payIn: "debit_card", payOut: "cash", speed: "less_than_1_hour" }),
          product("to-account", send, receive, mid, "1.2", { fixed: "0", percent: "1.0", min: send === "JPY" ? "300" : "1.99" }, { payIn: "bank_account", payOut: "bank_account", speed: "next_day" }),
        ],
      },
      {
        id: "sample-digital",
        provider: { name: "Sample Digital (sample data)", type: "digital" },
        products: [product("app-to-wallet", send, receive, mid, "0.45", { fixed: "0", percent: "0.6" }, { payIn: "debit_card", payOut: "mobile_wallet", speed: "less_than_1_hour", feeMode: "deducted" })],
      },
    ],
  });
  const kwdInr = new D("272.50");
  return [
    corridor("USA-MEX", "USD", "MXN", cross("USD", "MXN"), [ecbRate("USD"), ecbRate("MXN")]),
    corridor("GBR-IND", "GBP", "INR", cross("GBP", "INR"), [ecbRate("GBP"), ecbRate("INR")]),
    corridor("JPN-PHL", "JPY", "PHP", cross("JPY", "PHP"), [ecbRate("JPY"), ecbRate("PHP")]),
    corridor("KWT-IND", "KWD", "INR", kwdInr, [{ base: "KWD", quote: "INR", rate: kwdInr.toString(), asOf: observedAt, source: "SAMPLE rate (KWD is not among the ECB's reference rates)" }]),
  ];
}

mkdirSync(out, { recursive: true });
for (const file of [...rpwCorridors(), ...sampleCorridors()]) {
  writeFileSync(join(out, `${file.corridor}.json`), JSON.stringify(file, null, 2) + "\n");
  console.log(`corridors/${file.corridor}.json: ${file.providers.length} providers`);
}
