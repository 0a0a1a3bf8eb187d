/**
 * @module
 * What the widget says when the API answers with a problem: the API speaks English
 * (application/problem+json), its `type` URIs are stable, and the widget maps each to a message in
 * the visitor's language.
 */
import { problemType } from "../src/http/problem.ts";
import type { MessageKey } from "./i18n.ts";

/** An answer that was not the one asked for: its status, problem type and the field it names, if any. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string | null,
    readonly field: string | null,
  ) {
    super(type ?? `HTTP ${status}`);
  }
}

const AMOUNT_FIELDS = new Set(["amount", "recipientAmount"]);

/** The message for a failure; `status` 0 is a request that never got an answer (offline, blocked). */
export function errorMessage(e: unknown): MessageKey {
  if (!(e instanceof ApiProblem)) return "error.unavailable";
  const is = (code: string) => e.type === problemType(code);
  if ((is("validation") || is("bad-request")) && e.field === "corridor") return "error.unknownCorridor";
  if ((is("validation") || is("bad-request")) && e.field !== null && AMOUNT_FIELDS.has(e.field)) return "error.badAmount";
  if (is("not-found")) return "error.unknownCorridor";
  if (is("rate-limited")) return "error.rateLimited";
  if (is("store-unavailable") || is("not-yet-published") || e.status === 0 || e.status >= 500) return "error.unavailable";
  return "error.other";
}
