/**
 * @module
 * Rows of the RPW workbook (either sheet) or CSV (either header) as rows of the one CSV layout
 * `POST /v1/admin/imports/rpw` reads: the fields of an observation's identity
 * (src/import/rpw-identity.ts), in their normal form, so a row has the same identity either way.
 */
import { createHash } from "node:crypto";
import { REQUIRED_COLUMNS } from "../src/import/rpw-csv.ts";
import { IDENTITY_FIELDS, OCCURRENCE, identityCell, identityPositions, identityText } from "../src/import/rpw-identity.ts";
import { cellText, excelSerialToIsoDay } from "./cells.ts";

/** The identity fields in their normal form (src/import/rpw-identity.ts), then the occurrence. */
export const OUTPUT_HEADER: string[] = [...IDENTITY_FIELDS, OCCURRENCE];

export type HeaderMatch = { ok: true; positions: (number | undefined)[] } | { ok: false; missing: string[] };

/** Where each output column sits in a sheet's header row (cells as read, so possibly not text). */
export function matchHeader(cells: readonly unknown[]): HeaderMatch {
  const { fields } = identityPositions(cells, cellText);
  const missing = REQUIRED_COLUMNS.filter((_, i) => fields[i] === undefined);
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, positions: fields };
}

function outputCell(column: string, value: unknown): string {
  if (column === "date" && typeof value === "number") return excelSerialToIsoDay(value);
  return identityCell(column, cellText(value));
}

/** Turns rows into output rows, numbering repeats of the same row across the whole file. */
export class RowConverter {
  private readonly seen = new Map<string, number>();

  /** The output row, or undefined for a blank row. */
  convert(positions: readonly (number | undefined)[], cells: readonly unknown[]): string[] | undefined {
    const out = positions.map((at, i) => (at === undefined ? "" : outputCell(OUTPUT_HEADER[i]!, cells[at])));
    if (out.every((c) => c === "")) return undefined;
    // 12 bytes of SHA-1 tell 250,000 rows apart with room to spare, and keep the map small.
    // The cells are the row's identity in normal form: a repeat here is a repeat to the import.
    const key = createHash("sha1").update(identityText(out)).digest("base64").slice(0, 16);
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    out.push(n > 1 ? String(n) : "");
    return out;
  }
}
