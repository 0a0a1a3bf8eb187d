/**
 * @module
 * CSV exports of the statistics: nested fields become dotted columns (`byProviderType.bank.services`),
 * lists become `;`-separated cells, and every row carries the union of the columns, in order.
 * Written as csv-stringify writes it with `escape_formulas` (test/csv-export.test.ts compares them), without its
 * 32 KB of stream and Buffer polyfills in the bundle.
 */

type Cell = string | number | boolean | null;
type Flat = Record<string, Cell>;

/**
 * What a spreadsheet would run as a formula: a cell starting with = + - @ (or their full-width forms,
 * which Apple Numbers normalises), a tab or a carriage return (OWASP, CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A decimal as the statistics write them ("-0.40"): a negative percent stays a number. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. Text that
 * a spreadsheet would evaluate (a provider may name itself `=HYPERLINK(…)`) is prefixed with `'`,
 * as csv-stringify's `escape_formulas` does.
 */
function csvCell(value: Cell | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !DECIMAL.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function flatten(value: unknown, prefix: string, out: Flat) {
  if (value === null || value === undefined) out[prefix] = null;
  else if (Array.isArray(value)) out[prefix] = value.map((v) => (v !== null && typeof v === "object" ? Object.values(v).join(":") : String(v))).join(";");
  else if (typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value as string | number | boolean;
}

export function toCsv(rows: readonly object[]): string {
  const flat = rows.map((r) => {
    const out: Flat = {};
    flatten(r, "", out);
    return out;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of flat) for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  return [columns.map(csvCell), ...flat.map((row) => columns.map((c) => csvCell(row[c])))].map((cells) => `${cells.join(",")}\n`).join("");
}

export function csvResponse(rows: readonly object[], filename: string): Response {
  return new Response(toCsv(rows), {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}
