/**
 * @module
 * The Worker's bindings and settings, as `wrangler types` generates them (worker-configuration.d.ts,
 * `npm run types`) from wrangler.toml, where each is explained, and the secret names in
 * .dev.vars.example. test/node/env-types.test.ts fails when the generated file drifts.
 */
export type Env = Cloudflare.Env;
