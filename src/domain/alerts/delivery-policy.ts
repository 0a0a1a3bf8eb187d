/**
 * @module
 * How hard a delivery is tried, and when a subscription that keeps failing is switched off.
 */

/** Attempts per delivery, the first included (wrangler.toml's consumer `max_retries` is one less). */
export const MAX_ATTEMPTS = 8;
/** Each response must start within this. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const FIRST_RETRY_SECONDS = 30;
/** Queues delay a message at most 12 hours. */
const MAX_RETRY_SECONDS = 43_200;

/** The wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … (about 1 h in all). */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** A subscription is disabled once this many deliveries in a row failed, the first of them at least DISABLE_AFTER_DAYS ago. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;
export const DISABLE_AFTER_DAYS = 3;

export function shouldDisable(consecutiveFailures: number, failingSince: Date, now: Date): boolean {
  return consecutiveFailures >= DISABLE_AFTER_FAILED_DELIVERIES && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_DAYS * 86_400_000;
}
