/**
 * @module
 * `GET /widget/messages/{lang}.json`: one language's message catalog (widget/messages/<lang>.json,
 * ICU MessageFormat), each message parsed at build time into FormatJS's syntax tree so the widget
 * needs no parser. Fetched by the widget when it first speaks that language: a visitor downloads
 * only their own.
 */
import * as z from "zod/mini";
import { widgetCatalogs } from "../../generated/widget-catalogs.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { languages } from "../../../widget/languages.ts";

const files = languages.filter((l) => l !== "en").map((l) => `${l}.json` as const);

const route = defineRoute({
  method: "get",
  path: "/widget/messages/{file}",
  tags: ["partners"],
  summary: "The widget's words in one language (ICU MessageFormat, parsed)",
  description: "Each message of `widget/messages/<lang>.json` as FormatJS's ICU MessageFormat syntax tree (what intl-messageformat formats). English is in /widget.js itself; a message a catalog lacks is shown in English.",
  request: { params: z.strictObject({ file: z.enum(files).check(z.meta({ description: "`<lang>.json`", example: "ar.json" })) }) },
  responses: {
    200: { description: "The catalog: message key → the message's syntax tree", content: { "application/json": { schema: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) } } },
    400: errorResponses[400],
    429: errorResponses[429],
    500: errorResponses[500],
  },
  "x-query-ignored": true,
});

export function registerWidgetMessagesRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, (c) => {
    const lang = c.req.valid("param").file.slice(0, -".json".length);
    const catalog = widgetCatalogs[lang];
    // Every language but English has a catalog (test/node/i18n-catalogs.test.ts); a build without one is a bug.
    if (catalog === undefined) throw new Error(`no catalog for ${lang}: run npm run build:widget`);
    return c.body(catalog, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  });
}
