/**
 * @module
 * Locale formatting of the API's decimal strings. Intl.NumberFormat formats a decimal *string*
 * exactly (no float round trip), so money shown is the money the API computed.
 */
export interface Money {
  amount: string;
  currency: string;
}

// `format` takes a numeric string since ES2023, and `roundingMode` is ES2023 too; the bundled lib
// types know neither.
type DecimalFormat = { format(value: string): string };
type DecimalFormatOptions = Intl.NumberFormatOptions & { roundingMode?: "halfEven" };
/** Intl's number format, for decimal strings; the widget and the charts (src/charts/words.ts) share it. */
export const numberFormat = (lang: string, options: DecimalFormatOptions) => new Intl.NumberFormat(lang, options) as unknown as DecimalFormat;

const decimalsOf = (s: string) => s.split(".")[1]?.length ?? 0;

/** The API already rounded to the currency's ISO minor units: show exactly those digits. */
export function money(lang: string, m: Money): string {
  const d = decimalsOf(m.amount);
  return numberFormat(lang, { style: "currency", currency: m.currency, minimumFractionDigits: d, maximumFractionDigits: d }).format(m.amount);
}

export function decimal(lang: string, s: string, maxDecimals = 6, minDecimals = 0): string {
  return numberFormat(lang, { minimumFractionDigits: minDecimals, maximumFractionDigits: Math.max(minDecimals, Math.min(decimalsOf(s), maxDecimals)) }).format(s);
}

/**
 * A percentage given as "2.3456" (per cent), to at most two decimals and without trailing zeros
 * ("2.35 %", "2,35 %", "3 %"): a screen reader then says "three percent", not "three point zero zero".
 */
export function percent(lang: string, s: string): string {
  // Half to even, as the charts' labels round with Decimal: 1.0250 is 1.02 % in the list and on its bar.
  return numberFormat(lang, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2, roundingMode: "halfEven" }).format(`${s}e-2`);
}

/** The zeros of the digit sets a visitor of the widget's languages may type: Arabic-Indic, Extended Arabic-Indic (Urdu), Devanagari, Bengali. */
const ZEROS = [0x660, 0x6f0, 0x966, 0x9e6];
/** The same digit set as a pattern attribute's character class, Latin digits included. */
export const DIGIT_CLASS = "0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef";

/**
 * What a visitor typed, in Latin digits: "২০০" and "٢٠٠" are 200; the Arabic decimal separator
 * "٫" is a point and its thousands separator "٬" a comma.
 */
export function latinDigits(typed: string): string {
  return typed.replace(/[\u0660-\u066c\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g, (ch) => {
    if (ch === "\u066b") return ".";
    if (ch === "\u066c") return ",";
    const cp = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? ch : String(cp - zero);
  });
}

export function dateTime(lang: string, iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** "3 days ago", "il y a 3 jours", in the largest unit that is at least 1. */
export function ago(lang: string, iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["day", 86400], ["hour", 3600], ["minute", 60]];
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return rtf.format(0, "minute");
}
