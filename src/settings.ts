/**
 * @module
 * The deployment's settings (wrangler.toml [vars]), read once from the bindings: what the request
 * handlers and the Durable Objects both price and judge by.
 */
import { DEFAULT_MID_AGE_LIMITS, type MidAgeLimits } from "./domain/rate-freshness.ts";
import type { Env } from "./env.ts";

export interface Settings {
  staleAfterDays: number;
  /** Quotes older than this are left out of comparisons (kept in history); 0 = never. */
  excludeAfterDays: number;
  /** How much older than a price its mid-market reference rate may be. */
  midAgeLimits: MidAgeLimits;
}

/** A whole number of days from a setting; anything else (unset, blank, negative, fractional) is the default. */
function wholeDays(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** The variables the settings are read from. */
export type SettingsEnv = Pick<Env, "STALE_AFTER_DAYS" | "EXCLUDE_AFTER_DAYS" | "MID_STALE_AFTER_DAYS" | "MID_UNUSABLE_AFTER_DAYS">;

export function settingsOf(env: SettingsEnv): Settings {
  return {
    staleAfterDays: wholeDays(env.STALE_AFTER_DAYS, 30),
    excludeAfterDays: wholeDays(env.EXCLUDE_AFTER_DAYS, 0),
    midAgeLimits: {
      staleAfterDays: wholeDays(env.MID_STALE_AFTER_DAYS, DEFAULT_MID_AGE_LIMITS.staleAfterDays),
      unusableAfterDays: wholeDays(env.MID_UNUSABLE_AFTER_DAYS, DEFAULT_MID_AGE_LIMITS.unusableAfterDays),
    },
  };
}
