/**
 * @module
 * `tenc import rpw <file>`: the World Bank's RPW workbook as downloaded (or a CSV of it), streamed
 * row by row into chunks of the CSV `POST /v1/admin/imports/rpw` reads.
 */
import { access } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import type { Api } from "./api.ts";
import { ChunkQueue, sendChunk, type ChunkOutcome } from "./chunk-uploader.ts";
import { CliError, EXIT } from "./exit-codes.ts";
import { progress } from "./progress.ts";
import { matchHeader, OUTPUT_HEADER, RowConverter } from "./rpw-rows.ts";
import { estimateRows, fileKind, tableRows } from "./table-rows.ts";

const IMPORT_PATH = "/v1/admin/imports/rpw?wait=false";
const STATUS_PATH = "/v1/admin/statistics/status";
/** Rows a sheet may have above its header (title lines, a blank spacer). */
const HEADER_SEARCH_ROWS = 20;
const SHOWN_SKIPPED = 5;

export interface RpwImportOptions {
  chunkRows: number;
  concurrency: number;
  /** Wait until the statistics include the rows (default), or end once they are stored. */
  waitForStatistics: boolean;
}

export interface RpwImportSummary {
  /** Every row read, headers and other sheets' rows included (what the progress counts). */
  rowsRead: number;
  /** Data rows sent. */
  dataRows: number;
  sheets: string[];
  chunks: number;
  /** Chunks the API had accepted before (an earlier, interrupted run): not imported again. */
  chunksReplayed: number;
  /** Rows those chunks imported then. */
  rowsReplayed: number;
  /** Rows stored that were not stored before (the API's `imported` counts both). */
  imported: number;
  /** Rows stored again: the same observation imported before, replaced, not doubled. */
  alreadyPresent: number;
  skippedTotal: number;
  skipped: { where: string; reason: string }[];
  statistics: "published" | "pending";
}

interface Origin {
  sheet: string;
  line: number;
}

export async function importRpwFile(api: Api, path: string, options: RpwImportOptions): Promise<RpwImportSummary> {
  if (!fileKind(path)) throw new CliError(`${path}: expected an .xlsx workbook or a .csv file`, EXIT.input);
  await access(path).catch(() => {
    throw new CliError(`${path}: no such file or not readable`, EXIT.input);
  });
  const total = await estimateRows(path).catch(() => undefined);
  const bar = progress("rpw", total);
  const summary: RpwImportSummary = { rowsRead: 0, dataRows: 0, sheets: [], chunks: 0, chunksReplayed: 0, rowsReplayed: 0, imported: 0, alreadyPresent: 0, skippedTotal: 0, skipped: [], statistics: "pending" };
  const queue = new ChunkQueue(options.concurrency);
  const converter = new RowConverter();

  const record = (outcome: ChunkOutcome, origins: Origin[]) => {
    summary.chunks++;
    // A replayed chunk's report is the one its first run got: its rows were imported then.
    if (outcome.replayed) {
      summary.chunksReplayed++;
      summary.rowsReplayed += outcome.report.imported;
    } else {
      // The API's `imported` includes the rows already present: the summary's is the new ones alone.
      summary.imported += outcome.report.imported - outcome.report.alreadyPresent;
      summary.alreadyPresent += outcome.report.alreadyPresent;
    }
    summary.skippedTotal += outcome.report.skippedTotal;
    for (const s of outcome.report.skipped) {
      if (summary.skipped.length >= SHOWN_SKIPPED) break;
      // Line 1 of a chunk is its header.
      const origin = origins[s.line - 2];
      summary.skipped.push({ where: origin ? `${origin.sheet ? `${origin.sheet} ` : ""}row ${origin.line}` : `chunk line ${s.line}`, reason: s.reason });
    }
  };
  let rows: string[][] = [];
  let origins: Origin[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const body = stringify([OUTPUT_HEADER, ...rows]);
    const chunkOrigins = origins;
    rows = [];
    origins = [];
    await queue.add(async () => record(await sendChunk(api, IMPORT_PATH, "rpw", body), chunkOrigins));
  };

  let sheet: string | undefined;
  let positions: (number | undefined)[] | undefined;
  let searched = 0;
  let firstMissing: string[] | undefined;
  try {
    try {
      for await (const row of tableRows(path)) {
        summary.rowsRead++;
        if (summary.rowsRead % 500 === 0) bar.update(summary.rowsRead);
        if (row.sheet !== sheet) {
          sheet = row.sheet;
          positions = undefined;
          searched = 0;
        }
        if (!positions) {
          if (searched++ >= HEADER_SEARCH_ROWS) continue;
          const header = matchHeader(row.cells);
          if (header.ok) {
            positions = header.positions;
            summary.sheets.push(row.sheet);
          } else firstMissing ??= header.missing;
          continue;
        }
        const out = converter.convert(positions, row.cells);
        if (!out) continue;
        summary.dataRows++;
        rows.push(out);
        origins.push({ sheet: row.sheet, line: row.line });
        if (rows.length >= options.chunkRows) await flush();
      }
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${path}: cannot read it: ${(err as Error).message}`, EXIT.input);
    }
    await flush();
    await queue.drain();
    bar.stop(summary.rowsRead);
  } finally {
    bar.stop();
  }
  if (summary.sheets.length === 0) {
    throw new CliError(`${path}: no sheet has RPW's header row${firstMissing ? ` (the first one read lacks ${firstMissing.join(", ")})` : ""}`, EXIT.input);
  }
  if (options.waitForStatistics) summary.statistics = (await waitUntilPublished(api)) ? "published" : "pending";
  return summary;
}

/** Polls the ledger until the statistics include every accepted row (it publishes within 10 s). */
async function waitUntilPublished(api: Api, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await api.json<{ current: boolean }>("GET", STATUS_PATH);
    if (status.current) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export function formatRpwSummary(s: RpwImportSummary): string {
  const lines = [
    `read ${s.dataRows} data rows from ${s.sheets.length === 1 && s.sheets[0] === "" ? "the CSV file" : s.sheets.map((n) => `"${n}"`).join(", ")}; sent ${s.chunks} chunk(s)`,
    `imported:        ${s.imported} new row(s)`,
    `already present: ${s.alreadyPresent} row(s) (replaced, not doubled)`,
  ];
  if (s.chunksReplayed > 0) lines.push(`resumed:         ${s.rowsReplayed} row(s) in ${s.chunksReplayed} chunk(s) accepted by an earlier run, not imported again`);
  lines.push(`skipped:         ${s.skippedTotal} row(s)${s.skippedTotal > 0 ? ", the first:" : ""}`);
  for (const k of s.skipped) lines.push(`  ${k.where}: ${k.reason}`);
  lines.push(`statistics:      ${s.statistics === "published" ? "published" : "pending (published within 10 s; GET /v1/admin/statistics/status)"}`);
  return lines.join("\n");
}
