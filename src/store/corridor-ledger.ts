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
import { keys } from "./keys.ts";
import { recordForStatistics } from "./stats-ledger.ts";

/** Workers KV takes at most one write per second to a key: writes in between share one publish. */
export const PUBLISH_INTERVAL_MS = 1000;
const RETRY_AFTER_FAILURE_MS = 5000;

export interface PutProviderResult {
  created: boolean;
  changed: boolean;
  published: boolean;
  updatedAt: string;
}

interface HistoryRecord {
  seq: number;
  at: string;
  entry: ProviderEntry;
}

interface LedgerEnv {
  KV: KVNamespace;
  /** Regulators' statistics: every accepted quote is also an observation of its quarter. */
  STATS_LEDGER?: DurableObjectNamespace<import("./stats-ledger.ts").StatsLedger>;
}

const ENTRY_PREFIX = "provider:";
const HISTORY_PREFIX = "history:";

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

  private async load(corridor: CorridorId): Promise<CorridorDoc> {
    if (this.doc) return this.doc;
    const stored = await this.ctx.storage.get<CorridorId>("corridor");
    if (!stored) await this.ctx.storage.put("corridor", corridor);
    const entries = await this.ctx.storage.list<ProviderEntry>({ prefix: ENTRY_PREFIX });
    let doc = emptyCorridor(corridor, new Date(0).toISOString());
    for (const entry of entries.values()) doc = withProvider(doc, entry);
    this.seq = (await this.ctx.storage.get<number>("seq")) ?? 0;
    this.publishedSeq = (await this.ctx.storage.get<number>("publishedSeq")) ?? 0;
    this.doc = doc;
    return doc;
  }

  /** Replaces one provider's products in this corridor; resolves once KV holds the change. */
  async putProvider(corridor: CorridorId, entry: ProviderEntry): Promise<PutProviderResult> {
    const before = await this.load(corridor);
    const previous = before.providers.find((p) => p.id === entry.id);
    const created = before.providers.length === 0;
    const changed = !previous || !sameContent(previous, entry);
    if (changed) {
      const seq = ++this.seq;
      const record: HistoryRecord = { seq, at: new Date().toISOString(), entry };
      // One multi-key put is atomic: the entry and its history record are kept together or not at all.
      await this.ctx.storage.put({ seq, [ENTRY_PREFIX + entry.id]: entry, [HISTORY_PREFIX + String(seq).padStart(12, "0")]: record });
      this.doc = withProvider(this.doc ?? before, entry);
      await recordForStatistics(this.env.STATS_LEDGER, corridor, entry);
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
    await this.publish();
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
    await this.env.KV.put(keys.corridor(doc.id), JSON.stringify(doc), { metadata: summarize(doc) });
    if (seq > this.publishedSeq) {
      this.publishedSeq = seq;
      await this.ctx.storage.put("publishedSeq", seq);
    }
  }
}
