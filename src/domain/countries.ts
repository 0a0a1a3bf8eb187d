/**
 * @module
 * ISO 3166-1 countries and corridor ids (`SRC-DST` in alpha-3), from i18n-iso-countries' table as
 * scripts/make-iso-tables.ts copies it (the library itself is 40 KB minified with its locale).
 */
import { COUNTRIES } from "./generated-iso-tables.ts";

// Kosovo has no ISO 3166-1 code; the World Bank writes XKX (and KSV in RPW's legacy columns).
const USER_ASSIGNED: Record<string, { alpha2: string; alpha3: string; name: string }> = {
  XK: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
  XKX: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
  KSV: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
};

interface Country {
  alpha3: string;
  name: string;
}

let byCode: Map<string, Country> | undefined;

/** Alpha-2 and alpha-3 codes → country, read from the table's lines (`KE KEN Kenya`) on first use. */
function countries(): Map<string, Country> {
  if (!byCode) {
    byCode = new Map();
    for (const line of COUNTRIES.trim().split("\n")) {
      const country = { alpha3: line.slice(3, 6), name: line.slice(7) };
      byCode.set(line.slice(0, 2), country).set(country.alpha3, country);
    }
  }
  return byCode;
}

/** Canonical alpha-3 for an alpha-2 or alpha-3 code in any case, or undefined. */
export function toAlpha3(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  return USER_ASSIGNED[upper]?.alpha3 ?? countries().get(upper)?.alpha3;
}

export function countryName(alpha3: string): string {
  return USER_ASSIGNED[alpha3]?.name ?? countries().get(alpha3.toUpperCase())?.name ?? alpha3;
}

export interface CorridorId {
  /** Canonical id, e.g. `KEN-UGA`. */
  id: string;
  from: string;
  to: string;
}

export type CorridorIdResult = { ok: true; corridor: CorridorId } | { ok: false; reason: string };

/** Reads `KEN-UGA`, `ke-ug` or `KE-UGA` into the canonical alpha-3 form. */
export function parseCorridorId(raw: string): CorridorIdResult {
  const parts = raw.split("-");
  if (parts.length !== 2) return { ok: false, reason: `corridor '${raw}' is not of the form SRC-DST (e.g. KEN-UGA)` };
  const [rawFrom, rawTo] = parts as [string, string];
  const from = toAlpha3(rawFrom);
  if (!from) return { ok: false, reason: `'${rawFrom}' is not an ISO 3166-1 country code` };
  const to = toAlpha3(rawTo);
  if (!to) return { ok: false, reason: `'${rawTo}' is not an ISO 3166-1 country code` };
  if (from === to) return { ok: false, reason: `a corridor joins two different countries, not ${from} to itself` };
  return { ok: true, corridor: { id: `${from}-${to}`, from, to } };
}
