/**
 * @module
 * The audit trail in KV: every accepted write, who made it (a token id or "operator", never a
 * secret), what it wrote, when, and what it replaced. Each record is its own key under each index
 * it belongs to (all, its corridor, its provider), named by a count-down of the time so a prefix
 * listing is newest first, and by a unique suffix so concurrent writers never share a key.
 */
import type { Role } from "../domain/principals.ts";
import { keys } from "./keys.ts";

export interface AuditRecord {
  /** Unique; rewriting a record with the same id rewrites the same keys (a retried flush). */
  id: string;
  at: string;
  actor: { id: string; role: Role };
  action: string;
  target: { corridor?: string; provider?: string; pair?: string; token?: string; partnerKey?: string; import?: string };
  value: unknown;
  previous: unknown;
}

/** One corridor, one provider, or (neither given) every record. */
export interface AuditFilter {
  corridor?: string;
  provider?: string;
}

export interface AuditRepo {
  record(rec: AuditRecord): Promise<void>;
  /** Removes a record written for a write that then failed. */
  erase(rec: AuditRecord): Promise<void>;
  /** Newest first. */
  read(filter: AuditFilter, limit: number): Promise<AuditRecord[]>;
}

// Milliseconds until the year 2286: time counted down from here sorts newest first as text.
const TIME_CEILING = 9_999_999_999_999;
const BULK_GET_LIMIT = 100;

function indexes(rec: AuditRecord): string[] {
  const out = ["all"];
  if (rec.target.corridor) out.push(`corridor:${rec.target.corridor}`);
  if (rec.target.provider) out.push(`provider:${rec.target.provider}`);
  return out;
}

function recordKeys(rec: AuditRecord): string[] {
  const inverted = String(TIME_CEILING - Date.parse(rec.at)).padStart(13, "0");
  return indexes(rec).map((index) => keys.audit(index, inverted, rec.id));
}

export const newAuditId = () => crypto.randomUUID();

export function kvAuditRepo(kv: KVNamespace): AuditRepo {
  return {
    async record(rec) {
      const value = JSON.stringify(rec);
      await Promise.all(recordKeys(rec).map((k) => kv.put(k, value)));
    },
    async erase(rec) {
      await Promise.all(recordKeys(rec).map((k) => kv.delete(k)));
    },
    async read(filter, limit) {
      const index = filter.corridor ? `corridor:${filter.corridor}` : filter.provider ? `provider:${filter.provider}` : "all";
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list({ prefix: keys.auditPrefix(index), cursor, limit: Math.min(1000, limit - names.length) });
        names.push(...page.keys.map((k) => k.name));
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor && names.length < limit);
      const out: AuditRecord[] = [];
      for (let i = 0; i < names.length; i += BULK_GET_LIMIT) {
        const chunk = await kv.get<AuditRecord>(names.slice(i, i + BULK_GET_LIMIT), "json");
        for (const name of names.slice(i, i + BULK_GET_LIMIT)) {
          const rec = chunk.get(name);
          if (rec) out.push(rec);
        }
      }
      return out;
    },
  };
}
