/**
 * The pinned form of a comparison: the computed fields of every quote in order, for readable
 * diffs, and a SHA-256 of the whole response body, so no field can drift unseen.
 */
import type { Comparison } from "../../src/domain/compare.ts";

export function compact(c: Comparison) {
  return {
    quotes: c.quotes.map((q) => [
      q.provider.id,
      q.product,
      q.sendAmount.amount,
      q.fee.amount,
      q.senderPays.amount,
      q.recipientGets.amount,
      q.totalCost.amount,
      q.totalCost.percent,
      q.fxMarginPercent,
      q.sdg,
      q.midRate,
    ]),
    unpriced: c.unpriced.map((u) => `${u.provider}/${u.product}: ${u.reason}`),
  };
}

export async function sha256(value: unknown): Promise<string> {
  const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(value)));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
