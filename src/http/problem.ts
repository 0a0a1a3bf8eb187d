/**
 * @module
 * RFC 9457 problem details: the one shape of every error this service answers.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { core } from "zod/mini";

type ZodError = core.$ZodError;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/** A failure the HTTP layer turns into problem+json; `code` names it for machines. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const problemType = (code: string) => `https://tenc.dev/problems/${code}`;

export function problemResponse(status: number, code: string, title: string, detail?: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const body: Problem = { type: problemType(code), title, status, ...(detail ? { detail } : {}), ...extensions };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", ...headers } });
}

/** zod issues as the client needs them: where (a dotted path) and what. */
export function zodIssues(error: ZodError): { path: string; message: string; code: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code }));
}

export function validationProblem(where: string, error: ZodError): Response {
  const issues = zodIssues(error);
  const first = issues[0];
  const detail = first ? `${where}${first.path ? ` field '${first.path}'` : ""}: ${first.message}` : `invalid ${where}`;
  return problemResponse(400, "validation", "The request is not valid", detail, { issues });
}

/** A field found invalid after its schema passed (it needed stored data), answered as `validationProblem` answers. */
export function invalidField(where: string, field: string, message: string): ApiError {
  return new ApiError(400, "validation", "The request is not valid", `${where} field '${field}': ${message}`, { issues: [{ path: field, message, code: "custom" }] });
}

export const notFound = (what: string) => new ApiError(404, "not-found", "Not found", what);
export const badRequest = (detail: string, extensions: Record<string, unknown> = {}) => new ApiError(400, "bad-request", "The request is not valid", detail, extensions);
