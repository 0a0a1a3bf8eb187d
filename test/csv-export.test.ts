/**
 * The statistics' CSV exports are written as csv-stringify (the library the bundle no longer
 * carries; a dev dependency for this) writes them with `escape_formulas`, on generated rows of
 * awkward values; and no text cell of an export starts what a spreadsheet would run as a formula.
 */
import fc from "fast-check";
import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../src/routes/stats/csv-export.ts";
import { adminCall, call } from "./helpers.ts";

const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "é", " ", ",", '"', ";", "\n", "\r", "\t", "=", "-", "+", "@", "\uFF1D") }),
  // Not negative numbers: csv-stringify escapes those as formulas, the export keeps them numbers (below).
  fc.nat(),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
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
  return stringify(flat, { header: true, columns, escape_formulas: true, cast: { boolean: (b) => String(b) } });
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

  // OWASP's CSV injection list: each of these starts a formula in Excel, LibreOffice or Sheets.
  for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
    it(`neutralises a text cell starting with ${JSON.stringify(lead)}`, () => {
      const firm = `${lead}HYPERLINK("http://evil","x")`;
      const [, line] = toCsv([{ firm }]).split("\n");
      expect(line).toBe(`"'${firm.replaceAll('"', '""')}"`);
    });
  }

  it("leaves numbers and decimal strings as they are, negative ones included", () => {
    expect(toCsv([{ margin: "-0.40", total: "5.25", n: -3, x: 1.5, dash: "-", sum: "-1+2" }])).toBe("margin,total,n,x,dash,sum\n-0.40,5.25,-3,1.5,'-,'-1+2\n");
  });
});

describe("CSV exports of the statistics", () => {
  it("a provider named =HYPERLINK(…) with the cheapest quote is exported as text, not as a formula", async () => {
    const header =
      "id,period,source_code,destination_code,firm,firm_type,speed actual,cc1 lcu amount,cc1 lcu code,cc1 lcu fee,cc1 lcu fx rate,cc1 fx margin,cc1 total cost %,cc2 lcu amount,cc2 lcu code,cc2 lcu fee,cc2 lcu fx rate,cc2 fx margin,cc2 total cost %,inter lcu bank fx,transparent";
    const firm = '=HYPERLINK("http://evil","x")';
    const csv = [
      header,
      `1,2017_3Q,USA,GTM,"${firm.replaceAll('"', '""')}",Money Transfer Operator,Next day,200,USD,2,1,-0.40,1.00,500,USD,2,1,-0.40,0.50,1,Yes`,
      "2,2017_3Q,USA,GTM,Honest,Bank,Next day,200,USD,9,1,0,4.50,500,USD,9,1,0,1.80,1,Yes",
    ].join("\n");
    const imported = await adminCall("POST", "/v1/admin/imports/rpw", csv, { "content-type": "text/csv" });
    expect(imported.status, await imported.text()).toBe(200);
    const res = await call("/v1/stats/corridors/USA-GTM?period=2017Q3&format=csv");
    expect(res.status).toBe(200);
    const [columns, values] = parse(await res.text()) as string[][];
    const cell = (name: string) => values![columns!.indexOf(name)];
    expect(cell("cheapest.firm")).toBe(`'${firm}`);
    expect(values!.filter((v) => /^[=+@\t\r]/.test(v))).toEqual([]);
  });
});
