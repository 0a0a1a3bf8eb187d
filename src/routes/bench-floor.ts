/**
 * @module
 * `GET /__bench/floor/{corridor}`: the benchmark's floor, the least a request reading a corridor
 * can cost (one KV read, the value returned unchanged). Answers only when the `BENCH_FLOOR` var is
 * set, as it is in `npm run bench`; elsewhere it is the same 404 as any unknown path.
 */
import type { ApiApp } from "../http/api-routes.ts";
import type { AppEnv } from "../http/services.ts";
import { jsonWithEntityTag } from "../http/public-responses.ts";
import { keys } from "../store/keys.ts";

export function registerBenchFloorRoute(app: ApiApp<AppEnv>) {
  app.get("/__bench/floor/:corridor", async (c, next) => {
    if (!c.env.BENCH_FLOOR) return next();
    const value = await c.env.KV.get(keys.corridor(c.req.param("corridor")), "text");
    if (value === null) return c.body(null, 404);
    // As a public answer must be, with an entity tag: a value with no inputs but itself gets the
    // digest of its bytes (the comparison's tag comes from its inputs instead, compare-quotes.ts).
    return jsonWithEntityTag(c, value);
  });
}
