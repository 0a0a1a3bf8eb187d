/**
 * @module
 * `GET /widget.js`: the `<tenc-compare>` custom element, bundled from widget/ at build time.
 */
import * as z from "zod/mini";
import { widgetScriptGzipBase64 } from "../../generated/widget-bundle.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";

const route = defineRoute({
  method: "get",
  path: "/widget.js",
  tags: ["partners"],
  summary: "The embeddable comparison widget (an ES module defining <tenc-compare>)",
  description: 'Load it as a module script (`type="module"`, `src` this URL), then place a `tenc-compare` element with `corridor`, `amount` and `lang` attributes (corridor USA-MEX, amount 200, lang es).',
  responses: {
    200: { description: "JavaScript module", content: { "text/javascript": { schema: z.string() } } },
    429: errorResponses[429],
  },
  "x-query-ignored": true,
});

let inflated: string | undefined;

/** The script, inflated on first use; a string, not a promise, is kept, since a Worker may not share I/O between requests. */
async function widgetScript(): Promise<string> {
  if (inflated === undefined) {
    const gzipped = Uint8Array.from(atob(widgetScriptGzipBase64), (ch) => ch.charCodeAt(0));
    inflated = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  }
  return inflated;
}

export function registerWidgetScriptRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) =>
    c.body(await widgetScript(), 200, {
      "content-type": "text/javascript; charset=utf-8",
      // The ETag lets a partner's visitors revalidate cheaply after a deploy changes the script.
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    }),
  );
}
