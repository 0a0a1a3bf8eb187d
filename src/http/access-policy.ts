/**
 * @module
 * Who may do what on the admin API, as data: each action names the requests it covers, each role
 * the actions it may take. A new admin route needs no code here unless a role other than the
 * operator must reach it; then it is one line in `actions` and the action's name in `roles`.
 * Requests no action covers are the operator's alone (deny by default).
 */

import type { Principal, Role } from "../domain/principals.ts";

interface ActionRule {
  /** An HTTP method, or "*" for any. */
  method: string;
  /** A URLPattern pathname: `:name` captures one segment, `*` the rest. */
  path: string;
  /** For provider tokens: the path parameter that must equal the token's own provider id. */
  providerParam?: string;
}

export const actions = {
  "quotes:write": { method: "PUT", path: "/v1/admin/corridors/:corridor/quotes/:providerId", providerParam: "providerId" },
  "rates:write": { method: "PUT", path: "/v1/admin/rates/:base/:quote" },
  // The ECB file sets the current reference rates every comparison uses: a rates write, not a
  // collector's import. Listed before imports:run, since the first matching action decides.
  "rates:import": { method: "POST", path: "/v1/admin/imports/ecb" },
  "imports:run": { method: "POST", path: "/v1/admin/imports/*" },
  "keys:manage": { method: "*", path: "/v1/admin/keys{/*}?" },
  "tokens:manage": { method: "*", path: "/v1/admin/tokens{/*}?" },
  "audit:read": { method: "GET", path: "/v1/admin/audit" },
  "history:read": { method: "GET", path: "/v1/admin/corridors/:corridor/history" },
} satisfies Record<string, ActionRule>;
export type Action = keyof typeof actions;

/** What each role may do besides the operator, who may do everything. */
export const grants: Record<Exclude<Role, "operator">, readonly Action[]> = {
  provider: ["quotes:write"],
  collector: ["imports:run"],
};

const compiled = Object.entries(actions).map(([name, rule]) => ({
  name: name as Action,
  rule: rule as ActionRule,
  pattern: new URLPattern({ pathname: rule.path }),
}));

/** The action a request is, with its path parameters, or undefined when no rule covers it. */
export function actionOf(method: string, pathname: string): { action: Action; params: Record<string, string | undefined>; rule: ActionRule } | undefined {
  const m = method.toUpperCase();
  for (const { name, rule, pattern } of compiled) {
    if (rule.method !== "*" && rule.method !== m && !(rule.method === "GET" && m === "HEAD")) continue;
    const match = pattern.exec({ pathname });
    if (match) return { action: name, params: match.pathname.groups, rule };
  }
  return undefined;
}

function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export type Decision = { allowed: true; action: Action | undefined } | { allowed: false; reason: string };

/** Decides one request. Pure: the tests and the middleware share it. */
export function authorize(principal: Principal, method: string, pathname: string): Decision {
  const found = actionOf(method, pathname);
  if (principal.role === "operator") return { allowed: true, action: found?.action };
  if (!found || !grants[principal.role].includes(found.action)) {
    return { allowed: false, reason: `a ${principal.role} token may not ${method.toUpperCase()} ${pathname}` };
  }
  const param = found.rule.providerParam;
  if (principal.role === "provider" && param !== undefined && decoded(found.params[param]) !== principal.providerId) {
    return { allowed: false, reason: `this token writes only provider '${principal.providerId}'` };
  }
  return { allowed: true, action: found.action };
}
