/**
 * @module
 * CSV records read as the body streams in, so a large import never holds the whole file.
 * csv-parse's Node entry needs `node:stream`; its browser build runs in workerd as is, and its
 * Parser, written to and read from in turn, hands back each record as soon as it is complete.
 */
import { CsvError, Parser } from "csv-parse/browser/esm";

export interface CsvRecord {
  fields: string[];
  /** The line the record ends on, 1-based, as a person counts lines in the file (blank lines included). */
  line: number;
}

/** A CSV syntax error, with the line csv-parse stopped at. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number | undefined, message: string) {
    super(message);
  }
}

/** The part of the Node-style stream the browser build's Parser is that this module uses (no @types/node here). */
interface StreamingParser {
  on(event: "error", listener: (err: unknown) => void): void;
  write(chunk: string): boolean;
  read(): unknown;
  end(): void;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; raw?: string };
}

/** Reads a text stream (chunks of UTF-8 bytes or strings) as CSV records, BOM and blank lines left out. */
export async function* csvRecords(body: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  const parser = new Parser({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true }) as unknown as StreamingParser;
  let failure: unknown;
  parser.on("error", (err: unknown) => {
    failure = err;
  });
  const decoder = new TextDecoder("utf-8");
  const drain = function* (): Generator<CsvRecord> {
    let next: ParsedRecord | null;
    while ((next = parser.read() as ParsedRecord | null) !== null) {
      yield { fields: next.record, line: next.info.lines };
    }
    if (failure) {
      const line = failure instanceof CsvError ? (failure as CsvError & { lines?: number }).lines : undefined;
      throw new CsvSyntaxError(line, failure instanceof Error ? failure.message : String(failure));
    }
  };
  const reader = body.getReader();
  let written = false;
  const write = (text: string) => {
    if (text === "") return;
    written = true;
    parser.write(text);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    write(decoder.decode(value, { stream: true }));
    yield* drain();
  }
  write(decoder.decode());
  // The browser build's Parser fails on ending input it never saw (it calls a `destroy` its stream polyfill lacks).
  if (!written) return;
  parser.end();
  yield* drain();
}
