/**
 * @module
 * Locale formatting of the API's decimal strings. Intl.NumberFormat formats a decimal *string*
 * exactly (no float round trip), so money shown is the money the API computed.
 */
export interface Money {
  amount: string;
  currency: string;
}

// `format` takes a numeric string since ES2023; the bundled lib types only know number.
type DecimalFormat = { format(value: string): string };
const numberFormat = (lang: string, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, options) as unknown as DecimalFormat;

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
  return numberFormat(lang, { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(`${s}e-2`);
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
