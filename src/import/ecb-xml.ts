/**
 * @module
 * The ECB's euro reference rates XML (daily, 90-day or historical file): every dated `Cube` with
 * its currency rates, foreign units per 1 EUR, as decimal strings exactly as published. Parsed by
 * @rgrove/parse-xml, a strict XML 1.0 parser (12 KB minified, where fast-xml-parser and its
 * dependencies took 60 KB): a malformed or truncated file is refused whole, with its line.
 */
import { parseXml, XmlElement, XmlError } from "@rgrove/parse-xml";
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

/** Names compared without their namespace prefix (`gesmes:Envelope` is an Envelope). */
const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** The child elements of `element` with this local name. */
const children = (element: XmlElement, name: string) => element.children.filter((c): c is XmlElement => c instanceof XmlElement && localName(c.name) === name);

/** An attribute by its local name, spaces around it trimmed. */
function attribute(element: XmlElement, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attributes)) if (localName(key) === name) return value.trim();
  return undefined;
}

export function parseEcbXml(xml: string): EcbResult {
  let root: XmlElement | null;
  try {
    root = parseXml(xml).root;
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    // The message ends with the position and an excerpt over several lines; the line is enough here.
    return { ok: false, reason: `the XML is malformed at line ${err.line}: ${err.message.replace(/ \(line \d+, column \d+\)[\s\S]*$/, "")}` };
  }
  const outer = root && localName(root.name) === "Envelope" ? children(root, "Cube")[0] : undefined;
  const dated = outer ? children(outer, "Cube") : [];
  if (dated.length === 0) return { ok: false, reason: "not an ECB reference rates file: expected gesmes:Envelope > Cube > Cube time=… > Cube currency=… rate=…" };
  const days: EcbDay[] = [];
  const skipped: string[] = [];
  for (const day of dated) {
    const time = attribute(day, "time");
    if (!time || !DATE.test(time)) {
      skipped.push(`a Cube with time '${time ?? ""}' is not dated YYYY-MM-DD`);
      continue;
    }
    const rates: Record<string, string> = {};
    for (const r of children(day, "Cube")) {
      // Rates stay the strings the ECB wrote: "0.84770" must not become a float.
      const currency = (attribute(r, "currency") ?? "").toUpperCase();
      const rate = attribute(r, "rate") ?? "";
      if (!CURRENCY.test(currency) || !RATE.test(rate) || new Decimal(rate).isZero()) {
        skipped.push(`${time}: currency '${attribute(r, "currency") ?? ""}' rate '${rate}' is not a currency with a positive rate`);
        continue;
      }
      rates[currency] = rate;
    }
    days.push({ date: time, rates });
  }
  if (days.length === 0) return { ok: false, reason: "the file holds no dated rates" };
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, days, skipped };
}
