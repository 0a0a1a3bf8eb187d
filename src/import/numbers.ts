/**
 * @module
 * Numbers as spreadsheets export them: padded, grouped with commas, stored as text, or a dash for nothing.
 */
import { Decimal } from "../domain/money.ts";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A decimal from a cell (" 1,250 ", "'8.36", "6.5E-04"), or undefined when the cell holds no number. */
export function readNumber(raw: string | undefined): Decimal | undefined {
  let text = (raw ?? "").trim().replace(/^'/, "");
  if (GROUPED.test(text)) text = text.replaceAll(",", "");
  return NUMBER.test(text) ? new Decimal(text) : undefined;
}

/** Accounting format writes zero as a dash ("-"). */
export const isDash = (raw: string | undefined) => /^\s*-\s*$/.test(raw ?? "");
