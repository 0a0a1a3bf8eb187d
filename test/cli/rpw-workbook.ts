/**
 * RPW rows in the legacy 30-column CSV layout (data/rpw/) written as the World Bank's workbook
 * lays them out, with the real file's quirks: a "Terms of Use" sheet first; "Dataset (up to Q1
 * 2016)" (41 columns) and "Dataset (from Q2 2016)" (42 named columns, plus unlabeled cells in the
 * last quarter's rows); numbers stored as numbers, except as text in the last two quarters;
 * dates as `dd/Mon/yyyy` text, except Excel serials in the last year; `Yes` capitalised on every
 * other row; `..` in empty figures and in the region columns; Kosovo as KSV where the corridor says XKX.
 * Written with exceljs's streaming writer and shared strings (as Excel writes them), so a
 * 250,000-row workbook (bench/cli-import.ts) needs no more memory than a small one.
 */
import ExcelJS from "exceljs";

export const OLD_SHEET = "Dataset (up to Q1 2016)";
export const NEW_SHEET = "Dataset (from Q2 2016)";

const SIDE = ["code", "name", "region", "income", "lending", "G8G20"];
const AMOUNT = ["lcu amount", "denomination amount", "lcu code", "lcu fee", "lcu fx rate", "fx margin", "total cost %"];
const head = (instrument: string, access: string) => [
  "id", "period", ...SIDE.map((s) => `source_${s}`), ...SIDE.map((s) => `destination_${s}`), "firm", "firm_type", instrument, access, "speed actual",
  ...AMOUNT.map((a) => `cc1 ${a}`), ...AMOUNT.map((a) => `cc2 ${a}`), "inter lcu bank fx", "transparent",
];
export const OLD_HEADER = [...head("product", "sending location"), "note1", "note2", "coverage", "pick-up method", "date", "corridor"];
export const NEW_HEADER = [...head("payment instrument", "access point"), "Standard Note", "note2", "receiving network coverage", "pickup location", "pickup method", "date", "corridor"];

/** Legacy CSV field positions. */
const L = { period: 0, srcCode: 1, srcName: 2, dstCode: 3, dstName: 4, firm: 5, firmType: 6, instrument: 7, speed: 8, cc1: 9, cc2: 16, interbank: 23, transparent: 24, note1: 25, note2: 26, pickup: 27, date: 28, corridor: 29 };
const NUMERIC = new Set(["lcu amount", "denomination amount", "lcu fee", "lcu fx rate", "fx margin", "total cost %"]);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** `24/Jan/2011` as the serial Excel stores for that day. */
function excelSerial(text: string): number | string {
  const m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4})$/.exec(text);
  if (!m) return text;
  return (Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()), Number(m[1])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export interface WorkbookQuirks {
  /** The year whose rows carry 2025's quirks (serial dates; text numbers in Q3 and Q4; unlabeled cells in Q4). */
  recentYear: string;
}

function sheetRow(f: readonly string[], index: number, isNew: boolean, quirks: WorkbookQuirks): unknown[] {
  const period = f[L.period]!;
  const recent = period.startsWith(quirks.recentYear);
  const textNumbers = recent && (period.endsWith("3Q") || period.endsWith("4Q"));
  // The workbook stores figures as doubles (what Excel does with a typed number), or as text.
  const figure = (raw: string | undefined) => (raw === undefined || raw === "" ? ".." : textNumbers ? raw : Number(raw));
  const code = (raw: string) => (raw === "XKX" ? "KSV" : raw);
  const side = (c: string, name: string) => [code(c), name, "..", "..", "..", ".."];
  const amount = (at: number) => AMOUNT.map((a, k) => (NUMERIC.has(a) ? figure(f[at + k]) : f[at + k]));
  const transparent = index % 2 === 0 ? f[L.transparent]!.replace(/^./, (c) => c.toUpperCase()) : f[L.transparent]!;
  const date = recent ? excelSerial(f[L.date]!) : f[L.date]!;
  const common = [
    "", period, ...side(f[L.srcCode]!, f[L.srcName]!), ...side(f[L.dstCode]!, f[L.dstName]!), f[L.firm], f[L.firmType], f[L.instrument], "", f[L.speed],
    ...amount(L.cc1), ...amount(L.cc2), figure(f[L.interbank]), transparent,
  ];
  if (!isNew) return [...common, f[L.note1], f[L.note2], "", f[L.pickup], date, f[L.corridor]];
  const row = [...common, f[L.note1], f[L.note2], "", "", f[L.pickup], date, f[L.corridor]];
  return recent && period.endsWith("4Q") ? [...row, "", "unlabeled", 0] : row;
}

const isNewPeriod = (period: string) => period.slice(0, 4) > "2016" || (period.startsWith("2016") && period.slice(5) !== "1Q");

/** Writes the workbook; `rows()` is called once per data sheet, so it may generate rows lazily. */
export async function writeRpwWorkbook(path: string, rows: () => Iterable<readonly string[]>, quirks: WorkbookQuirks): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const terms = workbook.addWorksheet("Terms of Use");
  terms.addRow(["The World Bank, Remittance Prices Worldwide (test copy made from data/rpw/)"]).commit();
  terms.commit();
  for (const [name, header, isNew] of [[OLD_SHEET, OLD_HEADER, false], [NEW_SHEET, NEW_HEADER, true]] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(header).commit();
    let index = 0;
    for (const f of rows()) if (isNewPeriod(f[L.period]!) === isNew) sheet.addRow(sheetRow(f, index++, isNew, quirks)).commit();
    sheet.commit();
  }
  await workbook.commit();
}
