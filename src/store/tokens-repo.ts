/**
 * @module
 * Issued API tokens in KV: one key per token, named by the SHA-256 of its secret, so the secret
 * itself is never stored and a lookup is one KV read. The token's public id is the first 24 hex
 * digits of that hash (96 bits: no collisions in practice), which lets revocation find the key
 * with one prefix listing and keeps a token to one key (nothing to leave half-written).
 */
import type { Principal } from "../domain/principals.ts";
import { sameDigest, sha256Hex } from "./hash.ts";
import { keys } from "./keys.ts";

export type TokenRole = "provider" | "collector";

export interface TokenInfo {
  id: string;
  role: TokenRole;
  providerId?: string;
  createdAt: string;
}

interface StoredToken extends TokenInfo {
  hash: string;
}

export interface MintedToken {
  info: TokenInfo;
  /** Answered once to the operator; never stored. */
  secret: string;
  hash: string;
}

export type TokenGrant = { role: "provider"; providerId: string } | { role: "collector" };

export interface TokensRepo {
  /** Makes a new token without storing it, so its id can be audited before it exists. */
  mint(grant: TokenGrant, now: Date): Promise<MintedToken>;
  store(token: MintedToken): Promise<void>;
  /** The principal a presented secret stands for, or undefined. */
  authenticate(secret: string): Promise<Principal | undefined>;
  list(): Promise<TokenInfo[]>;
  find(id: string): Promise<TokenInfo | undefined>;
  /** Deletes the token, if there is one. */
  revoke(id: string): Promise<void>;
}

const ID_HEX_DIGITS = 24;
export const TOKEN_ID = /^tok_[0-9a-f]{24}$/;

function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let b64 = btoa(String.fromCharCode(...bytes));
  b64 = b64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  return `tenc_${b64}`;
}

const publicInfo = ({ id, role, providerId, createdAt }: TokenInfo): TokenInfo => ({ id, role, ...(providerId ? { providerId } : {}), createdAt });

export function kvTokensRepo(kv: KVNamespace): TokensRepo {
  // The id is the start of the hash that names the key: one prefix listing finds it.
  const keyOf = async (id: string) => (TOKEN_ID.test(id) ? (await kv.list<TokenInfo>({ prefix: keys.token(id.slice(4)), limit: 1 })).keys[0] : undefined);
  return {
    async mint(grant, now) {
      const secret = newSecret();
      const hash = await sha256Hex(secret);
      const info = publicInfo({ id: `tok_${hash.slice(0, ID_HEX_DIGITS)}`, role: grant.role, providerId: grant.role === "provider" ? grant.providerId : undefined, createdAt: now.toISOString() });
      return { info, secret, hash };
    },
    async store({ info, hash }) {
      const stored: StoredToken = { ...info, hash };
      await kv.put(keys.token(hash), JSON.stringify(stored), { metadata: info });
    },
    async authenticate(secret) {
      const hash = await sha256Hex(secret);
      const stored = await kv.get<StoredToken>(keys.token(hash), "json");
      if (!stored || !sameDigest(stored.hash, hash)) return undefined;
      if (stored.role === "provider" && stored.providerId) return { id: stored.id, role: "provider", providerId: stored.providerId };
      if (stored.role === "collector") return { id: stored.id, role: "collector" };
      return undefined;
    },
    async list() {
      const out: TokenInfo[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list<TokenInfo>({ prefix: keys.tokenPrefix, cursor });
        for (const k of page.keys) if (k.metadata) out.push(publicInfo(k.metadata));
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    },
    async find(id) {
      const found = await keyOf(id);
      return found?.metadata ? publicInfo(found.metadata) : undefined;
    },
    async revoke(id) {
      const found = await keyOf(id);
      if (found) await kv.delete(found.name);
    },
  };
}
