/**
 * @module
 * Sends an import in chunks, each with an `Idempotency-Key` derived from its content: running the
 * same command again after an interruption sends the same chunks with the same keys, so the API
 * answers the ones it accepted with their first answer (`Idempotent-Replayed`) instead of
 * importing them again, and imports the rest.
 */
import { createHash } from "node:crypto";
import { describeFailure, exitCodeFor, type Api } from "./api.ts";
import { CliError, EXIT } from "./exit-codes.ts";

export interface ChunkReport {
  imported: number;
  alreadyPresent: number;
  skipped: { line: number; reason: string }[];
  skippedTotal: number;
}

export interface ChunkOutcome {
  replayed: boolean;
  report: ChunkReport;
}

const RETRIES = 3;

export const idempotencyKey = (kind: string, body: string) => `tenc-${kind}-${createHash("sha256").update(body).digest("hex").slice(0, 48)}`;

/** One chunk, retried (same key, so safely) while the API cannot be reached or fails. */
export async function sendChunk(api: Api, path: string, kind: string, body: string): Promise<ChunkOutcome> {
  const key = idempotencyKey(kind, body);
  for (let attempt = 0; ; attempt++) {
    let failure: CliError;
    try {
      const res = await api.send("POST", path, { body, contentType: "text/csv", headers: { "idempotency-key": key } });
      if (res.ok) return { replayed: res.headers.get("idempotent-replayed") === "true", report: (await res.json()) as ChunkReport };
      failure = new CliError(`POST ${path}: ${await describeFailure(res)}`, exitCodeFor(res.status));
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      failure = err;
    }
    if (failure.exitCode !== EXIT.unavailable || attempt >= RETRIES) throw failure;
    await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
  }
}

/** Keeps at most `concurrency` chunks in flight, so reading the file goes on while the API imports. */
export class ChunkQueue {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #concurrency: number;
  #failure: unknown;

  constructor(concurrency: number) {
    this.#concurrency = concurrency;
  }

  async add(task: () => Promise<void>): Promise<void> {
    if (this.#failure) throw this.#failure;
    const p: Promise<void> = task().then(
      () => void this.#inFlight.delete(p),
      (err: unknown) => {
        this.#inFlight.delete(p);
        this.#failure ??= err;
      },
    );
    this.#inFlight.add(p);
    while (this.#inFlight.size >= this.#concurrency) await Promise.race(this.#inFlight);
    if (this.#failure) throw this.#failure;
  }

  async drain(): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#failure) throw this.#failure;
  }
}
