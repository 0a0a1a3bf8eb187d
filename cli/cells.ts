/**
 * @module
 * A spreadsheet cell as the text a CSV import reads: numbers as exact decimal strings, dates as
 * ISO days, formulas as their results, rich text as its plain text.
 */
import { Decimal } from "../src/domain/money.ts";

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const excelSerialToIsoDay = (serial: number) => isoDay(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);

/** The import's own normal forms: a cell written here has the identity the API gives it. */
export { isPlaceholder, textDateToIsoDay } from "../src/import/rpw-identity.ts";

/**
 * The cell's text. A number is written as the shortest decimal that reads back as the same
 * double (what the sheet displays at full precision), never in exponent notation.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(value).toFixed() : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return isoDay(value.getTime());
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (cell.richText) return cell.richText.map((r) => r.text).join("").trim();
    if ("result" in cell) return cellText(cell.result);
    if ("error" in cell) return "";
    if (typeof cell.text === "string") return cell.text.trim();
  }
  return String(value).trim();
}
