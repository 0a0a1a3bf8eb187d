/**
 * @module
 * ISO 3166-1 countries and corridor ids (`SRC-DST` in alpha-3), from the i18n-iso-countries table.
 */
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";

countries.registerLocale(english);

// Kosovo has no ISO 3166-1 code; the World Bank writes XKX (and KSV in RPW's legacy columns).
const USER_ASSIGNED: Record<string, { alpha2: string; alpha3: string; name: string }> = {
  XK: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
  XKX: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
  KSV: { alpha2: "XK", alpha3: "XKX", name: "Kosovo" },
};

/** Canonical alpha-3 for an alpha-2 or alpha-3 code in any case, or undefined. */
export function toAlpha3(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  const special = USER_ASSIGNED[upper];
  if (special) return special.alpha3;
  if (upper.length === 2 && countries.isValid(upper)) return countries.alpha2ToAlpha3(upper);
  if (upper.length === 3 && countries.isValid(upper)) return upper;
  return undefined;
}

export function countryName(alpha3: string): string {
  return USER_ASSIGNED[alpha3]?.name ?? countries.getName(alpha3, "en") ?? alpha3;
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
