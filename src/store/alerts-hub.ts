/**
 * @module
 * Alerts in one Durable Object with SQLite storage: every subscription, which statistics lines and
 * stale quotes were already announced (so each fires once), and the delivery log. Workers KV has no compare-and-swap;
 * here a subscription's change, its failure count and its deliveries are rows updated in place by
 * one writer, so a delivery result and an owner's edit never overwrite each other. Events are
 * written to the delivery log before they are put on the queue (an outbox), so an event accepted is
 * either delivered or visibly failed.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env.ts";
import { prepareCorridor } from "../domain/compare.ts";
import type { CorridorDoc } from "../domain/corridor.ts";
import { corridorsOf, newEvent as eventWithId, type AlertEvent, type EventType, type QuoteStaleData, type StatisticsPublishedData } from "../domain/alerts/events.ts";
import { optionKey, optionsBelow, thresholdCrossings, type QuarterAverage } from "../domain/alerts/crossings.ts";
import { shouldDisable } from "../domain/alerts/delivery-policy.ts";
import { MAX_SUBSCRIPTIONS_PER_OWNER, missingBelowThresholdField, type SubscriptionStatus, type UpdateSubscriptionInput } from "../domain/alerts/subscription-schema.ts";
import { settingsOf } from "../settings.ts";
import { kvRatesRepo } from "./rates-repo.ts";
import { hex } from "./hash.ts";

export const ALERTS_HUB_NAME = "global";
/** A rotated-out secret still signs (beside the new one) this long, so receivers can switch without losing events. */
const PREVIOUS_SECRET_HOURS = 24;
const RETRY_ENQUEUE_MS = 5000;
const LOG_LIMIT = 100;

export interface NewSubscription {
  url: string;
  events: EventType[];
  /** Canonical corridor ids; empty: every corridor. */
  corridors: string[];
  amount?: string;
  belowPercent?: string;
}

export interface Subscription extends NewSubscription {
  id: string;
  status: SubscriptionStatus;
  /** Why the service disabled it, when it did. */
  statusReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  eventId: string;
  type: EventType;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** What the queue consumer needs to make one attempt. */
export interface DeliveryJob {
  url: string;
  /** The current secret first; a rotated-out one while it is still honoured. */
  secrets: string[];
  eventId: string;
  payload: string;
  subscriptionActive: boolean;
  /** Already delivered or failed (a message seen twice): nothing to do. */
  settled: boolean;
}

export type Outcome = { ok: true } | { ok: false; error: string; final: boolean };

export type HubResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; reason: string; field?: string };

export interface DeliveryMessage {
  deliveryId: string;
}

interface SubRow {
  id: string;
  owner: string;
  url: string;
  events: string;
  corridors: string;
  amount: string | null;
  below_percent: string | null;
  secret: string;
  previous_secret: string | null;
  previous_until: string | null;
  status: SubscriptionStatus;
  status_reason: string | null;
  failures: number;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
  [column: string]: SqlStorageValue;
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** Standard Webhooks secrets: `whsec_` and base64 key bytes (the `standardwebhooks` library reads them so). */
const newSecret = () => `whsec_${base64(crypto.getRandomValues(new Uint8Array(32)))}`;
const newId = (prefix: string, bytes = 12) => `${prefix}_${hex(crypto.getRandomValues(new Uint8Array(bytes)))}`;
/** An event with a fresh id: `evt_` and 128 random bits. */
const newEvent: <T extends EventType>(type: T, data: Parameters<typeof eventWithId<T>>[2], now: Date) => AlertEvent<T> = (type, data, now) => eventWithId(newId("evt", 16), type, data, now);

function view(row: SubRow): Subscription {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as EventType[],
    corridors: JSON.parse(row.corridors) as string[],
    ...(row.amount !== null ? { amount: row.amount } : {}),
    ...(row.below_percent !== null ? { belowPercent: row.below_percent } : {}),
    status: row.status,
    statusReason: row.status_reason,
    consecutiveFailures: row.failures,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const wants = (sub: Subscription, type: EventType, corridors: string[]) =>
  sub.events.includes(type) && (sub.corridors.length === 0 || corridors.some((c) => sub.corridors.includes(c)));

export class AlertsHub extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS subs (
        id TEXT PRIMARY KEY, owner TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, corridors TEXT NOT NULL,
        amount TEXT, below_percent TEXT, secret TEXT NOT NULL, previous_secret TEXT, previous_until TEXT,
        status TEXT NOT NULL, status_reason TEXT, failures INTEGER NOT NULL DEFAULT 0, failing_since TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS subs_owner ON subs (owner);
      CREATE TABLE IF NOT EXISTS deliveries (
        id TEXT PRIMARY KEY, sub_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT, created_at TEXT NOT NULL, delivered_at TEXT,
        enqueued INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS deliveries_sub ON deliveries (sub_id, created_at);
      CREATE INDEX IF NOT EXISTS deliveries_unsent ON deliveries (enqueued);
      CREATE TABLE IF NOT EXISTS crossing_state (corridor TEXT NOT NULL, period TEXT NOT NULL, line TEXT NOT NULL, direction TEXT NOT NULL, PRIMARY KEY (corridor, period, line));
      CREATE TABLE IF NOT EXISTS stale_sent (key TEXT PRIMARY KEY, at TEXT NOT NULL);
    `);
  }

  private get sql() {
    return this.ctx.storage.sql;
  }

  private row(owner: string, id: string): SubRow | undefined {
    return this.sql.exec<SubRow>("SELECT * FROM subs WHERE id = ? AND owner = ?", id, owner).toArray()[0];
  }

  // ---- subscriptions, always within one owner's -------------------------------------------

  async create(owner: string, input: NewSubscription, now: string): Promise<HubResult<Subscription & { secret: string }>> {
    const count = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM subs WHERE owner = ?", owner).one().n;
    if (count >= MAX_SUBSCRIPTIONS_PER_OWNER) return { ok: false, status: 409, reason: `an owner may have at most ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions; delete one first` };
    const id = newId("sub");
    const secret = newSecret();
    this.sql.exec(
      "INSERT INTO subs (id, owner, url, events, corridors, amount, below_percent, secret, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
      id, owner, input.url, JSON.stringify(input.events), JSON.stringify(input.corridors), input.amount ?? null, input.belowPercent ?? null, secret, now, now,
    );
    return { ok: true, value: { ...view(this.row(owner, id)!), secret } };
  }

  async list(owner: string): Promise<Subscription[]> {
    return this.sql.exec<SubRow>("SELECT * FROM subs WHERE owner = ? ORDER BY created_at, id", owner).toArray().map(view);
  }

  async get(owner: string, id: string): Promise<Subscription | null> {
    const row = this.row(owner, id);
    return row ? view(row) : null;
  }

  async update(owner: string, id: string, change: Omit<UpdateSubscriptionInput, "corridors"> & { corridors?: string[] }, now: string): Promise<HubResult<Subscription>> {
    const row = this.row(owner, id);
    if (!row) return { ok: false, status: 404, reason: `no subscription ${id}` };
    const merged = { ...view(row), ...change };
    const missing = missingBelowThresholdField(merged);
    if (missing) return { ok: false, status: 400, reason: `body field '${missing}' is required with quote.below_threshold`, field: missing };
    const reenabled = change.status === "active" && row.status !== "active";
    this.sql.exec(
      `UPDATE subs SET url = ?, events = ?, corridors = ?, amount = ?, below_percent = ?, status = ?, status_reason = ?, updated_at = ?,
       failures = CASE WHEN ? THEN 0 ELSE failures END, failing_since = CASE WHEN ? THEN NULL ELSE failing_since END WHERE id = ?`,
      merged.url, JSON.stringify(merged.events), JSON.stringify(merged.corridors), merged.amount ?? null, merged.belowPercent ?? null, merged.status,
      merged.status === "active" ? null : change.status === "disabled" ? "disabled by its owner" : row.status_reason, now, reenabled ? 1 : 0, reenabled ? 1 : 0, id,
    );
    return { ok: true, value: view(this.row(owner, id)!) };
  }

  async remove(owner: string, id: string): Promise<boolean> {
    if (!this.row(owner, id)) return false;
    this.ctx.storage.transactionSync(() => {
      this.sql.exec("DELETE FROM subs WHERE id = ?", id);
      this.sql.exec("DELETE FROM deliveries WHERE sub_id = ?", id);
    });
    return true;
  }

  /** A new secret; the old one keeps signing beside it for PREVIOUS_SECRET_HOURS. */
  async rotateSecret(owner: string, id: string, now: Date): Promise<{ secret: string; previousSecretExpiresAt: string } | null> {
    const row = this.row(owner, id);
    if (!row) return null;
    const secret = newSecret();
    const until = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000).toISOString();
    this.sql.exec("UPDATE subs SET secret = ?, previous_secret = ?, previous_until = ?, updated_at = ? WHERE id = ?", secret, row.secret, until, now.toISOString(), id);
    return { secret, previousSecretExpiresAt: until };
  }

  /** The newest deliveries first, at most LOG_LIMIT. */
  async deliveries(owner: string, id: string): Promise<Delivery[] | null> {
    if (!this.row(owner, id)) return null;
    return this.sql
      .exec<{ event_id: string; type: EventType; status: Delivery["status"]; attempts: number; last_error: string | null; created_at: string; delivered_at: string | null }>(
        "SELECT event_id, type, status, attempts, last_error, created_at, delivered_at FROM deliveries WHERE sub_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        id,
        LOG_LIMIT,
      )
      .toArray()
      .map((d) => ({ eventId: d.event_id, type: d.type, status: d.status, attempts: d.attempts, lastError: d.last_error, createdAt: d.created_at, deliveredAt: d.delivered_at }));
  }

  // ---- events ---------------------------------------------------------------------------------

  private active(): Subscription[] {
    return this.sql.exec<SubRow>("SELECT * FROM subs WHERE status = 'active'").toArray().map(view);
  }

  /**
   * A provider's write changed a corridor: the writer's options that are below each subscriber's
   * line after the write and were not before it (or did not exist), both priced at the same
   * reference rates, so the write alone is what crossed the line.
   */
  async quoteWritten(before: CorridorDoc, after: CorridorDoc, providerId: string): Promise<number> {
    const subs = this.active().filter((s) => wants(s, "quote.below_threshold", [after.id]) && s.amount !== undefined && s.belowPercent !== undefined);
    if (subs.length === 0) return 0;
    // The mids the comparison route would choose for this corridor: seen from its newest prices.
    const prepared = prepareCorridor(after);
    const mids = await kvRatesRepo(this.env.KV).resolve(prepared.pairs, prepared.newestPriceAt);
    const now = new Date();
    const settings = settingsOf(this.env);
    const emitted: [AlertEvent, string][] = [];
    for (const sub of subs) {
      const question = { amount: sub.amount!, belowPercent: sub.belowPercent!, now, ...settings };
      const writers = (doc: CorridorDoc) => optionsBelow(doc, mids, question, after).filter((q) => q.provider.id === providerId);
      const wasBelow = new Set(writers(before).map(optionKey));
      for (const q of writers(after)) {
        if (wasBelow.has(optionKey(q))) continue;
        const data = {
          corridor: after.id,
          amount: q.sendAmount,
          belowPercent: sub.belowPercent!,
          provider: { id: q.provider.id, name: q.provider.name, type: q.provider.type },
          product: q.product,
          totalCost: q.totalCost,
          recipientGets: q.recipientGets,
        };
        emitted.push([newEvent("quote.below_threshold", data, now), sub.id]);
      }
    }
    return this.deliver(emitted, now);
  }

  /**
   * A statistics publish: one `statistics.published` per quarter, and a `corridor.threshold_crossed`
   * for each line between consecutive quarters that is new since the last publish (a republish that
   * changes nothing tells no one anything new).
   */
  async statisticsPublished(periods: StatisticsPublishedData[], corridors: { corridor: string; quarters: QuarterAverage[] }[], amountUsd: string): Promise<number> {
    const now = new Date();
    const subs = this.active();
    const emitted: [AlertEvent, string][] = [];
    const fanOut = (event: AlertEvent) => {
      for (const sub of subs) if (wants(sub, event.type, corridorsOf(event))) emitted.push([event, sub.id]);
    };
    for (const p of periods) fanOut(newEvent("statistics.published", p, now));
    for (const { corridor, quarters } of corridors) {
      const known = new Map(
        this.sql.exec<{ period: string; line: string; direction: string }>("SELECT period, line, direction FROM crossing_state WHERE corridor = ?", corridor).toArray().map((r) => [`${r.period}|${r.line}`, r.direction]),
      );
      this.sql.exec("DELETE FROM crossing_state WHERE corridor = ?", corridor);
      for (const c of thresholdCrossings(quarters)) {
        this.sql.exec("INSERT OR REPLACE INTO crossing_state (corridor, period, line, direction) VALUES (?, ?, ?, ?)", corridor, c.period, c.line, c.direction);
        if (known.get(`${c.period}|${c.line}`) === c.direction) continue;
        fanOut(
          newEvent(
            "corridor.threshold_crossed",
            { corridor, period: c.period, previousPeriod: c.previousPeriod, amountUsd, line: c.line, direction: c.direction, averageTotalCostPercent: c.average, previousAverageTotalCostPercent: c.previousAverage },
            now,
          ),
        );
      }
    }
    return this.deliver(emitted, now);
  }

  /** Quotes past STALE_AFTER_DAYS: each quote (as observed at one time) is announced once. */
  async staleQuotes(quotes: QuoteStaleData[]): Promise<number> {
    const now = new Date();
    const subs = this.active();
    const emitted: [AlertEvent, string][] = [];
    for (const q of quotes) {
      const key = `${q.corridor}|${q.provider.id}|${q.product}|${q.observedAt}`;
      if (this.sql.exec("SELECT 1 FROM stale_sent WHERE key = ?", key).toArray().length > 0) continue;
      this.sql.exec("INSERT INTO stale_sent (key, at) VALUES (?, ?)", key, now.toISOString());
      const event = newEvent("quote.stale", q, now);
      for (const sub of subs) if (wants(sub, "quote.stale", [q.corridor])) emitted.push([event, sub.id]);
    }
    return this.deliver(emitted, now);
  }

  /** Logs each delivery as pending, then puts it on the queue. */
  private async deliver(emitted: [AlertEvent, string][], now: Date): Promise<number> {
    for (const [event, subId] of emitted) {
      this.sql.exec(
        "INSERT INTO deliveries (id, sub_id, event_id, type, payload, status, attempts, created_at, enqueued) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, 0)",
        newId("dlv"), subId, event.id, event.type, JSON.stringify(event), now.toISOString(),
      );
    }
    if (emitted.length) await this.enqueuePending();
    return emitted.length;
  }

  private async enqueuePending(): Promise<void> {
    try {
      for (;;) {
        const ids = this.sql.exec<{ id: string }>("SELECT id FROM deliveries WHERE enqueued = 0 LIMIT 100").toArray().map((r) => r.id);
        if (ids.length === 0) return;
        await this.env.ALERTS_QUEUE.sendBatch(ids.map((deliveryId) => ({ body: { deliveryId } satisfies DeliveryMessage, contentType: "json" as const })));
        for (const id of ids) this.sql.exec("UPDATE deliveries SET enqueued = 1 WHERE id = ?", id);
      }
    } catch (err) {
      // Logged as pending already: the alarm puts them on the queue when it accepts them again.
      console.error("alerts: could not enqueue deliveries; retrying", err);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_ENQUEUE_MS);
    }
  }

  override async alarm(): Promise<void> {
    await this.enqueuePending();
  }

  // ---- the queue consumer's side --------------------------------------------------------------

  async job(deliveryId: string): Promise<DeliveryJob | null> {
    const d = this.sql.exec<{ sub_id: string; event_id: string; payload: string; status: string }>("SELECT sub_id, event_id, payload, status FROM deliveries WHERE id = ?", deliveryId).toArray()[0];
    if (!d) return null;
    const sub = this.sql.exec<SubRow>("SELECT * FROM subs WHERE id = ?", d.sub_id).toArray()[0];
    if (!sub) return null;
    const secrets = [sub.secret];
    if (sub.previous_secret && sub.previous_until && sub.previous_until > new Date().toISOString()) secrets.push(sub.previous_secret);
    return { url: sub.url, secrets, eventId: d.event_id, payload: d.payload, subscriptionActive: sub.status === "active", settled: d.status !== "pending" };
  }

  /** One attempt's result; a final failure counts towards disabling the subscription. */
  async recordAttempt(deliveryId: string, outcome: Outcome): Promise<void> {
    const d = this.sql.exec<{ sub_id: string }>("SELECT sub_id FROM deliveries WHERE id = ?", deliveryId).toArray()[0];
    if (!d) return;
    const now = new Date();
    const at = now.toISOString();
    this.ctx.storage.transactionSync(() => {
      if (outcome.ok) {
        this.sql.exec("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_error = NULL, delivered_at = ? WHERE id = ?", at, deliveryId);
        this.sql.exec("UPDATE subs SET failures = 0, failing_since = NULL WHERE id = ?", d.sub_id);
        return;
      }
      this.sql.exec(`UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?`, outcome.final ? "failed" : "pending", outcome.error, deliveryId);
      if (!outcome.final) return;
      this.sql.exec("UPDATE subs SET failures = failures + 1, failing_since = COALESCE(failing_since, ?) WHERE id = ?", at, d.sub_id);
      const sub = this.sql.exec<SubRow>("SELECT * FROM subs WHERE id = ?", d.sub_id).toArray()[0];
      if (sub && sub.status === "active" && shouldDisable(sub.failures, new Date(sub.failing_since!), now)) {
        const reason = `disabled after ${sub.failures} failed deliveries in a row since ${sub.failing_since}; PATCH status "active" to resume`;
        this.sql.exec("UPDATE subs SET status = 'disabled', status_reason = ?, updated_at = ? WHERE id = ?", reason, at, d.sub_id);
      }
    });
  }
}

export const alertsHubOf = (ns: DurableObjectNamespace<AlertsHub>) => ns.get(ns.idFromName(ALERTS_HUB_NAME));

