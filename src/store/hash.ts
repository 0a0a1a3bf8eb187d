/**
 * @module
 * SHA-256 as lower-case hex, and a constant-time comparison of two such digests.
 */
const encoder = new TextEncoder();

export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", typeof text === "string" ? encoder.encode(text) : text);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Equal-length hex digests compared without an early exit on the first difference. */
export function sameDigest(a: string, b: string): boolean {
  const ea = encoder.encode(a);
  const eb = encoder.encode(b);
  return ea.byteLength === eb.byteLength && crypto.subtle.timingSafeEqual(ea, eb);
}
