/**
 * @module
 * Path and query pieces shared by several routes.
 */
import * as z from "zod/mini";
import { parseCorridorId, type CorridorId } from "../domain/countries.ts";
import { named } from "../http/api-routes.ts";
import { badRequest } from "../http/problem.ts";
import { LANGUAGE_TAG } from "../../widget/languages.ts";

export const corridorParams = z.object({
  corridor: z.string().check(
    z.minLength(1),
    z.maxLength(20),
    z.meta({ description: "SRC-DST in ISO 3166-1 alpha-3 (KEN-UGA); alpha-2 and lower case are accepted", example: "KEN-UGA" }),
  ),
});

/** The canonical corridor, or a 400 naming what is wrong with the id. */
export function corridorFrom(raw: string): CorridorId {
  const parsed = parseCorridorId(raw);
  if (!parsed.ok) throw badRequest(parsed.reason, { field: "corridor" });
  return parsed.corridor;
}

/** Every error response a route can give, declared once for the OpenAPI document. */
export const problemSchema = named(
  "Problem",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string(), code: z.string() }))),
  }),
);

export const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

export const errorResponses = {
  400: problem("The request is not valid: the detail names the field"),
  404: problem("No such corridor"),
  429: problem("Over the rate limit: retry after the Retry-After header's seconds"),
  500: problem("An unexpected failure (a bug: please report it)"),
};

export const adminErrorResponses = {
  ...errorResponses,
  401: problem("Missing or wrong bearer token"),
  415: problem("The body is not JSON"),
};

/**
 * A `lang` parameter: a BCP 47 tag, loosely checked (a malformed one is a 400 naming the field);
 * which language it means is widget/languages.ts's lookup, with its fallback (pt-BR → pt).
 */
export const languageTag = (description: string) =>
  z.optional(z.string().check(z.maxLength(35), z.regex(LANGUAGE_TAG, "must be a language tag such as ar or pt-BR"), z.meta({ description, example: "ar" })));
