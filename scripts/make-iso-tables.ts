/**
 * Writes src/domain/generated-iso-tables.ts from the libraries (scripts/iso-tables.ts says why):
 * run after upgrading i18n-iso-countries, world-countries or currency-codes, and commit the result.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderIsoTables, TABLES_PATH } from "./iso-tables.ts";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", TABLES_PATH);
const text = renderIsoTables(createRequire(import.meta.url)("i18n-iso-countries/langs/en.json"));
const before = await readFile(out, "utf8").catch(() => "");
await writeFile(out, text);
console.log(`${TABLES_PATH}: ${before === text ? "unchanged" : "written"}, ${new TextEncoder().encode(text).length} bytes`);
