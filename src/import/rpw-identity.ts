/**
 * @module
 * The identity of an RPW observation: the row's RPW fields (period, corridor codes, firm, product,
 * access point, pick-up method, survey date and figures), each in one normal form. A row carried by
 * a CSV sent straight to the API and the same row converted by the CLI (another column order, codes
 * and dates rewritten, notes dropped) have the same identity, so importing it both ways replaces
 * rather than doubles it.
 */
import { toAlpha3 } from "../domain/countries.ts";
import { REQUIRED_COLUMNS } from "./rpw-csv.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Columns beyond the figures that tell services apart, under their names in either sheet or CSV layout. */
export const IDENTITY_COLUMNS: { name: string; aliases: string[] }[] = [
  { name: "id", aliases: [] },
  { name: "payment instrument", aliases: ["product"] },
  { name: "access point", aliases: ["sending location"] },
  { name: "pickup method", aliases: ["pick-up method"] },
  { name: "date", aliases: [] },
  { name: "corridor", aliases: [] },
];

/**
 * The dataset repeats some rows verbatim. The import numbers repeats within one request; a file
 * sent in several requests (the CLI) numbers them in this column, so each stays its own observation
 * and the same file maps to the same rows whichever request carries them.
 */
export const OCCURRENCE = "occurrence";

/** The fields an identity is made of, in its order. */
export const IDENTITY_FIELDS: string[] = [...REQUIRED_COLUMNS, ...IDENTITY_COLUMNS.map((c) => c.name)];

const CODE_COLUMNS = new Set(["source code", "destination code"]);

const normalizeName = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, " ");

/** The dataset writes `..` where a figure is not available. */
export const isPlaceholder = (text: string) => text === ".." || text === "…";

/** `24/Jan/2011` (RPW before 2025) as `2011-01-24`; other text unchanged. */
export function textDateToIsoDay(text: string): string {
  const m = /^(\d{1,2})[/ -]([A-Za-z]{3})[A-Za-z]*[/ -](\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) return text;
  return new Date(Date.UTC(Number(m[3]), month, Number(m[1]))).toISOString().slice(0, 10);
}

/** A cell of `column` in its normal form; normalizing a normal cell leaves it as it is. */
export function identityCell(column: string, raw: string): string {
  const text = raw.trim();
  if (isPlaceholder(text)) return "";
  if (column === "date") return textDateToIsoDay(text);
  if (column === "transparent") return text.toLowerCase();
  // Kosovo is KSV in some rows' codes where their corridor says XKX: one code for one country.
  if (CODE_COLUMNS.has(column)) return toAlpha3(text) ?? text.toUpperCase();
  return text;
}

/** Where each identity field, and the occurrence column, sit in a header (names in any case or spacing). */
export interface IdentityPositions {
  fields: (number | undefined)[];
  occurrence: number | undefined;
}

export function identityPositions(names: readonly unknown[], nameOf: (cell: unknown) => string = String): IdentityPositions {
  const at = new Map<string, number>();
  names.forEach((cell, i) => {
    const name = normalizeName(nameOf(cell));
    if (name && !at.has(name)) at.set(name, i);
  });
  return {
    fields: [...REQUIRED_COLUMNS.map((c) => at.get(c)), ...IDENTITY_COLUMNS.map((c) => [c.name, ...c.aliases].map((n) => at.get(n)).find((i) => i !== undefined))],
    occurrence: at.get(OCCURRENCE),
  };
}

/** The row's identity fields in their normal form, in IDENTITY_FIELDS order. */
export const identityCells = (positions: IdentityPositions, fields: readonly string[]) =>
  positions.fields.map((at, i) => (at === undefined ? "" : identityCell(IDENTITY_FIELDS[i]!, fields[at] ?? "")));

/** The text an observation's id is derived from. */
export const identityText = (cells: readonly string[]) => cells.join("\u001f");

/** The occurrence a row states (the CLI numbers repeats across a file), or undefined when it states none. */
export function statedOccurrence(positions: IdentityPositions, fields: readonly string[]): number | undefined {
  if (positions.occurrence === undefined) return undefined;
  const text = (fields[positions.occurrence] ?? "").trim();
  if (text === "") return 1;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}
