/**
 * @module
 * An RPW CSV import, streamed: rows are read as the body arrives and handed to the statistics
 * ledger in batches, so memory stays bounded by one batch whatever the file's size.
 */
import type { Observation } from "../domain/observation.ts";
import { csvRecords, CsvSyntaxError } from "./csv-records.ts";
import { readRpwHeader, rowIdentity, rpwRow } from "./rpw-csv.ts";
import { identityCells, identityPositions, identityText, statedOccurrence, type IdentityPositions } from "./rpw-identity.ts";
import { sha256Hex } from "../store/hash.ts";

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  /** Rows stored (new or replacing the same row imported before). */
  imported: number;
  /** Of those, rows that were already stored: importing a file again replaces, never doubles. */
  alreadyPresent: number;
  /** The first MAX_SKIPPED rows left out, with why. */
  skipped: SkippedRow[];
  skippedTotal: number;
}

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; problem: "empty" }
  | { ok: false; problem: "header"; missing: string[] }
  | { ok: false; problem: "syntax"; line: number | undefined; message: string; report: ImportReport };

export interface ObservationSink {
  addObservations(observations: ImportedObservation[]): Promise<{ added: number; replaced: number }>;
}

/** An observation, and the id an earlier version of the import gave the same row, which it replaces. */
export type ImportedObservation = Observation & { supersedes?: string };

export const BATCH_SIZE = 2000;
const MAX_SKIPPED = 1000;

/** The longest World Bank row id taken (theirs are numbers). */
const MAX_ID_LENGTH = 64;

/** A row's identity: the first 128 bits of its SHA-256, in hex. */
const digestHex = async (text: string) => (await sha256Hex(text)).slice(0, 32);

/** `now` decides which quarters have begun: a row of a later one is skipped. */
export async function importRpw(body: ReadableStream<Uint8Array>, sink: ObservationSink, now: Date, batchSize = BATCH_SIZE): Promise<ImportOutcome> {
  const report: ImportReport = { imported: 0, alreadyPresent: 0, skipped: [], skippedTotal: 0 };
  const skip = (line: number, reason: string) => {
    report.skippedTotal++;
    if (report.skipped.length < MAX_SKIPPED) report.skipped.push({ line, reason });
  };
  // The dataset repeats some rows verbatim (two services with identical figures): each occurrence
  // is its own observation, numbered, so a second import of the same file maps to the same ids.
  const occurrences = new Map<string, number>();
  const legacyOccurrences = new Map<string, number>();
  let positions: IdentityPositions | undefined;
  let batch: ImportedObservation[] = [];
  const commit = async () => {
    if (batch.length === 0) return;
    const { added, replaced } = await sink.addObservations(batch);
    report.imported += added + replaced;
    report.alreadyPresent += replaced;
    batch = [];
  };

  let header: ReturnType<typeof readRpwHeader> | undefined;
  try {
    for await (const { fields, line } of csvRecords(body)) {
      if (!header) {
        header = readRpwHeader(fields);
        if (!header.ok) return { ok: false, problem: "header", missing: header.missing };
        positions = identityPositions(fields);
        continue;
      }
      if (!header.ok) break;
      const row = rpwRow(header.header, fields, now);
      if (!row.ok) {
        skip(line, row.reason);
        continue;
      }
      const worldBankId = header.header.id === undefined ? "" : (fields[header.header.id] ?? "").trim();
      if (worldBankId.length > MAX_ID_LENGTH) {
        skip(line, `id is longer than ${MAX_ID_LENGTH} characters`);
        continue;
      }
      const identity = identityCells(positions!, fields);
      const hash = await digestHex(identityText(identity));
      const counted = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, counted);
      // A row the CLI numbered (it sends a file in several requests) keeps its number.
      const n = statedOccurrence(positions!, fields) ?? counted;
      const byIdentity = `rpw:${hash}${n > 1 ? `:${n}` : ""}`;
      // What imports before identities were normal gave the row: the whole row as sent.
      const legacyHash = await digestHex(rowIdentity(fields));
      const legacyN = (legacyOccurrences.get(legacyHash) ?? 0) + 1;
      legacyOccurrences.set(legacyHash, legacyN);
      const byContent = `rpw:${legacyHash}${legacyN > 1 ? `:${legacyN}` : ""}`;
      // With the World Bank's id, a row is (period, id): a corrected row in a newer file replaces the
      // one it corrects. Either way the row replaces the same row stored by content by an earlier
      // import, so importing a file again never doubles it.
      if (worldBankId) batch.push({ id: `rpw:${row.observation.period}:id:${worldBankId}`, supersedes: byContent, ...row.observation });
      else batch.push({ id: byIdentity, supersedes: byContent, ...row.observation });
      if (batch.length >= batchSize) await commit();
    }
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    // Batches already committed stay (the report counts them); the batch in progress is dropped.
    return { ok: false, problem: "syntax", line: err.line, message: err.message, report };
  }
  if (!header) return { ok: false, problem: "empty" };
  await commit();
  return { ok: true, report };
}
