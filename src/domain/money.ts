/**
 * @module
 * Exact decimal money: one Decimal constructor for the whole service, ISO 4217 minor units,
 * and the two rounding directions the service uses (recipients down, senders up).
 */
import DecimalJs from "decimal.js";
import { MINOR_UNITS } from "./generated-iso-tables.ts";

/** 40 significant digits: above the 34 that DESIGN.md asks for, so products of rates keep them. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Decimal = DecimalJs;
export type Rounding = DecimalJs.Rounding;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** A money value as it travels on the wire: the amount is always a decimal string. */
export interface WireMoney {
  amount: string;
  currency: string;
}

// Codes that ISO lists but that are not money one can send (test, no-currency, metals, funds).
const NOT_REMITTABLE = new Set(["XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"]);

// currency-codes' minor units as scripts/make-iso-tables.ts copies them (it leaves out the codes
// ISO marks "N.A."), less the codes that are not remittable.
let remittable: Map<string, number> | undefined;

/** ISO 4217 minor units of a currency, or undefined when the code is not a remittable currency. */
export function minorUnits(currency: string): number | undefined {
  remittable ??= new Map(
    Object.entries(MINOR_UNITS).flatMap(([digits, codes]) => codes.split(" ").filter((code) => !NOT_REMITTABLE.has(code)).map((code) => [code, Number(digits)] as const)),
  );
  return remittable.get(currency);
}

export function isCurrency(code: string): boolean {
  return minorUnits(code) !== undefined;
}

/** The currency's minor-unit digits; a RangeError for anything that is not a remittable ISO 4217 code. */
export function digitsOf(currency: string): number {
  const digits = minorUnits(currency);
  if (digits === undefined) throw new RangeError(`not an ISO 4217 currency: ${currency}`);
  return digits;
}

/** Rounds towards zero to the currency's minor unit: what a recipient is promised. */
export function roundDown(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(digitsOf(currency), Decimal.ROUND_FLOOR);
}

/** Rounds away from zero to the currency's minor unit: what a sender is charged. */
export function roundUp(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(digitsOf(currency), Decimal.ROUND_CEIL);
}

/** The smallest positive amount of a currency (0.01 USD, 1 JPY, 0.001 KWD). */
export function minorUnit(currency: string): Decimal {
  return new Decimal(1).dividedBy(new Decimal(10).pow(digitsOf(currency)));
}

/** Formats with exactly the currency's minor digits, so "5" KWD reads "5.000". */
export function formatAmount(amount: Decimal, currency: string): string {
  return amount.toFixed(digitsOf(currency));
}

export function wireMoney(amount: Decimal, currency: string): WireMoney {
  return { amount: formatAmount(amount, currency), currency };
}

/** Percentages keep 4 decimals on the wire (DESIGN.md: at least 4), rounded half-even. */
export function formatPercent(percent: Decimal): string {
  return percent.toFixed(4);
}

/** Whether `amount` has no more decimals than the currency's minor unit allows. */
export function fitsMinorUnits(amount: Decimal, currency: string): boolean {
  return amount.decimalPlaces() <= digitsOf(currency);
}
