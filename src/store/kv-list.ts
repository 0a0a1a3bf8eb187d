/**
 * @module
 * Listing a KV prefix by its keys' metadata: one KV operation per 1000 keys, no value read.
 */
export async function listMetadata<T>(kv: KVNamespace, prefix: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list<T>({ prefix, cursor });
    for (const k of page.keys) if (k.metadata) out.push(k.metadata);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}
