/**
 * @module
 * What the chart routes share: the `lang` parameter and the SVG response. An SVG opened on its
 * own is a document a browser renders, so it gets a policy that lets it run and load nothing.
 */
import * as z from "zod/mini";
import type { Context } from "hono";
import { chartLangs } from "../../charts/words.ts";

export const langParam = z._default(z.enum(chartLangs).check(z.meta({ description: "The language of the chart's words: en, es or fr" })), "en");

export const svgContent = { "image/svg+xml": { schema: z.string() } };

/** The ETag and Cache-Control come from the public responses' middleware, as for JSON. */
export function svgResponse(c: Context, svg: string): Response {
  return c.body(svg, 200, {
    "content-type": "image/svg+xml; charset=utf-8",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "x-content-type-options": "nosniff",
  });
}
