/**
 * @module
 * The World Bank's bilateral remittance matrix exported as CSV: a title row, a header row of
 * receiving countries ("receiving (across) / sending (down)"), one row per sending country, a
 * WORLD row and column of totals, then notes. Amounts are USD millions.
 */
import { csvRecords, CsvSyntaxError } from "./csv-records.ts";
import { alpha3OfName } from "./country-names.ts";
import { isDash, readNumber } from "./numbers.ts";

export interface Flow {
  corridor: string;
  /** USD millions, as a decimal string. */
  value: string;
}

export type FlowsResult =
  | { ok: true; flows: Flow[]; sending: number; receiving: number; unmapped: string[]; skipped: { line: number; reason: string }[] }
  | { ok: false; reason: string };

const TOTAL = "world";

export async function parseFlowsCsv(body: ReadableStream<Uint8Array>): Promise<FlowsResult> {
  try {
    return await readMatrix(body);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    return { ok: false, reason: `the CSV is malformed at line ${err.line ?? "?"}: ${err.message}` };
  }
}

async function readMatrix(body: ReadableStream<Uint8Array>): Promise<FlowsResult> {
  let receivers: (string | undefined)[] | undefined;
  const unmapped = new Set<string>();
  const skipped: { line: number; reason: string }[] = [];
  const flows: Flow[] = [];
  const senders = new Set<string>();
  const receiving = new Set<string>();
  for await (const { fields, line } of csvRecords(body)) {
    const first = (fields[0] ?? "").trim();
    if (!receivers) {
      // Rows before the header hold the title.
      if (!/^receiving\b/i.test(first)) continue;
      receivers = fields.map((name, i) => {
        if (i === 0 || name.trim().toLowerCase() === TOTAL || name.trim() === "") return undefined;
        const code = alpha3OfName(name);
        if (!code) unmapped.add(name.trim());
        return code;
      });
      continue;
    }
    // The WORLD totals and the notes after them are not flows.
    if (first.toLowerCase() === TOTAL || /^notes?:?$/i.test(first)) break;
    if (!first) continue;
    const from = alpha3OfName(first);
    if (!from) {
      unmapped.add(first);
      continue;
    }
    senders.add(from);
    for (let i = 1; i < fields.length; i++) {
      const to = receivers[i];
      const cell = fields[i];
      if (!to || to === from || isDash(cell) || (cell ?? "").trim() === "") continue;
      const value = readNumber(cell);
      if (!value) {
        skipped.push({ line, reason: `${first} → ${to}: '${cell}' is not a number` });
        continue;
      }
      if (value.greaterThan(0)) {
        flows.push({ corridor: `${from}-${to}`, value: value.toString() });
        receiving.add(to);
      }
    }
  }
  if (!receivers) return { ok: false, reason: "not the bilateral remittance matrix: no header row starting 'receiving (across) / sending (down)'" };
  return { ok: true, flows, sending: senders.size, receiving: receiving.size, unmapped: [...unmapped].sort(), skipped };
}
