/**
 * Writes test/pinned/compare-golden.json from the current engine. Run once, with the engine whose
 * outputs are the spec (`node bench/pin-comparisons.ts`); the pinned test then holds every later
 * engine to the same digits.
 */
import { writeFileSync } from "node:fs";
import { compare } from "../src/domain/compare.ts";
import { Decimal } from "../src/domain/money.ts";
import { pinnedCorridor, pinnedRequests } from "../test/pinned/cases.ts";
import { compact, sha256 } from "../test/pinned/golden.ts";

const { doc, mids } = pinnedCorridor(16);
const cases = [];
for (const req of pinnedRequests()) {
  const result = compare(doc, mids, { ...req, amount: new Decimal(req.amount) });
  cases.push({ ...compact(result), sha256: await sha256(result) });
}
writeFileSync(new URL("../test/pinned/compare-golden.json", import.meta.url), JSON.stringify(cases, null, 0).replaceAll('{"quotes"', '\n{"quotes"') + "\n");
console.log(`pinned ${cases.length} comparisons`);
