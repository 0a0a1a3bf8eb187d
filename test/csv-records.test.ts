/**
 * The streaming CSV reader of the imports against csv-parse, the library it replaced in the bundle
 * (still a dev dependency for this): same records, same lines, same errors, on generated input fed
 * in pieces cut anywhere, malformed input included.
 */
import fc from "fast-check";
import { CsvError, parse } from "csv-parse/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { csvRecords, CsvSyntaxError, type CsvRecord } from "../src/import/csv-records.ts";

type Outcome = { records: CsvRecord[] } | { error: { line: number | undefined; code?: string } };

async function read(text: string, cuts: number[]): Promise<Outcome> {
  const bytes = new TextEncoder().encode(text);
  const ends = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [...ends, bytes.length].map((end, i, all) => bytes.slice(i === 0 ? 0 : all[i - 1], end));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const records: CsvRecord[] = [];
  try {
    for await (const record of csvRecords(body)) records.push(record);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { error: { line: err.line } };
  }
  return { records };
}

function csvParse(text: string): Outcome {
  try {
    const rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: rows.map((r) => ({ fields: r.record, line: r.info.lines })) };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return { error: { line: (err as CsvError & { lines?: number }).lines, code: err.code } };
  }
}

const text = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((tokens) => tokens.join(""));
const cuts = fc.array(fc.nat(), { maxLength: 6 });

describe("csvRecords", () => {
  it("reads what csv-parse reads, and fails where it fails, however the body is cut", async () => {
    await fc.assert(
      fc.asyncProperty(text(["a", "bé", " ", ",", '"', '""', "\n", "\r\n", "\r", "\uFEFF"]), cuts, async (input, at) => {
        const expected = csvParse(input);
        const got = await read(input, at);
        // csv-parse counts a CRLF inside quotes as two lines, and names the last line for a quote never
        // closed: the reader counts lines as a person does, and names the line the open quote is on.
        const lines = !input.includes("\r") && !("error" in expected && expected.error.code === "CSV_QUOTE_NOT_CLOSED");
        const outcome = (o: Outcome) => ("error" in o ? { error: lines ? o.error.line : true } : { records: o.records.map((r) => (lines ? r : r.fields)) });
        expect(outcome(got)).toEqual(outcome(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts a CRLF as one line, inside quotes too, and names the line a quote left open is on", async () => {
    expect(await read('a,"b\r\nc"\r\n\r\nd,e\r\n', [5])).toEqual({ records: [{ fields: ["a", "b\r\nc"], line: 2 }, { fields: ["d", "e"], line: 4 }] });
    expect(await read('a,b\n\nc,"d\ne,f\n', [])).toEqual({ error: { line: 3 } });
  });

  it("names the line of a quote inside an unquoted field", async () => {
    expect(await read('a,b\nc,d"broken\n', [])).toEqual({ error: { line: 2 } });
  });
});
