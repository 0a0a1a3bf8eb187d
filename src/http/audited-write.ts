/**
 * @module
 * Writes made directly to KV (rates, tokens, partner keys) go through `auditedWrite`: the audit record
 * is written first, so no accepted write lacks one; if the write then fails, the record is taken
 * back and the failure reported. Quote writes are audited inside their corridor's ledger instead,
 * atomically with the write. Imports, which stream into the statistics ledger, go through `auditedImport`.
 */
import type { Context } from "hono";
import { newAuditId, type AuditRecord } from "../store/audit-repo.ts";
import type { AppEnv } from "./services.ts";

export interface WriteDescription {
  action: string;
  target: AuditRecord["target"];
  value: unknown;
  previous: unknown;
}

/** Who is writing, as the audit names them. Admin routes always have a principal; the fallback is for code run outside them. */
export function actorOf(c: Context<AppEnv>): AuditRecord["actor"] {
  const principal = c.var.principal ?? { id: "operator", role: "operator" as const };
  return { id: principal.id, role: principal.role };
}

export async function auditedWrite<T>(c: Context<AppEnv>, what: WriteDescription, write: () => Promise<T>): Promise<T> {
  const { audit, now } = c.var.services;
  const record: AuditRecord = { id: newAuditId(), at: now().toISOString(), actor: actorOf(c), ...what, previous: what.previous ?? null };
  await audit.record(record);
  try {
    return await write();
  } catch (err) {
    await audit.erase(record).catch((e) => console.error("audit record of a failed write not erased", record.id, e));
    throw err;
  }
}

/**
 * An import: its audit record is written before it starts (so no import runs unaudited) and
 * rewritten with its report once it ends. `report` answers null for an import refused before it
 * stored anything: its record is taken back, as a rejected write leaves none. An import that
 * throws part-way may have stored rows already: its record stays and says how it ended.
 */
export async function auditedImport<T>(c: Context<AppEnv>, kind: string, request: Record<string, unknown>, run: () => Promise<T>, report: (result: T) => unknown): Promise<T> {
  const { audit, now } = c.var.services;
  const record: AuditRecord = { id: newAuditId(), at: now().toISOString(), actor: actorOf(c), action: `imports:${kind}`, target: { import: kind }, value: { request, outcome: "running" }, previous: null };
  await audit.record(record);
  let outcome: unknown;
  try {
    const result = await run();
    outcome = report(result);
    return result;
  } catch (err) {
    outcome = { failed: err instanceof Error ? err.message : String(err) };
    throw err;
  } finally {
    // Same id, same keys: the record is replaced, not doubled.
    const done = outcome === null ? audit.erase(record) : audit.record({ ...record, value: { request, outcome } });
    await done.catch((e) => console.error("audit record of an import not completed", record.id, e));
  }
}
