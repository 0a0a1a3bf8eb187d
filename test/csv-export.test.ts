/**
 * The statistics' CSV exports are written as csv-stringify (the library the bundle no longer
 * carries; a dev dependency for this) writes them, on generated rows of awkward values.
 */
import fc from "fast-check";
import { stringify } from "csv-stringify/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../src/routes/stats/csv-export.ts";

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', ";", "\n", "\r", "=", "-") }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.constantFrom("period", "corridor", "a,b", 'q"uote', "multi\nline");
const row = fc.dictionary(key, fc.oneof(cell, fc.dictionary(key, cell, { maxKeys: 2 }), fc.array(cell, { maxLength: 3 })), { maxKeys: 4 });

/** What the export wrote with csv-stringify: the same flattening, then stringify. */
function withCsvStringify(rows: Record<string, unknown>[]): string {
  const flatten = (value: unknown, prefix: string, out: Record<string, unknown>) => {
    if (value === null || value === undefined) out[prefix] = null;
    else if (Array.isArray(value)) out[prefix] = value.map((v) => (v !== null && typeof v === "object" ? Object.values(v).join(":") : String(v))).join(";");
    else if (typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    else out[prefix] = value;
  };
  const flat = rows.map((r) => {
    const out: Record<string, unknown> = {};
    flatten(r, "", out);
    return out;
  });
  const columns = [...new Set(flat.flatMap((r) => Object.keys(r)))];
  return stringify(flat, { header: true, columns, cast: { boolean: (b) => String(b) } });
}

describe("toCsv", () => {
  it("writes what csv-stringify wrote", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        expect(toCsv(rows)).toBe(withCsvStringify(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it("quotes a cell with a comma, quote or line break, doubling its quotes", () => {
    expect(toCsv([{ name: 'Say "hi", then\nleave', n: 1, ok: true, none: null }])).toBe('name,n,ok,none\n"Say ""hi"", then\nleave",1,true,\n');
  });
});
