/**
 * @module
 * Request body limits and security headers, applied to every route. Imports (RPW CSV, ECB XML,
 * flows CSV) are whole datasets, so their limit is larger than a JSON write's.
 */
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { problemResponse } from "./problem.ts";
import type { AppEnv } from "./services.ts";

export const JSON_BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
const IMPORTS = "/v1/admin/imports/";

const tooLarge = (max: number) =>
  bodyLimit({ maxSize: max, onError: () => problemResponse(413, "payload-too-large", "Payload too large", `the body must not exceed ${max} bytes`) });
const jsonLimit = tooLarge(JSON_BODY_LIMIT);
const importLimit = tooLarge(IMPORT_BODY_LIMIT);

export const bodyLimits = createMiddleware<AppEnv>(function bodyLimits(c, next) {
  return (c.req.path.startsWith(IMPORTS) ? importLimit : jsonLimit)(c, next);
});

// A public API whose answers partners fetch and embed: other origins may load its resources;
// handlers that set a header themselves keep theirs.
const common = { crossOriginResourcePolicy: "cross-origin", overwrite: false } as const;
const strict = secureHeaders({ ...common, xFrameOptions: "DENY" });
// The embeddable comparison is meant to be framed by partner pages.
const framable = secureHeaders({ ...common, xFrameOptions: false });

export const securityHeaders = createMiddleware<AppEnv>(function securityHeaders(c, next) {
  return (c.req.path === "/embed" || c.req.path.startsWith("/embed/") ? framable : strict)(c, next);
});
