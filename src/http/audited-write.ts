/**
 * @module
 * Writes made directly to KV (rates, tokens, imports) go through `auditedWrite`: the audit record
 * is written first, so no accepted write lacks one; if the write then fails, the record is taken
 * back and the failure reported. Quote writes are audited inside their corridor's ledger instead,
 * atomically with the write.
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
