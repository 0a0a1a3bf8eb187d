/**
 * @module
 * `GET /docs`: the OpenAPI document rendered for people, on the server, as plain HTML. No script,
 * no CDN: a partner's developer reads it anywhere, and the page cannot run anything.
 */
import { html } from "hono/html";
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { FAVICON_PATH } from "./favicon.ts";
import { openApiDocument } from "./openapi-document.ts";

const route = defineRoute({
  method: "get",
  path: "/docs",
  tags: ["partners"],
  summary: "The API documentation, for people (HTML rendering of /openapi.json)",
  responses: {
    200: { description: "An HTML page", content: { "text/html": { schema: z.string() } } },
    429: errorResponses[429],
  },
});

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

// Loose views of the generated document: only what the page shows.
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

/** A one-line type for a parameter: its enum values, or its type, from the JSON Schema. */
function typeOf(schema: unknown): string {
  const s = (schema ?? {}) as { type?: string | string[]; enum?: unknown[]; pattern?: string };
  if (s.enum) return s.enum.map(String).join(" | ");
  return [s.type ? [s.type].flat().join(" | ") : "", s.pattern ? `/${s.pattern}/` : ""].filter(Boolean).join(" ");
}

const anchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-zA-Z0-9-]+/g, "-");

function operationHtml(method: string, path: string, op: Operation) {
  const id = anchor(method, path);
  const bearer = op.security?.some((s) => "bearer" in s);
  return html`<section id="${id}">
  <h3><code>${method.toUpperCase()} ${path}</code>${bearer ? html` <span class="auth">bearer token</span>` : ""}</h3>
  <p>${op.summary ?? ""}</p>${op.description ? html`<p>${op.description}</p>` : ""}
  ${op.parameters?.length
    ? html`<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">description</th></tr></thead><tbody>
    ${op.parameters.map((p) => html`<tr><td><code>${p.name}</code>${p.required ? " (required)" : ""}</td><td>${p.in}</td><td><code>${typeOf(p.schema)}</code></td><td>${p.description ?? ""}</td></tr>`)}
    </tbody></table>`
    : ""}
  ${op.requestBody ? html`<p>Body: <code>${Object.keys(op.requestBody.content ?? {}).join(", ")}</code></p>` : ""}
  <dl>${Object.entries(op.responses ?? {}).map(
    ([status, r]) => html`<dt>${status} <code>${Object.keys(r.content ?? {}).join(", ")}</code></dt><dd>${r.description ?? ""}</dd>`,
  )}</dl>
</section>`;
}

// Sizes in rem, so a reader's larger text setting applies; long paths, types and schemas wrap
// instead of scrolling sideways (a scrolling box is one more stop for a keyboard user).
const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;overflow-wrap:anywhere}
code{font-family:ui-monospace,monospace}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600}section{border-top:1px solid #ddd;padding-top:.5rem}.auth{font-size:.8rem;background:#fde7c8;padding:0 .4rem;border-radius:.3rem}
dt{font-weight:600}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}`;

export function registerDocsRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const doc = openApiDocument(app, new URL(c.req.url).origin);
    const paths = Object.entries(doc.paths ?? {}) as [string, Record<string, Operation>][];
    const operations = paths.flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m]! })));
    const page = await html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.info.title} — API</title><link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml"><style>${STYLE}</style></head>
<body><main>
<h1>${doc.info.title}</h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${doc.openapi}). Errors are <code>application/problem+json</code>.</p>
<nav aria-label="Operations"><ul>${operations.map(({ method, path }) => html`<li><a href="#${anchor(method, path)}"><code>${method.toUpperCase()} ${path}</code></a></li>`)}</ul></nav>
<h2>Operations</h2>
${operations.map(({ method, path, op }) => operationHtml(method, path, op))}
<h2>Schemas</h2>
${Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => html`<section><h3 id="schema-${name}">${name}</h3><pre>${JSON.stringify(schema, null, 2)}</pre></section>`)}
</main></body></html>`;
    // The page has no script at all; its one inline style and its icon are all it may load.
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'");
    return c.html(page, 200);
  });
}
