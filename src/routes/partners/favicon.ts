/**
 * @module
 * `GET /favicon.svg`: the icon /embed and /docs declare, so a browser showing them asks for
 * nothing that answers 404. An SVG is a few bytes and scales to every tab and home screen.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";

export const FAVICON_PATH = "/favicon.svg";

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5fff"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="15" font-weight="700" text-anchor="middle" fill="#fff">10c</text></svg>`;

const route = defineRoute({
  method: "get",
  path: FAVICON_PATH,
  tags: ["partners"],
  summary: "The icon of the HTML pages (SVG)",
  responses: {
    200: { description: "SVG image", content: { "image/svg+xml": { schema: z.string() } } },
    429: errorResponses[429],
  },
  "x-query-ignored": true,
});

export function registerFaviconRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, (c) =>
    c.body(ICON, 200, {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    }),
  );
}
