/**
 * @module
 * Rows of the RPW dataset as observations. Both published layouts are read: the legacy 30-column
 * header (`PERIOD, SOURCE_CODE, …`) and the 42-column one (`id, period, source_code, …`); header
 * names match whatever their case, spacing or underscores.
 */
import { toAlpha3 } from "../domain/countries.ts";
import { Decimal, formatPercent, HUNDRED } from "../domain/money.ts";
import { deliversWithin5Days, firmTypeSlug, type AmountObservation, type Observation, type SurveyAmount } from "../domain/observation.ts";
import { isFuturePeriod, parsePeriod } from "../domain/period.ts";
import { readNumber, refusedNumber } from "./numbers.ts";

const AMOUNT_FIELDS = ["lcu amount", "lcu code", "lcu fee", "lcu fx rate", "fx margin", "total cost %"] as const;
type AmountField = (typeof AMOUNT_FIELDS)[number];
const NUMBER_FIELDS = ["lcu amount", "lcu fee", "lcu fx rate", "fx margin", "total cost %"] as const satisfies readonly AmountField[];

const ROW_FIELDS = ["period", "source code", "destination code", "firm", "firm type", "speed actual", "transparent", "inter lcu bank fx"] as const;
type RowField = (typeof ROW_FIELDS)[number];

/** cc1 is the local-currency equivalent of USD 200, cc2 of USD 500. */
const SURVEYS: { prefix: "cc1" | "cc2"; amountUsd: SurveyAmount }[] = [
  { prefix: "cc1", amountUsd: 200 },
  { prefix: "cc2", amountUsd: 500 },
];

export const REQUIRED_COLUMNS: string[] = [...ROW_FIELDS, ...SURVEYS.flatMap((s) => AMOUNT_FIELDS.map((f) => `${s.prefix} ${f}`))];

/** Where each column the import uses sits in a row. */
export interface RpwHeader {
  row: Record<RowField, number>;
  /** The World Bank's row `id` (42-column layout only): with the period, the row's identity. */
  id: number | undefined;
  amounts: { amountUsd: SurveyAmount; at: Record<AmountField, number> }[];
}

const normalizeName = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, " ");

export type HeaderResult = { ok: true; header: RpwHeader } | { ok: false; missing: string[] };

export function readRpwHeader(names: readonly string[]): HeaderResult {
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    const key = normalizeName(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) return { ok: false, missing };
  const at = <K extends string>(fields: readonly K[], prefix = "") => Object.fromEntries(fields.map((f) => [f, positions.get(prefix + f)!])) as Record<K, number>;
  return {
    ok: true,
    header: { row: at(ROW_FIELDS), id: positions.get("id"), amounts: SURVEYS.map((s) => ({ amountUsd: s.amountUsd, at: at(AMOUNT_FIELDS, `${s.prefix} `) })) },
  };
}

function readTransparent(raw: string): boolean | undefined {
  const value = raw.trim().toLowerCase();
  if (value === "yes" || value === "y" || value === "true") return true;
  if (value === "no" || value === "n" || value === "false") return false;
  return undefined;
}

export type RowResult = { ok: true; observation: Omit<Observation, "id"> } | { ok: false; reason: string };

function amountObservation(fields: readonly string[], amountUsd: SurveyAmount, at: Record<AmountField, number>, interbank: Decimal | undefined): AmountObservation | string | undefined {
  const raw = (f: AmountField) => (fields[at[f]] ?? "").trim();
  for (const f of NUMBER_FIELDS) {
    const refused = refusedNumber(raw(f));
    if (refused) return `${f} at USD ${amountUsd} '${raw(f).slice(0, 40)}' ${refused}`;
  }
  if (raw("total cost %") === "") return undefined;
  const total = readNumber(raw("total cost %"));
  if (!total) return `total cost % at USD ${amountUsd} is not a number: '${raw("total cost %")}'`;
  const margin = raw("fx margin") === "" ? new Decimal(0) : readNumber(raw("fx margin"));
  if (!margin) return `fx margin at USD ${amountUsd} is not a number: '${raw("fx margin")}'`;
  const amount = readNumber(raw("lcu amount"));
  const fee = readNumber(raw("lcu fee"));
  const rate = readNumber(raw("lcu fx rate"));
  // Rows whose rates were lost (0) or never disclosed still count at their published cost.
  const recomputed =
    amount?.greaterThan(0) && fee && rate?.greaterThan(0) && interbank?.greaterThan(0)
      ? formatPercent(fee.dividedBy(amount).times(HUNDRED).plus(interbank.minus(rate).dividedBy(interbank).times(HUNDRED)))
      : null;
  return {
    amountUsd,
    sendAmount: amount?.toString() ?? "",
    sendCurrency: raw("lcu code").toUpperCase(),
    fee: fee?.toString() ?? "",
    totalCostPercent: total.toString(),
    fxMarginPercent: margin.toString(),
    recomputedTotalCostPercent: recomputed,
  };
}

/** One data row as an observation (without its id), or the reason it cannot be one. */
export function rpwRow(header: RpwHeader, fields: readonly string[], now: Date): RowResult {
  const raw = (f: RowField) => (fields[header.row[f]] ?? "").trim();
  const period = parsePeriod(raw("period"));
  if (!period.ok) return { ok: false, reason: period.reason };
  if (isFuturePeriod(period.period, now)) return { ok: false, reason: `period ${period.period} has not begun yet` };
  const from = toAlpha3(raw("source code"));
  if (!from) return { ok: false, reason: `source_code '${raw("source code")}' is not an ISO 3166-1 country code` };
  const to = toAlpha3(raw("destination code"));
  if (!to) return { ok: false, reason: `destination_code '${raw("destination code")}' is not an ISO 3166-1 country code` };
  if (from === to) return { ok: false, reason: `source and destination are both ${from}` };
  const firm = raw("firm");
  if (!firm) return { ok: false, reason: "firm is empty" };
  const transparent = readTransparent(raw("transparent"));
  if (transparent === undefined) return { ok: false, reason: `transparent is '${raw("transparent")}', not yes or no` };
  const interbankRefused = refusedNumber(raw("inter lcu bank fx"));
  if (interbankRefused) return { ok: false, reason: `inter lcu bank fx '${raw("inter lcu bank fx").slice(0, 40)}' ${interbankRefused}` };
  const interbank = readNumber(raw("inter lcu bank fx"));
  const amounts: AmountObservation[] = [];
  for (const { amountUsd, at } of header.amounts) {
    const priced = amountObservation(fields, amountUsd, at, interbank);
    if (typeof priced === "string") return { ok: false, reason: priced };
    if (priced) amounts.push(priced);
  }
  if (amounts.length === 0) return { ok: false, reason: "no total cost % at either surveyed amount" };
  return {
    ok: true,
    observation: {
      period: period.period,
      corridor: `${from}-${to}`,
      from,
      to,
      firm,
      firmType: firmTypeSlug(raw("firm type")),
      transparent,
      within5Days: deliversWithin5Days(raw("speed actual")),
      source: "rpw",
      amounts,
    },
  };
}

/**
 * The text imports derived an observation's id from before identities were normal (the whole row as
 * sent): kept so a row stored so is replaced, not doubled. The identity now is src/import/rpw-identity.ts.
 */
export const rowIdentity = (fields: readonly string[]) => fields.map((f) => f.trim()).join("\u001f");
