/**
 * @module
 * Rows of the RPW workbook (either sheet) or CSV (either header) as rows of the one CSV layout
 * `POST /v1/admin/imports/rpw` reads. The columns the import needs are its own list
 * (src/import/rpw-csv.ts); the rest kept here only make a row's identity.
 */
import { createHash } from "node:crypto";
import { toAlpha3 } from "../src/domain/countries.ts";
import { REQUIRED_COLUMNS } from "../src/import/rpw-csv.ts";
import { cellText, excelSerialToIsoDay, isPlaceholder, textDateToIsoDay } from "./cells.ts";

const normalizeName = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, " ");

/** Columns that tell services apart, under their names in either sheet ("Dataset (up to Q1 2016)" names second). */
const IDENTITY_COLUMNS: { name: string; aliases: string[] }[] = [
  { name: "id", aliases: [] },
  { name: "payment instrument", aliases: ["product"] },
  { name: "access point", aliases: ["sending location"] },
  { name: "pickup method", aliases: ["pick-up method"] },
  { name: "date", aliases: [] },
  { name: "corridor", aliases: [] },
];

/**
 * The dataset repeats some rows verbatim. The import numbers repeats within one request; a file
 * sent in several requests numbers them here, in this column, so each stays its own observation
 * and the same file maps to the same rows whichever request carries them.
 */
const OCCURRENCE = "occurrence";

export const OUTPUT_HEADER: string[] = [...REQUIRED_COLUMNS, ...IDENTITY_COLUMNS.map((c) => c.name), OCCURRENCE];
const CODE_COLUMNS = new Set(["source code", "destination code"]);

export type HeaderMatch = { ok: true; positions: (number | undefined)[] } | { ok: false; missing: string[] };

/** Where each output column sits in a sheet's header row (cells as read, so possibly not text). */
export function matchHeader(cells: readonly unknown[]): HeaderMatch {
  const at = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = normalizeName(cellText(cell));
    if (name && !at.has(name)) at.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !at.has(c));
  if (missing.length > 0) return { ok: false, missing };
  const positions = [
    ...REQUIRED_COLUMNS.map((c) => at.get(c)),
    ...IDENTITY_COLUMNS.map((c) => [c.name, ...c.aliases].map((n) => at.get(n)).find((i) => i !== undefined)),
  ];
  return { ok: true, positions };
}

function outputCell(column: string, value: unknown): string {
  if (column === "date" && typeof value === "number") return excelSerialToIsoDay(value);
  const text = cellText(value);
  if (isPlaceholder(text)) return "";
  if (column === "date") return textDateToIsoDay(text);
  if (column === "transparent") return text.toLowerCase();
  // Kosovo is KSV in some rows' codes where their corridor says XKX: one code for one country.
  if (CODE_COLUMNS.has(column)) return toAlpha3(text) ?? text.toUpperCase();
  return text;
}

/** Turns rows into output rows, numbering repeats of the same row across the whole file. */
export class RowConverter {
  private readonly seen = new Map<string, number>();

  /** The output row, or undefined for a blank row. */
  convert(positions: readonly (number | undefined)[], cells: readonly unknown[]): string[] | undefined {
    const out = positions.map((at, i) => (at === undefined ? "" : outputCell(OUTPUT_HEADER[i]!, cells[at])));
    if (out.every((c) => c === "")) return undefined;
    // 12 bytes of SHA-1 tell 250,000 rows apart with room to spare, and keep the map small.
    const key = createHash("sha1").update(out.join("\u001f")).digest("base64").slice(0, 16);
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    out.push(n > 1 ? String(n) : "");
    return out;
  }
}
