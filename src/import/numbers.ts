/**
 * @module
 * Numbers as spreadsheets export them: padded, grouped with commas, stored as text, or a dash for nothing.
 * Only plain decimals: an exponent ("1e999999") or Infinity/NaN in a data file is a broken cell,
 * not a number (decimal.js would make the first a million-digit string and the others poison an average).
 */
import { Decimal } from "../domain/money.ts";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Longer than any figure of the files read here (the longest RPW figures have about 20 characters). */
const MAX_LENGTH = 40;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const NOT_FINITE = /^[+-]?(inf|infinity|nan)$/i;

const cellText = (raw: string | undefined) => (raw ?? "").trim().replace(/^'/, "");

/** A decimal from a cell (" 1,250 ", "'8.36"), or undefined when the cell holds no plain number. */
export function readNumber(raw: string | undefined): Decimal | undefined {
  let text = cellText(raw);
  if (GROUPED.test(text)) text = text.replaceAll(",", "");
  return text.length <= MAX_LENGTH && NUMBER.test(text) ? new Decimal(text) : undefined;
}

/** Why a cell that is meant as a number cannot be taken as one (an exponent, ±Infinity, NaN, too long), or undefined. */
export function refusedNumber(raw: string | undefined): string | undefined {
  const text = cellText(raw);
  if (EXPONENT.test(text)) return "has an exponent; only plain decimals are read";
  if (NOT_FINITE.test(text)) return "is not a finite number";
  if (text.replaceAll(",", "").length > MAX_LENGTH && NUMBER.test(text.replaceAll(",", ""))) return `has more than ${MAX_LENGTH} characters`;
  return undefined;
}

/** Accounting format writes zero as a dash ("-"). */
export const isDash = (raw: string | undefined) => /^\s*-\s*$/.test(raw ?? "");
