/**
 * @module
 * Routes declared once, with zod schemas, and used three ways: a Hono route, the validation of its
 * path, query and JSON body (a failure is problem+json naming the field), and its operation in the
 * OpenAPI 3.1 document (./openapi.ts). This is the part of @hono/zod-openapi the service used,
 * on zod/mini: the full zod with its locales and zod-to-openapi were ~490 KB of a worker that must
 * stay under 250 KB.
 */
import { type Context, type Env, type MiddlewareHandler } from "hono";
import { Hono } from "hono/tiny";
import { HTTPException } from "hono/http-exception";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { validationProblem } from "./problem.ts";

// zod/mini ships without messages ("Invalid input" for everything); the English ones name what is wrong.
z.config(en());

type Schema = z.core.$ZodType;

/** What a route answers (or takes) in each media type. */
export type Content = Record<string, { schema: Schema }>;

export interface ApiRoute {
  method: "get" | "put" | "post" | "patch" | "delete";
  /** The OpenAPI template, `/v1/corridors/{corridor}`. */
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: Record<string, string[]>[];
  request?: {
    /** Objects: each property is one parameter. */
    params?: Schema;
    query?: Schema;
    /** Only required bodies: an optional JSON body would need its own validation rule. */
    body?: { required: true; content: Content };
  };
  responses: Record<number, { description: string; content?: Content }>;
  /**
   * A file a page or a partner's site loads (a script, a style, an icon, a catalog): its query is
   * not read, and any is ignored rather than refused, so a cache-busting `?v=3` still fetches it.
   * An OpenAPI extension, shown as is in the operation.
   */
  "x-query-ignored"?: true;
}

/** The route as written, with its schemas' types kept for the handler. */
export const defineRoute = <R extends ApiRoute>(route: R): R => route;

const names = new Map<Schema, string>();

/** The schema, documented once under `components/schemas/{name}` and referred to wherever it is used. */
export function named<S extends Schema>(name: string, schema: S): S {
  names.set(schema, name);
  return schema;
}

/** The schemas named with `named`, and their names. */
export const namedSchemas = (): ReadonlyMap<Schema, string> => names;

type Req<R extends ApiRoute> = NonNullable<R["request"]>;
type Validated<R extends ApiRoute> = (Req<R> extends { params: infer S extends Schema } ? { param: z.output<S> } : {}) &
  (Req<R> extends { query: infer S extends Schema } ? { query: z.output<S> } : {}) &
  (Req<R> extends { body: { content: { "application/json": { schema: infer S extends Schema } } } } ? { json: z.output<S> } : {});

export type RouteContext<E extends Env, R extends ApiRoute> = Context<E, string, { out: Validated<R> }>;

/** How the problem+json detail names each part of the request. */
const PARTS = { json: "body", query: "query", param: "path" } as const;

/** `value` checked by `schema` and kept for the handler as `part`; or the 400 naming the field. */
function check(c: Context, part: keyof typeof PARTS, schema: Schema, value: unknown): Response | undefined {
  const result = z.safeParse(schema, value);
  if (!result.success) return validationProblem(PARTS[part], result.error);
  c.req.addValidatedData(part, result.data as object);
  return undefined;
}

/**
 * The path and the query checked in one middleware rather than one each (a middleware's turn per
 * part on every request, as hono/validator would have it); the query read as hono/validator reads
 * it, a name given twice becoming an array.
 */
function validatePathAndQuery(params: Schema | undefined, query: Schema | undefined): MiddlewareHandler {
  return async (c, next) => {
    const problem =
      (query && check(c, "query", query, Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v])))) ||
      (params && check(c, "param", params, c.req.param()));
    if (problem) return problem;
    await next();
  };
}

const isJson = (mediaType: string) => /^application\/([a-z-.]+\+)?json/i.test(mediaType);
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

async function hasBody(c: Context): Promise<boolean> {
  const request = c.req.raw;
  if (request.body === null) return false;
  // An earlier middleware may have read it through Hono, which keeps what it read.
  if (request.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const reader = request.clone().body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * A JSON body checked by `schema`. A body that is not JSON is a 415, before any parsing; an empty
 * body without a type reaches validation (as `{}`); JSON that does not parse is a 400.
 */
function validateJsonBody(schema: Schema): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header("content-type");
    if (type ? !JSON_REQUEST.test(type) : await hasBody(c)) throw new HTTPException(415, { message: "Unsupported Media Type" });
    let value: unknown = {};
    if (type) {
      try {
        value = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: "Malformed JSON in request body" });
      }
    }
    const problem = check(c, "json", schema, value);
    if (problem) return problem;
    await next();
  };
}

/**
 * The query of a route that declares none: no parameter at all, so that a typo (`?perod=2011Q3`)
 * is a 400 naming it rather than an answer to another question.
 */
const NO_QUERY = z.strictObject({});

/** A Hono app whose documented routes are declared with `defineRoute` and registered with `openapi`. */
export class ApiApp<E extends Env> extends Hono<E> {
  /** Every documented route, in the order registered: what the OpenAPI document lists. */
  readonly apiRoutes: ApiRoute[] = [];
  readonly securitySchemes: Record<string, object> = {};

  /** Serves `route` with `handler`, after validating its path, query and JSON body, in that order. */
  openapi<R extends ApiRoute>(route: R, handler: (c: RouteContext<E, R>) => Response | Promise<Response>): this {
    this.apiRoutes.push(route);
    const { params, query = route["x-query-ignored"] ? undefined : NO_QUERY, body } = route.request ?? {};
    const checks: MiddlewareHandler[] = query || params ? [validatePathAndQuery(params, query)] : [];
    const json = Object.entries(body?.content ?? {}).find(([mediaType]) => isJson(mediaType));
    if (json) checks.push(validateJsonBody(json[1].schema));
    const path = route.path.replaceAll(/\/{(.+?)}/g, "/:$1");
    this.on(route.method.toUpperCase(), path, ...(checks as []), handler as unknown as MiddlewareHandler<E>);
    return this;
  }
}
