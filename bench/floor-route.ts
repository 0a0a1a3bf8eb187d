/**
 * @module
 * `GET /__bench/floor/{corridor}`: the benchmark's floor, the least a request reading a corridor
 * can cost (one KV read, the value returned unchanged), behind the same middleware as every route.
 * Only the bench's worker (worker-entry.ts) has it; the production bundle does not.
 */
import type { ApiApp } from "../src/http/api-routes.ts";
import type { AppEnv } from "../src/http/services.ts";
import { jsonWithEntityTag } from "../src/http/public-responses.ts";
import { keys } from "../src/store/keys.ts";

export function registerBenchFloorRoute(app: ApiApp<AppEnv>) {
  app.get("/__bench/floor/:corridor", async (c) => {
    const value = await c.env.KV.get(keys.corridor(c.req.param("corridor")), "text");
    if (value === null) return c.body(null, 404);
    // As a public answer must be, with an entity tag: a value with no inputs but itself gets the
    // digest of its bytes (the comparison's tag comes from its inputs instead, compare-quotes.ts).
    return jsonWithEntityTag(c, value);
  });
}
