/**
 * @module
 * The rows of a file as cells, streamed: every worksheet of an xlsx workbook (exceljs's streaming
 * WorkbookReader) or a CSV file (csv-parse). Never the whole file in memory.
 */
import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import unzipper from "unzipper";

export interface TableRow {
  /** The worksheet's name ("" for a CSV file). */
  sheet: string;
  /** 1-based row number within the sheet (or the CSV record number). */
  line: number;
  cells: unknown[];
}

export type FileKind = "xlsx" | "csv";

export function fileKind(path: string): FileKind | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".txt") return "csv";
  return undefined;
}

export async function* tableRows(path: string): AsyncGenerator<TableRow> {
  if (fileKind(path) === "xlsx") yield* xlsxRows(path);
  else yield* csvRows(path);
}

async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  // Shared strings cached (the sheets point into them); styles ignored, so a date cell reads as
  // its serial number, whatever format the sheet gives it.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    for await (const row of sheet) {
      yield { sheet: name, line: row.number, cells: (row.values as unknown[]).slice(1) };
    }
  }
}

async function* csvRows(path: string): AsyncGenerator<TableRow> {
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) yield { sheet: "", line: ++line, cells: record };
}

/**
 * About how many rows the file holds, read cheaply before the import for its progress bar: the
 * worksheets' own `<dimension>` (xlsx), or the line count (CSV). Undefined when the file does not say.
 */
export async function estimateRows(path: string): Promise<number | undefined> {
  if (fileKind(path) === "xlsx") return xlsxDimensionRows(path);
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

async function xlsxDimensionRows(path: string): Promise<number | undefined> {
  const directory = await unzipper.Open.file(path);
  let total = 0;
  for (const entry of directory.files.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))) {
    const stream = entry.stream();
    let head = "";
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      head += chunk.toString("utf8");
      if (head.length > 65_536) break;
    }
    stream.destroy();
    const ref = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
    if (ref) {
      total += Number(ref[1]);
      continue;
    }
    // Writers that put no <dimension> first (exceljs's own): the sheet's size over its first rows' size.
    const rowsInHead = head.split("<row ").length - 1;
    if (rowsInHead > 0) total += Math.round((entry.uncompressedSize * rowsInHead) / Buffer.byteLength(head));
  }
  return total || undefined;
}
