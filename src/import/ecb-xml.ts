/**
 * @module
 * The ECB's euro reference rates XML (daily, 90-day or historical file): every dated `Cube` with
 * its currency rates, foreign units per 1 EUR, as decimal strings exactly as published.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Decimal } from "../domain/money.ts";

export interface EcbDay {
  date: string;
  /** Currency → units per 1 EUR, as published ("1.1252"). */
  rates: Record<string, string>;
}

export type EcbResult = { ok: true; days: EcbDay[]; skipped: string[] } | { ok: false; reason: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Not the current ISO 4217 list: history holds withdrawn currencies (HRK until 2022, CYP, …).
const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d{1,12}(\.\d{1,12})?$/;

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Rates are kept as the strings the ECB wrote: "0.84770" must not become a float.
  parseAttributeValue: false,
  isArray: (name) => name === "Cube",
});

export function parseEcbXml(xml: string): EcbResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `the XML is malformed at line ${valid.err.line}: ${valid.err.msg}` };
  const doc = parser.parse(xml) as { Envelope?: { Cube?: Cube[] } };
  const outer = doc.Envelope?.Cube?.[0]?.Cube;
  if (!doc.Envelope || !outer) return { ok: false, reason: "not an ECB reference rates file: expected gesmes:Envelope > Cube > Cube time=… > Cube currency=… rate=…" };
  const days: EcbDay[] = [];
  const skipped: string[] = [];
  for (const day of outer) {
    if (!day.time || !DATE.test(day.time)) {
      skipped.push(`a Cube with time '${day.time ?? ""}' is not dated YYYY-MM-DD`);
      continue;
    }
    const rates: Record<string, string> = {};
    for (const r of day.Cube ?? []) {
      const currency = (r.currency ?? "").trim().toUpperCase();
      const rate = (r.rate ?? "").trim();
      if (!CURRENCY.test(currency) || !RATE.test(rate) || new Decimal(rate).isZero()) {
        skipped.push(`${day.time}: currency '${r.currency ?? ""}' rate '${r.rate ?? ""}' is not a currency with a positive rate`);
        continue;
      }
      rates[currency] = rate;
    }
    days.push({ date: day.time, rates });
  }
  if (days.length === 0) return { ok: false, reason: "the file holds no dated rates" };
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, days, skipped };
}
