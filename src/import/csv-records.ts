/**
 * @module
 * CSV records read as the body streams in, so a large import never holds the whole file.
 *
 * RFC 4180 as csv-parse reads it with `relax_column_count`, `skip_empty_lines` and
 * `skip_records_with_empty_values`: a field is quoted only from its first character, `""` is a
 * quote inside one, a quote anywhere else is an error, and the record delimiter is the first of
 * CRLF, LF or CR the file uses. csv-parse (84 KB minified, with the stream and Buffer polyfills its
 * browser build carries) and every small CSV library on npm either cannot be fed chunk by chunk or
 * accept stray quotes silently; this reader is 2 KB, and test/csv-records.test.ts checks it against
 * csv-parse on generated input, malformed input included.
 */

export interface CsvRecord {
  fields: string[];
  /** The line the record ends on, 1-based, as a person counts lines in the file (blank lines included). */
  line: number;
}

/** A CSV syntax error, with the line it was found on. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number | undefined, message: string) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Reads records from text given piece by piece; a record cut by the end of a piece waits for the next. */
class CsvReader {
  private text = "";
  /** The line the unread text starts on. */
  private line = 1;
  /** The record delimiter, once the file has shown one outside quotes. */
  private newline: "\r\n" | "\n" | "\r" | undefined;

  *read(piece: string, last: boolean): Generator<CsvRecord> {
    this.text = this.text === "" ? piece : this.text + piece;
    let start = 0;
    for (;;) {
      const record = this.record(start, last);
      if (!record) break;
      start = record.next;
      this.line = record.nextLine;
      if (record.fields.some((f) => f.trim() !== "")) yield { fields: record.fields, line: record.line };
    }
    this.text = this.text.slice(start);
  }

  /** The length of the record delimiter at `i` (0 if none), learning it on the first line break outside quotes. */
  private delimiterAt(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c !== LF && c !== CR) return 0;
    if (!this.newline) this.newline = c === LF ? "\n" : this.text.charCodeAt(i + 1) === LF ? "\r\n" : "\r";
    return this.text.startsWith(this.newline, i) ? this.newline.length : 0;
  }

  /**
   * The record starting at `start` (blank lines before it skipped), or undefined when the text ends
   * before it does and more may come, or when no text is left.
   */
  private record(start: number, last: boolean): { fields: string[]; line: number; next: number; nextLine: number } | undefined {
    const text = this.text;
    const end = text.length;
    const fields: string[] = [];
    let line = this.line;
    let i = start;
    for (;;) {
      // A CR at the end of the text may be the first half of a CRLF; a quote, the first of two.
      if (!last && i >= end - 1) return undefined;
      if (i >= end) {
        if (fields.length === 0) return undefined;
        fields.push("");
        return { fields, line, next: i, nextLine: line };
      }
      const blank = fields.length === 0 && this.delimiterAt(i);
      if (blank) {
        i += blank;
        line++;
        continue;
      }
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        let parts = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1 || (!last && q >= end - 2)) {
            if (!last) return undefined;
            throw new CsvSyntaxError(opened, "a quoted field is never closed: the file ends inside it");
          }
          line += lineBreaks(text, from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          parts += text.slice(from, q);
          i = q + 1;
          break;
        }
        if (i < end && text.charCodeAt(i) !== COMMA && !this.delimiterAt(i)) {
          throw new CsvSyntaxError(line, `a quoted field is followed by ${JSON.stringify(text[i])} instead of a comma or the end of the line`);
        }
        value = parts;
      } else {
        const from = i;
        while (i < end) {
          if (!last && i >= end - 1) return undefined;
          const c = text.charCodeAt(i);
          if (c === COMMA || ((c === LF || c === CR) && this.delimiterAt(i))) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError(line, `a quote inside field ${fields.length + 1}, which does not start with one (${JSON.stringify(text.slice(from, i))}): quote the whole field and double the quotes in it`);
          }
          // A lone CR or LF that is not the file's record delimiter is data, and still a line of its own.
          if ((c === CR && text.charCodeAt(i + 1) !== LF) || c === LF) line++;
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (i >= end) return { fields, line, next: i, nextLine: line };
      if (text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      const width = this.delimiterAt(i);
      return { fields, line, next: i + width, nextLine: line + 1 };
    }
  }
}

/** How many line breaks (CRLF, LF or CR) `text` holds between `from` and `to`. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** Reads a text stream (chunks of UTF-8 bytes) as CSV records, BOM and blank lines left out. */
export async function* csvRecords(body: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  // The BOM is dropped here, once: workerd's decoder would also drop one that starts a later piece.
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  const reader = new CsvReader();
  const stream = body.getReader();
  let first = true;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    let piece = decoder.decode(value, { stream: true });
    if (first && piece !== "") {
      first = false;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    yield* reader.read(piece, false);
  }
  yield* reader.read(decoder.decode(), true);
}
