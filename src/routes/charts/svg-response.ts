/**
 * @module
 * What the chart routes share: the `lang` parameter and the SVG response. An SVG opened on its
 * own is a document a browser renders, so it gets a policy that lets it run and load nothing.
 */
import * as z from "zod/mini";
import type { Context } from "hono";
import { languages, lookup, type Lang } from "../../../widget/languages.ts";
import { languageTag } from "../params.ts";

/** As /embed's: a malformed tag is a 400, a well-formed one falls back per BCP 47 (pt-BR → pt), else English. */
export const langParam = languageTag(`The language of the chart's words, a BCP 47 tag: one of ${languages.join(", ")}, or a tag that falls back to one (pt-BR → pt), else English`);

/** The language a chart speaks for its `lang` parameter. */
export const chartLang = (tag: string | undefined): Lang => (tag ? lookup(tag) : null) ?? "en";

export const svgContent = { "image/svg+xml": { schema: z.string() } };

/** The ETag and Cache-Control come from the public responses' middleware, as for JSON. */
export function svgResponse(c: Context, svg: string): Response {
  return c.body(svg, 200, {
    "content-type": "image/svg+xml; charset=utf-8",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "x-content-type-options": "nosniff",
  });
}
