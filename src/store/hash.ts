/**
 * @module
 * Bytes and SHA-256 digests as lower-case hex, and a constant-time comparison of two such digests.
 */
const encoder = new TextEncoder();

/** Bytes as lower-case hex, two digits each. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  let out = "";
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, "0");
  return out;
}

export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", typeof text === "string" ? encoder.encode(text) : text));
}

/** Equal-length hex digests compared without an early exit on the first difference. */
export function sameDigest(a: string, b: string): boolean {
  const ea = encoder.encode(a);
  const eb = encoder.encode(b);
  return ea.byteLength === eb.byteLength && crypto.subtle.timingSafeEqual(ea, eb);
}
