/**
 * @module
 * CSV exports of the statistics: nested fields become dotted columns (`byProviderType.bank.services`),
 * lists become `;`-separated cells, and every row carries the union of the columns, in order.
 * Written as csv-stringify writes it by default (test/csv-export.test.ts compares them), without its
 * 32 KB of stream and Buffer polyfills in the bundle.
 */

type Cell = string | number | boolean | null;
type Flat = Record<string, Cell>;

/** RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
function csvCell(value: Cell | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
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
