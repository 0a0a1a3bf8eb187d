/**
 * @module
 * The one writer of a corridor: a Durable Object per corridor. Workers KV has no compare-and-swap,
 * so two providers rewriting a shared corridor document would lose one of them; here every write
 * to a corridor passes through one object, is stored durably before it is answered, and the KV
 * document a comparison reads is republished from the stored entries.
 */
import { DurableObject } from "cloudflare:workers";
import type { CorridorId } from "../domain/countries.ts";
import { emptyCorridor, summarize, withProvider, type CorridorDoc, type ProviderEntry } from "../domain/corridor.ts";
import { kvAuditRepo, type AuditRecord } from "./audit-repo.ts";
import { keys } from "./keys.ts";
import { STATS_LEDGER_NAME } from "./stats-ledger.ts";
import { alertOnQuoteWrite, type AlertsEnv } from "./alert-hooks.ts";

/** Workers KV takes at most one write per second to a key: writes in between share one publish. */
export const PUBLISH_INTERVAL_MS = 1000;
const RETRY_AFTER_FAILURE_MS = 5000;

export interface PutProviderResult {
  created: boolean;
  changed: boolean;
  published: boolean;
  updatedAt: string;
}

/** Who made a write: a token id or "operator", never a secret. */
export interface Actor {
  id: string;
  role: AuditRecord["actor"]["role"];
}

export interface HistoryRecord {
  seq: number;
  at: string;
  actor: Actor;
  entry: ProviderEntry;
  /** What this provider had in the corridor before, or null for its first write. */
  previous: ProviderEntry | null;
}

interface LedgerEnv extends AlertsEnv {
  KV: KVNamespace;
  /** Regulators' statistics: every accepted quote is also an observation of its quarter. */
  STATS_LEDGER?: DurableObjectNamespace<import("./stats-ledger.ts").StatsLedger>;
}

const ENTRY_PREFIX = "provider:";
const HISTORY_PREFIX = "history:";
/** Audit records stored with their write and copied to KV by the next publish (an outbox). */
const OUTBOX_PREFIX = "outbox:";
/**
 * Each accepted write, stored with it, until the statistics ledger has taken it as observations
 * (an outbox): delivered in order, again and again until acknowledged. A repeated delivery is
 * harmless, since a quote's observation has one id per product and quarter and replaces itself.
 */
const STATS_OUTBOX_PREFIX = "stats-outbox:";

interface StatsDelivery {
  corridor: CorridorId;
  entry: ProviderEntry;
}
const OPERATOR: Actor = { id: "operator", role: "operator" };
const padSeq = (seq: number) => String(seq).padStart(12, "0");

/** Same provider and products, whatever the observation time of the write: nothing new to keep. */
function sameContent(a: ProviderEntry, b: ProviderEntry): boolean {
  return JSON.stringify([a.provider, a.products]) === JSON.stringify([b.provider, b.products]);
}

export class CorridorLedger extends DurableObject<LedgerEnv> {
  private doc: CorridorDoc | undefined;
  private seq = 0;
  /** The last history record the KV document includes: behind `seq` after a failed publish. */
  private publishedSeq = 0;
  private lastPublishAt = 0;
  private nextPublish: Promise<void> | undefined;
  private loading: Promise<CorridorDoc> | undefined;
  /** Deliveries to the statistics run one after another, so a provider's writes arrive in order. */
  private statsDelivery: Promise<void> = Promise.resolve();

  /** Reads the stored state once; concurrent first callers share the one read. */
  private load(corridor: CorridorId): Promise<CorridorDoc> {
    if (this.doc) return Promise.resolve(this.doc);
    this.loading ??= (async () => {
      try {
        const stored = await this.ctx.storage.get<CorridorId>("corridor");
        if (!stored) await this.ctx.storage.put("corridor", corridor);
        const entries = await this.ctx.storage.list<ProviderEntry>({ prefix: ENTRY_PREFIX });
        let doc = emptyCorridor(corridor, new Date(0).toISOString());
        for (const entry of entries.values()) doc = withProvider(doc, entry);
        this.seq = (await this.ctx.storage.get<number>("seq")) ?? 0;
        this.publishedSeq = (await this.ctx.storage.get<number>("publishedSeq")) ?? 0;
        this.doc = doc;
        return doc;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** Replaces one provider's products in this corridor; resolves once KV holds the change. */
  async putProvider(corridor: CorridorId, entry: ProviderEntry, actor: Actor = OPERATOR): Promise<PutProviderResult> {
    await this.load(corridor);
    // From here to the storage put nothing awaits, so concurrent writes cannot interleave: each
    // sees the previous one's document and sequence number.
    const before = this.doc!;
    const previous = before.providers.find((p) => p.id === entry.id) ?? null;
    const created = before.providers.length === 0;
    const changed = !previous || !sameContent(previous, entry);
    if (changed) {
      const seq = ++this.seq;
      const at = new Date().toISOString();
      const record: HistoryRecord = { seq, at, actor, entry, previous };
      const audit: AuditRecord = { id: `${corridor.id}-${padSeq(seq)}`, at, actor, action: "quotes:write", target: { corridor: corridor.id, provider: entry.id }, value: entry, previous };
      const after = withProvider(before, entry);
      this.doc = after;
      try {
        // One multi-key put is atomic: the entry, its history and audit records are kept together or not at all.
        const delivery: StatsDelivery = { corridor, entry };
        await this.ctx.storage.put({
          seq,
          [ENTRY_PREFIX + entry.id]: entry,
          [HISTORY_PREFIX + padSeq(seq)]: record,
          [OUTBOX_PREFIX + padSeq(seq)]: audit,
          // A deployment without statistics (no STATS_LEDGER) has no one to deliver to.
          ...(this.env.STATS_LEDGER ? { [STATS_OUTBOX_PREFIX + padSeq(seq)]: delivery } : {}),
        });
      } catch (err) {
        // Nothing was kept: forget the in-memory state so the next call reloads what storage holds.
        this.doc = undefined;
        throw err;
      }
      // Statistics must not hold up or fail a quote write: a delivery that fails is retried by the alarm.
      if (!(await this.deliverStatistics())) await this.ctx.storage.setAlarm(Date.now() + RETRY_AFTER_FAILURE_MS);
      // Alerts price the write off the provider's path: the answer does not wait for them.
      this.ctx.waitUntil(alertOnQuoteWrite(this.env, before, after, entry.id));
    } else if (this.publishedSeq >= this.seq) {
      return { created: false, changed: false, published: true, updatedAt: previous.updatedAt };
    }
    const updatedAt = changed ? entry.updatedAt : previous!.updatedAt;
    try {
      await this.publish();
      return { created, changed, published: true, updatedAt };
    } catch {
      // Kept durably above; the alarm republishes, so the write is late, never lost.
      await this.ctx.storage.setAlarm(Date.now() + RETRY_AFTER_FAILURE_MS);
      return { created, changed, published: false, updatedAt };
    }
  }

  /** Every accepted write to this corridor, oldest first. */
  async history(): Promise<HistoryRecord[]> {
    return [...(await this.ctx.storage.list<HistoryRecord>({ prefix: HISTORY_PREFIX })).values()];
  }

  override async alarm(): Promise<void> {
    const corridor = await this.ctx.storage.get<CorridorId>("corridor");
    if (!corridor) return;
    await this.load(corridor);
    const delivered = await this.deliverStatistics();
    await this.publish();
    if (!delivered) await this.ctx.storage.setAlarm(Date.now() + RETRY_AFTER_FAILURE_MS);
  }

  /** Hands every pending write to the statistics ledger, oldest first; false when one could not be (it stays pending). */
  private deliverStatistics(): Promise<boolean> {
    const run = this.statsDelivery.then(() => this.deliverPending());
    this.statsDelivery = run.then(
      () => undefined,
      () => undefined,
    );
    return run.then(
      () => true,
      (err) => {
        console.error("statistics: delivery failed, kept for the next attempt", err);
        return false;
      },
    );
  }

  private async deliverPending(): Promise<void> {
    const ns = this.env.STATS_LEDGER;
    if (!ns) return;
    const pending = await this.ctx.storage.list<StatsDelivery>({ prefix: STATS_OUTBOX_PREFIX });
    if (pending.size === 0) return;
    const ledger = ns.get(ns.idFromName(STATS_LEDGER_NAME));
    for (const [key, { corridor, entry }] of pending) {
      const { skipped } = await ledger.recordQuotes(corridor, entry);
      // A product without a reference rate that day cannot be priced: that is an answer, not a failure.
      if (skipped.length) console.warn(`statistics: ${corridor.id}/${entry.id} not observed: ${skipped.join("; ")}`);
      await this.ctx.storage.delete(key);
    }
  }

  /** Copies the stored audit records to KV; each keeps its id, so a retried copy rewrites the same keys. */
  private async flushOutbox(): Promise<void> {
    const pending = await this.ctx.storage.list<AuditRecord>({ prefix: OUTBOX_PREFIX });
    if (pending.size === 0) return;
    const audit = kvAuditRepo(this.env.KV);
    await Promise.all([...pending.values()].map((rec) => audit.record(rec)));
    await this.ctx.storage.delete([...pending.keys()]);
  }

  /** Publishes the current document, at most once per interval; concurrent callers share one write. */
  private publish(): Promise<void> {
    this.nextPublish ??= this.publishAfter(this.lastPublishAt + PUBLISH_INTERVAL_MS - Date.now());
    return this.nextPublish;
  }

  private async publishAfter(waitMs: number): Promise<void> {
    // Always yield first, so `nextPublish` is set before it is cleared below.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
    // Writes arriving from here on wait for the next publish; this one takes the document as it is now.
    this.nextPublish = undefined;
    this.lastPublishAt = Date.now();
    const doc = this.doc!;
    const seq = this.seq;
    // Audit records first: once `publishedSeq` covers a write, its audit record is in KV too.
    await this.flushOutbox();
    await this.env.KV.put(keys.corridor(doc.id), JSON.stringify(doc), { metadata: summarize(doc) });
    if (seq > this.publishedSeq) {
      this.publishedSeq = seq;
      await this.ctx.storage.put("publishedSeq", seq);
    }
  }
}
