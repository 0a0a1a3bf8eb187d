/**
 * @module
 * Who may call the admin API: the roles a token can carry and the principal a request acts as.
 * Here, not in src/http/, because the stores record them too (tokens-repo, audit-repo).
 */

export const roles = ["operator", "provider", "collector"] as const;
export type Role = (typeof roles)[number];

/** Who is calling: the operator (ADMIN_TOKEN) or the holder of an issued token. */
export type Principal = { id: "operator"; role: "operator" } | { id: string; role: "provider"; providerId: string } | { id: string; role: "collector" };
