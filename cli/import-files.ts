/**
 * @module
 * `tenc import ecb <file>` and `tenc import flows <file>`: files the API imports in one request.
 * The bilateral remittance matrix comes from the World Bank as xlsx; its sheet is sent as the CSV
 * `POST /v1/admin/imports/flows` reads (the same rows, cell for cell).
 */
import { access, readFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import { describeFailure, exitCodeFor, type Api } from "./api.ts";
import { cellText } from "./cells.ts";
import { CliError, EXIT } from "./exit-codes.ts";
import { fileKind, tableRows } from "./table-rows.ts";

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    throw new CliError(`${path}: cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT.input);
  }
}

async function post(api: Api, path: string, body: string, contentType: string): Promise<unknown> {
  const res = await api.send("POST", path, { body, contentType });
  if (!res.ok) throw new CliError(`POST ${path}: ${await describeFailure(res)}`, exitCodeFor(res.status));
  return res.json();
}

export async function importEcbFile(api: Api, path: string): Promise<unknown> {
  return post(api, "/v1/admin/imports/ecb", await readInput(path), "application/xml");
}

/** The first worksheet holding the matrix's header row ("receiving (across) / sending (down)"), as CSV. */
async function matrixCsv(path: string): Promise<string> {
  let sheet: string | undefined;
  const rows: string[][] = [];
  try {
    for await (const row of tableRows(path)) {
      if (sheet !== undefined && row.sheet !== sheet) break;
      const cells = row.cells.map(cellText);
      if (sheet === undefined) {
        rows.push(cells);
        if (/^receiving\b/i.test(cells[0] ?? "")) sheet = row.sheet;
        else if (rows.length > 20) rows.shift();
        continue;
      }
      rows.push(cells);
    }
  } catch (err) {
    throw new CliError(`${path}: cannot read it: ${(err as Error).message}`, EXIT.input);
  }
  if (sheet === undefined) throw new CliError(`${path}: no sheet has the matrix's header row 'receiving (across) / sending (down)'`, EXIT.input);
  const width = Math.max(...rows.map((r) => r.length));
  return stringify(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")));
}

export async function importFlowsFile(api: Api, path: string): Promise<unknown> {
  const kind = fileKind(path);
  if (!kind) throw new CliError(`${path}: expected an .xlsx workbook or a .csv file`, EXIT.input);
  if (kind === "csv") return post(api, "/v1/admin/imports/flows", await readInput(path), "text/csv");
  await access(path).catch((err: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read it: ${err.code ?? err.message}`, EXIT.input);
  });
  return post(api, "/v1/admin/imports/flows", await matrixCsv(path), "text/csv");
}
