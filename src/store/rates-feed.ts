/**
 * @module
 * The daily ECB fetch as one Durable Object: the cron hands it the day, it fetches and imports, and
 * when that fails it logs the cause and tries again on its alarm with a growing pause, until the
 * day's rates arrive or the day ends. It keeps what the operator needs to see: the last success,
 * the last failure and why, and when it tries next. A day the ECB publishes nothing (a weekend, a
 * TARGET holiday) is not tried and not a failure.
 *
 * Each attempt's time is the time it was planned for (the cron's scheduled time, then each alarm's):
 * the retries of a day follow from the cron's clock alone.
 */
import { DurableObject } from "cloudflare:workers";
import { ecbClosedReason, utcDate } from "../domain/ecb-calendar.ts";
import type { Env } from "../env.ts";
import { refreshEcbRates } from "../scheduled.ts";

/** One feed for the whole service. */
export const RATES_FEED_NAME = "ecb";

export interface RatesFeedStatus {
  /** The last attempt that imported the day's rates. */
  lastSuccess: { at: string; day: string; ratesDate: string; currencies: number; attempt: number } | null;
  /** The last attempt that failed, and why (a later success does not erase it). */
  lastFailure: { at: string; day: string; attempt: number; reason: string; retryAt: string | null } | null;
  /** The last scheduled day on which the ECB publishes no rates. */
  lastClosed: { day: string; reason: string } | null;
  /** When the next attempt is due (null: none is planned). */
  nextAttemptAt: string | null;
}

interface PendingDay {
  day: string;
  /** The attempt to make next, from 1. */
  attempt: number;
  plannedAt: number;
}

const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_PAUSE_MS = 60 * 60_000;

/** The pause after failed attempt `n` (from 1): 5, 10, 20, 40 minutes, then hourly. */
export const pauseAfter = (attempt: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_PAUSE_MS);

const endOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) + 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An error's message with its causes, for the log and the status. */
function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? e.message || e.name : String(e));
  }
  return parts.join(": ");
}

const EMPTY: RatesFeedStatus = { lastSuccess: null, lastFailure: null, lastClosed: null, nextAttemptAt: null };

export class RatesFeed extends DurableObject<Env> {
  /** The cron's call: fetch the rates of the day of `scheduledMs`, or note that there are none. */
  async run(scheduledMs: number): Promise<RatesFeedStatus> {
    const day = utcDate(scheduledMs);
    const status = await this.status();
    const closed = ecbClosedReason(day);
    if (closed) {
      console.log(`ECB daily rates: nothing to fetch, ${closed}`);
      return this.save({ ...status, lastClosed: { day, reason: closed } });
    }
    if (status.lastSuccess && status.lastSuccess.ratesDate >= day) return status;
    return this.attempt({ day, attempt: 1, plannedAt: scheduledMs });
  }

  override async alarm(): Promise<void> {
    const pending = await this.ctx.storage.get<PendingDay>("pending");
    if (pending) await this.attempt(pending);
  }

  async status(): Promise<RatesFeedStatus> {
    return (await this.ctx.storage.get<RatesFeedStatus>("status")) ?? EMPTY;
  }

  private async save(status: RatesFeedStatus): Promise<RatesFeedStatus> {
    await this.ctx.storage.put("status", status);
    return status;
  }

  private async attempt(pending: PendingDay): Promise<RatesFeedStatus> {
    const { day, attempt, plannedAt } = pending;
    const status = await this.status();
    try {
      const report = await refreshEcbRates(this.env, new Date(plannedAt));
      if (report.latest < day) throw new Error(`the ECB has not published the rates of ${day} yet (its newest are of ${report.latest})`);
      await this.ctx.storage.delete("pending");
      await this.ctx.storage.deleteAlarm();
      return this.save({ ...status, lastSuccess: { at: iso(plannedAt), day, ratesDate: report.latest, currencies: report.current.length, attempt }, nextAttemptAt: null });
    } catch (err) {
      const next = plannedAt + pauseAfter(attempt);
      const retryAt = next < endOfDay(day) ? next : null;
      const reason = reasonOf(err);
      console.error(`ECB daily rates of ${day}, attempt ${attempt} failed: ${reason}; ${retryAt === null ? "no retry left today" : `retrying at ${iso(retryAt)}`}`);
      if (retryAt === null) {
        await this.ctx.storage.delete("pending");
      } else {
        await this.ctx.storage.put("pending", { day, attempt: attempt + 1, plannedAt: retryAt } satisfies PendingDay);
        await this.ctx.storage.setAlarm(retryAt);
      }
      const failure = { at: iso(plannedAt), day, attempt, reason, retryAt: retryAt === null ? null : iso(retryAt) };
      return this.save({ ...status, lastFailure: failure, nextAttemptAt: failure.retryAt });
    }
  }
}

export const ratesFeedOf = (env: Env) => env.RATES_FEED.get(env.RATES_FEED.idFromName(RATES_FEED_NAME));
