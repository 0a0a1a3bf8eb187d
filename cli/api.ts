/**
 * @module
 * The tenc API as the CLI calls it: a base URL, a bearer token (never printed), and problem+json
 * answers turned into one readable message with an exit code.
 */
import { CliError, EXIT } from "./exit-codes.ts";

export const DEFAULT_URL = "http://127.0.0.1:8787";

export interface ApiOptions {
  url: string;
  token: string | undefined;
}

interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  field?: string;
  missing?: string[];
}

/** What the API said, in one or two lines (RFC 9457 problem+json, or the start of the body). */
export async function describeFailure(res: Response): Promise<string> {
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const p = JSON.parse(text) as Problem;
      const parts = [p.title, p.detail].filter(Boolean).join(": ");
      const field = p.field ? ` (field: ${p.field})` : "";
      if (parts) return `${res.status} ${parts}${field}`;
    } catch {
      // not JSON after all: shown as text below
    }
  }
  return `${res.status} ${res.statusText}${text ? `: ${text.slice(0, 300)}` : ""}`;
}

export function exitCodeFor(status: number): number {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status >= 500 || status === 429 || status === 408) return EXIT.unavailable;
  return EXIT.rejected;
}

export class Api {
  readonly base: string;
  readonly #token: string | undefined;

  constructor(options: ApiOptions) {
    this.base = options.url.replace(/\/+$/, "");
    this.#token = options.token;
  }

  /** The raw answer; throws a CliError only when the API cannot be reached. */
  async send(method: string, path: string, init: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json, application/problem+json, text/csv", ...init.headers };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    if (init.contentType) headers["content-type"] = init.contentType;
    try {
      return await fetch(this.base + path, { method, headers, body: init.body });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach ${this.base}: ${cause?.code ?? cause?.message ?? (err as Error).message}`, EXIT.unavailable);
    }
  }

  /** The answer's JSON, or a CliError carrying the API's problem. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body === undefined ? {} : { body: JSON.stringify(body), contentType: "application/json" });
    if (!res.ok) throw new CliError(`${method} ${path}: ${await describeFailure(res)}`, exitCodeFor(res.status));
    const text = await res.text();
    // 204 No Content (a revoked key) has no JSON to read.
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
