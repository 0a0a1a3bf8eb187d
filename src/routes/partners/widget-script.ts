/**
 * @module
 * `GET /widget.js`: the `<tenc-compare>` custom element, bundled from widget/ at build time.
 */
import * as z from "zod/mini";
import { widgetScript } from "../../generated/widget-bundle.ts";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";

const route = defineRoute({
  method: "get",
  path: "/widget.js",
  tags: ["partners"],
  summary: "The embeddable comparison widget (an ES module defining <tenc-compare>)",
  description: 'Load it with `<script type="module" src=".../widget.js">`, then place `<tenc-compare corridor="USA-MEX" amount="200" lang="es">`.',
  responses: {
    200: { description: "JavaScript module", content: { "text/javascript": { schema: z.string() } } },
    429: errorResponses[429],
  },
});

export function registerWidgetScriptRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, (c) =>
    c.body(widgetScript, 200, {
      "content-type": "text/javascript; charset=utf-8",
      // The ETag lets a partner's visitors revalidate cheaply after a deploy changes the script.
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    }),
  );
}
