/**
 * @module
 * CSV exports of the statistics: nested fields become dotted columns (`byProviderType.bank.services`),
 * lists become `;`-separated cells, and every row carries the union of the columns, in order.
 */
import { stringify } from "csv-stringify/browser/esm/sync";

type Flat = Record<string, string | number | boolean | null>;

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
  return stringify(flat, { header: true, columns, cast: { boolean: (b) => String(b) } });
}

export function csvResponse(rows: readonly object[], filename: string): Response {
  return new Response(toCsv(rows), {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}
