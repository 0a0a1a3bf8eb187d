/**
 * Writes test/pinned/compare-golden.json from the current engine (`node bench/pin-comparisons.ts`).
 * Run only when a change to the figures is meant, and list every changed figure in the commit.
 */
import { writeFileSync } from "node:fs";
import { compare } from "../src/domain/compare.ts";
import { Decimal } from "../src/domain/money.ts";
import { pinnedCorridor, pinnedRequests } from "../test/pinned/cases.ts";
import { compact, sha256 } from "../test/pinned/golden.ts";

const { doc, mids } = pinnedCorridor(16);
const cases = [];
for (const req of pinnedRequests()) {
  // As the pinned test hashes it: `excluded` came after the first pin and is always empty here.
  const { excluded: _, ...result } = compare(doc, mids, { ...req, amount: new Decimal(req.amount) });
  cases.push({ ...compact(result), sha256: await sha256(result) });
}
writeFileSync(new URL("../test/pinned/compare-golden.json", import.meta.url), JSON.stringify(cases, null, 0).replaceAll('{"quotes"', '\n{"quotes"') + "\n");
console.log(`pinned ${cases.length} comparisons`);
