/**
 * @module
 * The one writer of the statistics documents: a single Durable Object. Observations live in its
 * SQLite storage; each write marks what it changes (a corridor's quarter, then that corridor's
 * history and that quarter's document) and a publish rebuilds only those, at most once per second,
 * so a request for statistics reads one precomputed KV value instead of every observation.
 * Workers KV has no compare-and-swap: with one writer, concurrent imports never overwrite each other.
 */
import { DurableObject } from "cloudflare:workers";
import type { ProviderEntry } from "../domain/corridor.ts";
import type { CorridorId } from "../domain/countries.ts";
import type { Observation } from "../domain/observation.ts";
import { isOwnObservation, midFromEurRates, quoteObservation, quoteObservationId, type DayMid } from "../domain/quote-observation.ts";
import { regionOf, REGIONS_VERSION } from "../domain/regions.ts";
import { corridorStats, serviceOf, type ServiceObservation } from "../domain/statistics.ts";
import {
  corridorHistoryJson,
  globalDoc,
  periodDocJson,
  storedCorridorPeriod,
  type ByAmount,
  type CorridorPeriodResults,
  type GlobalPart,
  type PeriodIndexDoc,
} from "../domain/statistics-docs.ts";
import { statsKeys } from "./keys.ts";
import { kvRatesRepo, pairKey } from "./rates-repo.ts";
import { asOfDate } from "../import/ecb-import.ts";
import { settingsOf, type SettingsEnv } from "../settings.ts";
import { alertOnStatisticsPublish, type AlertsEnv } from "./alert-hooks.ts";

/** One ledger for the whole service: every aggregate write goes through it. */
export const STATS_LEDGER_NAME = "global";
const PUBLISH_INTERVAL_MS = 1000;
/**
 * Writes keep pushing the next publish back by PUBLISH_INTERVAL_MS (an import streams batches
 * faster than that, and a publish halfway through it would rewrite every document it touches
 * only to rewrite them again), but never further than this after the first unpublished write.
 */
const MAX_PUBLISH_DELAY_MS = 10_000;
const RETRY_AFTER_FAILURE_MS = 5000;
/** KV writes of one publish run this many at a time. */
const PUT_CONCURRENCY = 20;

interface StatsLedgerEnv extends AlertsEnv, SettingsEnv {
  KV: KVNamespace;
}

type DirtyKind = "cp" | "corridor" | "period";

interface StoredRow {
  s200: string;
  s500: string;
  [column: string]: SqlStorageValue;
}
const statsJsonOf = (r: StoredRow): ByAmount<string> => ({ "200": r.s200, "500": r.s500 });

export interface AddResult {
  /** Observations this call added (an id already stored is replaced, not added). */
  added: number;
  replaced: number;
}

const cpKey = (period: string, corridor: string) => `${period}|${corridor}`;

/** Whether the statistics documents in KV reflect every observation accepted so far. */
export interface PublishStatus {
  current: boolean;
  /** Changes (corridor-quarters, then the documents they belong to) accepted and not yet in KV. */
  waiting: number;
  /** When this ledger instance last finished writing to KV (null: not since it started). */
  lastPublishedAt: string | null;
}

export class StatsLedger extends DurableObject<StatsLedgerEnv> {
  private lastPublishAt = 0;
  private nextPublish: Promise<void> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** When the oldest write not yet handed to a publish arrived (undefined: none waiting). */
  private pendingSince: number | undefined;
  private publishedAt: string | null = null;

  constructor(ctx: DurableObjectState, env: StatsLedgerEnv) {
    super(ctx, env);
    this.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS obs (id TEXT PRIMARY KEY, period TEXT NOT NULL, corridor TEXT NOT NULL, data TEXT NOT NULL, service TEXT);
      CREATE INDEX IF NOT EXISTS obs_cp ON obs (period, corridor);
      CREATE TABLE IF NOT EXISTS cp_stats (
        period TEXT NOT NULL, corridor TEXT NOT NULL, origin TEXT NOT NULL, destination TEXT NOT NULL,
        s200 TEXT NOT NULL, s500 TEXT NOT NULL, global TEXT NOT NULL, PRIMARY KEY (period, corridor));
      CREATE INDEX IF NOT EXISTS cp_stats_corridor ON cp_stats (corridor);
      CREATE TABLE IF NOT EXISTS flows (corridor TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ecb (date TEXT NOT NULL, currency TEXT NOT NULL, rate TEXT NOT NULL, PRIMARY KEY (date, currency));
      CREATE TABLE IF NOT EXISTS dirty (kind TEXT NOT NULL, key TEXT NOT NULL, token TEXT NOT NULL, PRIMARY KEY (kind, key));
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    void this.ctx.blockConcurrencyWhile(() => this.republishIfRegionsChanged());
    // Observations stored before `service` existed are read whole (`data` holds every field of it).
    if (!this.ctx.storage.sql.exec("SELECT * FROM obs LIMIT 0").columnNames.includes("service")) this.ctx.storage.sql.exec("ALTER TABLE obs ADD COLUMN service TEXT");
    // The first layout kept each corridor-quarter's results as one JSON value in `cstats` and had no
    // separate global documents: recompute every corridor-quarter once, which republishes them all.
    if (this.ctx.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cstats'").toArray().length > 0) {
      void this.ctx.blockConcurrencyWhile(async () => {
        this.ctx.storage.transactionSync(() => {
          for (const { period, corridor } of this.ctx.storage.sql.exec<{ period: string; corridor: string }>("SELECT DISTINCT period, corridor FROM obs").toArray()) {
            this.markDirty("cp", cpKey(period, corridor));
          }
          this.ctx.storage.sql.exec("DROP TABLE cstats");
        });
        await this.schedulePublish();
      });
    }
  }

  /**
   * The global documents name each country's region, and a quarter is otherwise republished only
   * when its data change: after the region table changes (a correction to UN M49), every quarter is
   * republished once. True when it was.
   */
  async republishIfRegionsChanged(): Promise<boolean> {
    const sql = this.ctx.storage.sql;
    if (sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'regions'").toArray()[0]?.value === REGIONS_VERSION) return false;
    const periods = sql.exec<{ period: string }>("SELECT DISTINCT period FROM cp_stats").toArray();
    this.ctx.storage.transactionSync(() => {
      for (const { period } of periods) this.markDirty("period", period);
      sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('regions', ?)", REGIONS_VERSION);
    });
    if (periods.length > 0) await this.schedulePublish();
    return true;
  }

  private markDirty(kind: DirtyKind, key: string) {
    this.ctx.storage.sql.exec(
      "INSERT INTO dirty (kind, key, token) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET token = excluded.token",
      kind,
      key,
      crypto.randomUUID(),
    );
  }

  /**
   * Stores observations atomically (all of the batch or none) and schedules a publish. Same id,
   * same observation: importing a row twice replaces it, which leaves every statistic as it was.
   * `withdrawn` ids are removed in the same transaction (an id not stored is no change).
   */
  async addObservations(observations: (Observation & { supersedes?: string })[], withdrawn: string[] = []): Promise<AddResult> {
    const sql = this.ctx.storage.sql;
    const result = this.ctx.storage.transactionSync(() => {
      let added = 0;
      let replaced = 0;
      const touched = new Set<string>();
      const take = (id: string) => sql.exec<{ period: string; corridor: string }>("SELECT period, corridor FROM obs WHERE id = ?", id).toArray()[0];
      for (const id of withdrawn) {
        const gone = take(id);
        if (!gone) continue;
        sql.exec("DELETE FROM obs WHERE id = ?", id);
        touched.add(cpKey(gone.period, gone.corridor));
      }
      for (const { supersedes, ...o } of observations) {
        const existing = take(o.id);
        // The same observation under the id an earlier import gave it: the new id takes its place.
        const earlier = supersedes !== undefined && supersedes !== o.id ? take(supersedes) : undefined;
        if (earlier) {
          sql.exec("DELETE FROM obs WHERE id = ?", supersedes!);
          touched.add(cpKey(earlier.period, earlier.corridor));
        }
        if (existing) {
          replaced++;
          touched.add(cpKey(existing.period, existing.corridor));
        } else if (earlier) replaced++;
        else added++;
        // `service` is what a recompute reads: a fraction of the observation, so it parses quickly.
        sql.exec(
          "INSERT OR REPLACE INTO obs (id, period, corridor, data, service) VALUES (?, ?, ?, ?, ?)",
          o.id,
          o.period,
          o.corridor,
          JSON.stringify(o),
          JSON.stringify(serviceOf(o)),
        );
        touched.add(cpKey(o.period, o.corridor));
      }
      for (const key of touched) this.markDirty("cp", key);
      return { added, replaced };
    });
    await this.schedulePublish();
    return result;
  }

  /** Replaces the remittance flows (weights of the weighted average); every quarter is republished. */
  async setFlows(flows: { corridor: string; value: string }[]): Promise<void> {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      sql.exec("DELETE FROM flows");
      for (const f of flows) sql.exec("INSERT OR REPLACE INTO flows (corridor, value) VALUES (?, ?)", f.corridor, f.value);
      for (const { period } of sql.exec<{ period: string }>("SELECT DISTINCT period FROM cp_stats").toArray()) this.markDirty("period", period);
    });
    await this.schedulePublish();
  }

  /** Keeps ECB reference rates (units per 1 EUR) with their dates. */
  async addEcbRates(days: { date: string; rates: Record<string, string> }[]): Promise<number> {
    const sql = this.ctx.storage.sql;
    return this.ctx.storage.transactionSync(() => {
      let stored = 0;
      for (const day of days) {
        for (const [currency, rate] of Object.entries(day.rates)) {
          sql.exec("INSERT OR REPLACE INTO ecb (date, currency, rate) VALUES (?, ?, ?)", day.date, currency, rate);
          stored++;
        }
      }
      return stored;
    });
  }

  /** The ECB rates (per 1 EUR) of the latest day on or before `date`, within a week, or undefined. */
  async ecbRatesOn(date: string): Promise<{ date: string; rates: Record<string, string> } | undefined> {
    return this.ecbDay(date);
  }

  private ecbDay(date: string): { date: string; rates: Record<string, string> } | undefined {
    const sql = this.ctx.storage.sql;
    // Weekends and TARGET holidays have no fixing: the last business day's rates stand.
    const week = new Date(Date.parse(`${date}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const day = sql.exec<{ date: string | null }>("SELECT MAX(date) AS date FROM ecb WHERE date <= ? AND date >= ?", date, week).toArray()[0]?.date;
    if (!day) return undefined;
    const rows = sql.exec<{ currency: string; rate: string }>("SELECT currency, rate FROM ecb WHERE date = ?", day).toArray();
    return { date: day, rates: Object.fromEntries(rows.map((r) => [r.currency, r.rate])) };
  }

  /**
   * A provider's published products as observations of the quarters they were observed in, priced
   * at their day's ECB rates, or at the current reference rates when that day has none. A product
   * that is not an observation of its own has none: one recorded before (a seed loaded before its
   * products said they were republished from a survey) is withdrawn.
   */
  async recordQuotes(corridor: CorridorId, entry: ProviderEntry): Promise<{ recorded: number; skipped: string[] }> {
    const products = entry.products.filter(isOwnObservation);
    const withdrawn = entry.products.filter((p) => !isOwnObservation(p)).map((p) => quoteObservationId(corridor, entry, p));
    const pairs = products.flatMap((p): [string, string][] => [["USD", p.sendCurrency], [p.sendCurrency, p.receiveCurrency]]);
    const current = pairs.length ? await kvRatesRepo(this.env.KV).resolve(pairs) : new Map();
    const limits = settingsOf(this.env).midAgeLimits;
    const observations: Observation[] = [];
    const skipped: string[] = [];
    for (const product of products) {
      const day = this.ecbDay(product.observedAt.slice(0, 10));
      const dayMid: DayMid | undefined = day ? midFromEurRates(day.rates, asOfDate(day.date)) : undefined;
      const mid: DayMid = (base, quote) => dayMid?.(base, quote) ?? current.get(pairKey(base, quote));
      const result = quoteObservation(corridor, entry, product, mid, limits);
      if (result.ok) observations.push(result.observation);
      else skipped.push(`${product.id}: ${result.reason}`);
    }
    if (observations.length || withdrawn.length) await this.addObservations(observations, withdrawn);
    return { recorded: observations.length, skipped };
  }

  /** Resolves once KV holds every change accepted so far. */
  async publishNow(): Promise<void> {
    await this.publish();
  }

  /** Read by operators after an import that did not wait for its statistics (and by the bench). */
  async publishStatus(): Promise<PublishStatus> {
    const waiting = this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM dirty").one().n;
    return { current: waiting === 0, waiting, lastPublishedAt: this.publishedAt };
  }

  override async alarm(): Promise<void> {
    await this.publish();
  }

  /** A publish later, through the alarm: accepted data reaches KV even if no one waits for it. */
  private async schedulePublish(): Promise<void> {
    const now = Date.now();
    this.pendingSince ??= now;
    await this.ctx.storage.setAlarm(Math.min(now + PUBLISH_INTERVAL_MS, this.pendingSince + MAX_PUBLISH_DELAY_MS));
  }

  private publish(): Promise<void> {
    this.nextPublish ??= (async () => {
      // Yield first: without it, when no wait is due, the line clearing `nextPublish` below would run
      // before `??=` assigns it, leaving a settled promise there that every later publish would reuse.
      await Promise.resolve();
      const wait = this.lastPublishAt + PUBLISH_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Writes arriving from here on wait for the next publish.
      this.nextPublish = undefined;
      this.pendingSince = undefined;
      this.lastPublishAt = Date.now();
      // Two flushes never overlap, so a key is never written twice within an interval.
      const previous = this.flushing;
      const flushed = previous.catch(() => undefined).then(() => this.flush());
      this.flushing = flushed;
      try {
        await flushed;
      } catch (err) {
        await this.ctx.storage.setAlarm(Date.now() + RETRY_AFTER_FAILURE_MS);
        throw err;
      }
    })();
    return this.nextPublish;
  }

  /**
   * Recomputes the corridor-quarters marked dirty, then writes the documents they belong to. The
   * work follows what changed: each changed corridor-quarter is recomputed from its own services,
   * and the documents are assembled from the stored, already serialised statistics.
   */
  private async flush(): Promise<void> {
    const sql = this.ctx.storage.sql;
    const now = new Date().toISOString();
    this.ctx.storage.transactionSync(() => {
      const corridors = new Set<string>();
      const periods = new Set<string>();
      // One statement gathers the services of every dirty corridor-quarter (one JSON array each),
      // rather than one query per corridor-quarter: a bulk import dirties thousands of them.
      const dirtyServices = sql.exec<{ key: string; services: string }>(
        `SELECT d.key AS key, json_group_array(json(COALESCE(o.service, o.data))) FILTER (WHERE o.id IS NOT NULL) AS services
         FROM dirty d LEFT JOIN obs o ON o.period = substr(d.key, 1, instr(d.key, '|') - 1) AND o.corridor = substr(d.key, instr(d.key, '|') + 1)
         WHERE d.kind = 'cp' GROUP BY d.key`,
      );
      for (const { key, services } of dirtyServices.toArray()) {
        const [period, corridorId] = key.split("|") as [string, string];
        const observations = JSON.parse(services) as ServiceObservation[];
        if (observations.length > 0) {
          // Corridor ids are `SRC-DST` in alpha-3 (countries.ts).
          const [from, to] = corridorId.split("-") as [string, string];
          const corridor = { id: corridorId, from, to };
          const results: CorridorPeriodResults = { "200": corridorStats(corridor, period, 200, observations), "500": corridorStats(corridor, period, 500, observations) };
          const stored = storedCorridorPeriod(results);
          sql.exec(
            "INSERT OR REPLACE INTO cp_stats (period, corridor, origin, destination, s200, s500, global) VALUES (?, ?, ?, ?, ?, ?, ?)",
            period,
            corridorId,
            from,
            to,
            stored.statsJson["200"],
            stored.statsJson["500"],
            JSON.stringify(stored.global),
          );
        } else sql.exec("DELETE FROM cp_stats WHERE period = ? AND corridor = ?", period, corridorId);
        corridors.add(corridorId);
        periods.add(period);
      }
      for (const corridor of corridors) this.markDirty("corridor", corridor);
      for (const period of periods) this.markDirty("period", period);
      sql.exec("DELETE FROM dirty WHERE kind = 'cp'");
    });

    const dirty = sql.exec<{ kind: DirtyKind; key: string; token: string }>("SELECT kind, key, token FROM dirty").toArray();
    const puts: [string, string][] = [];
    for (const d of dirty) {
      if (d.kind === "corridor") {
        const rows = sql.exec<StoredRow & { period: string; origin: string; destination: string }>("SELECT period, origin, destination, s200, s500 FROM cp_stats WHERE corridor = ?", d.key).toArray();
        const any = rows[0];
        if (any) {
          const history = rows.map((r) => ({ period: r.period, statsJson: statsJsonOf(r) }));
          puts.push([statsKeys.corridor(d.key), corridorHistoryJson({ id: d.key, from: any.origin, to: any.destination }, history, now)]);
        }
      } else if (d.kind === "period") {
        const rows = sql
          .exec<StoredRow & { corridor: string; origin: string; destination: string; global: string; value: string | null }>(
            "SELECT c.corridor, c.origin, c.destination, c.s200, c.s500, c.global, f.value FROM cp_stats c LEFT JOIN flows f ON f.corridor = c.corridor WHERE c.period = ?",
            d.key,
          )
          .toArray();
        puts.push([statsKeys.period(d.key), periodDocJson(d.key, rows.map((r) => ({ corridor: r.corridor, statsJson: statsJsonOf(r) })), now)]);
        const global = rows.map((r) => ({ corridor: r.corridor, from: r.origin, to: r.destination, global: JSON.parse(r.global) as ByAmount<GlobalPart>, flow: r.value ?? undefined }));
        const doc = globalDoc(d.key, global, regionOf, now);
        puts.push([statsKeys.global(d.key), JSON.stringify(doc)]);
        // What the route sends, ready: with 1,000 corridors the list above 5 % makes this the
        // largest statistics answer, and parsing both amounts to send one cost more than reading.
        for (const [amount, figures] of Object.entries(doc.amounts)) puts.push([statsKeys.globalAnswer(d.key, amount), JSON.stringify({ ...figures, updatedAt: doc.updatedAt })]);
      }
    }
    if (dirty.some((d) => d.kind === "period")) {
      const periods = sql.exec<{ period: string }>("SELECT DISTINCT period FROM cp_stats ORDER BY period").toArray().map((r) => r.period);
      const index: PeriodIndexDoc = { updatedAt: now, periods };
      puts.push([statsKeys.periods, JSON.stringify(index)]);
    }
    for (let i = 0; i < puts.length; i += PUT_CONCURRENCY) {
      await Promise.all(puts.slice(i, i + PUT_CONCURRENCY).map(([key, value]) => this.env.KV.put(key, value)));
    }
    await alertOnStatisticsPublish(this.env, sql, dirty);
    // Only what was published is clean: a key marked again meanwhile has a new token and stays dirty.
    for (const d of dirty) sql.exec("DELETE FROM dirty WHERE kind = ? AND key = ? AND token = ?", d.kind, d.key, d.token);
    this.publishedAt = new Date().toISOString();
  }
}
