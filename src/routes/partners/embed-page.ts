/**
 * @module
 * `GET /embed?corridor=…&amount=…&lang=…`: a page holding only the widget, for partners who
 * prefer an iframe. Its Content-Security-Policy lets it run our own script and talk to our own API,
 * nothing else; `frame-ancestors` (who may frame it) is the deployment's EMBED_FRAME_ANCESTORS.
 */
import * as z from "zod/mini";
import { html } from "hono/html";
import { AMOUNT_RULE, amountString, payOutMethods } from "../../domain/schemas.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, errorResponses, languageTag } from "../params.ts";
import { FAVICON_PATH } from "./favicon.ts";
import { acceptedLanguages, languages, resolveLanguage, rightToLeft } from "../../../widget/languages.ts";

const query = z.strictObject({
  corridor: z.string().check(z.minLength(1), z.maxLength(20), z.meta({ description: "SRC-DST, as in /v1/corridors", example: "USA-MEX" })),
  amount: z.optional(amountString.check(z.meta({ description: `Pre-filled amount: ${AMOUNT_RULE}`, example: "200" }))),
  lang: languageTag(`A BCP 47 language tag: one of ${languages.join(", ")}, or a tag that falls back to one (pt-BR → pt), else English. Without it, the browser's Accept-Language decides.`),
  mode: z._default(z.enum(["send", "receive"]).check(z.meta({ description: "send: `amount` is what is sent; receive: what the recipient gets" })), "send"),
  payOut: z.optional(z.enum(payOutMethods)),
});

const route = defineRoute({
  method: "get",
  path: "/embed",
  tags: ["partners"],
  summary: "An HTML page with the widget, for an <iframe>",
  request: { query },
  responses: {
    200: { description: "The page", content: { "text/html": { schema: z.string() } } },
    ...errorResponses,
    404: { description: "No such corridor: the same page, whose widget says so in the visitor's language", content: { "text/html": { schema: z.string() } } },
  },
});

const SOURCE = /^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?(\/[^\s;,'"]*)?)$/i;

/**
 * The deployment's frame-ancestors sources. A setting that is not a plain source list (a `;` could
 * smuggle in another directive) fails closed: nobody may frame the page until it is fixed.
 */
export function frameAncestors(configured: string | undefined): string {
  const sources = (configured ?? "").trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return "*";
  return sources.every((s) => SOURCE.test(s)) ? sources.join(" ") : "'none'";
}

export function registerEmbedRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const corridor = corridorFrom(q.corridor).id;
    // A partner's link to a corridor nobody publishes is a 404 (for link checkers and logs), and still
    // the page: its widget meets the API's 404 and says so in the visitor's language.
    const exists = (await c.var.services.corridors.getRaw(corridor)) !== null;
    // The widget's own rule, with the browser's languages as its Accept-Language sends them.
    const lang = resolveLanguage(q.lang, acceptedLanguages(c.req.header("accept-language")));
    if (q.lang === undefined) c.header("vary", "Accept-Language");
    c.header(
      "content-security-policy",
      `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors(c.env.EMBED_FRAME_ANCESTORS)}`,
    );
    c.header("referrer-policy", "no-referrer");
    c.header("x-content-type-options", "nosniff");
    const page = await html`<!doctype html>
<html lang="${lang}" dir="${rightToLeft.has(lang) ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>tenc — ${corridor}</title><link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<script type="module" src="/widget.js"></script></head>
<body><main><tenc-compare heading-level="1" corridor="${corridor}" lang="${lang}" mode="${q.mode}"${q.amount ? html` amount="${q.amount}"` : ""}${q.payOut ? html` payout="${q.payOut}"` : ""}></tenc-compare></main></body></html>`;
    return c.html(page, exists ? 200 : 404);
  });
}
