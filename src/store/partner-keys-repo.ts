/**
 * @module
 * Partner API keys in KV. A key reads `tenc_<id>_<secret>`: the id finds the record in one KV read,
 * and only the SHA-256 of the whole key is stored, so a leaked KV namespace leaks no usable key.
 * The secret has 256 random bits, which is why a fast hash is enough (no password stretching).
 */
import { keys } from "./keys.ts";
import { hex, sameDigest, sha256Hex } from "./hash.ts";
import { listMetadata } from "./kv-list.ts";

export interface PartnerKey {
  id: string;
  name: string;
  createdAt: string;
}

interface StoredKey extends PartnerKey {
  sha256: string;
}

/** A key made and not yet stored: `key` is the only time it exists in clear. */
export interface MintedKey {
  summary: PartnerKey;
  key: string;
  record: StoredKey;
}

export interface PartnerKeysRepo {
  mint(name: string, now: Date): Promise<MintedKey>;
  store(minted: MintedKey): Promise<void>;
  /** The key's summary, or null when there is no such key. */
  find(id: string): Promise<PartnerKey | null>;
  list(): Promise<PartnerKey[]>;
  /** false when there was no such key. */
  revoke(id: string): Promise<boolean>;
  /** The partner a presented key belongs to, or null (unknown, revoked or malformed). */
  verify(presented: string): Promise<PartnerKey | null>;
}

const KEY_SHAPE = /^tenc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export function kvPartnerKeysRepo(kv: KVNamespace): PartnerKeysRepo {
  return {
    async mint(name, now) {
      const id = hex(crypto.getRandomValues(new Uint8Array(8)));
      const key = `tenc_${id}_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
      const record: StoredKey = { id, name, createdAt: now.toISOString(), sha256: await sha256Hex(key) };
      return { summary: { id, name, createdAt: record.createdAt }, key, record };
    },
    async store({ summary, record }) {
      // The summary as metadata: the listing reads no value.
      await kv.put(keys.partnerKey(summary.id), JSON.stringify(record), { metadata: summary });
    },
    async find(id) {
      return (await kv.getWithMetadata<PartnerKey>(keys.partnerKey(id))).metadata;
    },
    async list() {
      const all = await listMetadata<PartnerKey>(kv, keys.partnerKeyPrefix);
      return all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    },
    async revoke(id) {
      if ((await kv.get(keys.partnerKey(id))) === null) return false;
      await kv.delete(keys.partnerKey(id));
      return true;
    },
    async verify(presented) {
      const m = KEY_SHAPE.exec(presented);
      if (!m) return null;
      const record = await kv.get<StoredKey>(keys.partnerKey(m[1]!), "json");
      if (!record) return null;
      if (!sameDigest(record.sha256, await sha256Hex(presented))) return null;
      return { id: record.id, name: record.name, createdAt: record.createdAt };
    },
  };
}
