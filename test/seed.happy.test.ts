/**
 * The seed data of corridors/, loaded the way `npm start` loads it, reproduces the World Bank's
 * published total cost of every 2019Q4 product it was made from.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { beforeAll, describe, expect, it } from "vitest";
import rpwCsv from "../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import { seedRequests, type SeedFile } from "../src/seed/seed-requests.ts";
import { adminCall, call, json } from "./helpers.ts";

const files = Object.values(import.meta.glob<SeedFile>("../corridors/*.json", { eager: true, import: "default" }));

beforeAll(async () => {
  for (const file of files) {
    const answers = await Promise.all(seedRequests(file).map((r) => adminCall(r.method, r.path, r.body)));
    for (const a of answers) expect(a.status, await a.clone().text()).toBe(200);
  }
});

describe("the seed data", () => {
  it("Should list at least 12 corridors, the sample ones labelled as such", async () => {
    const { corridors } = await json(await call("/v1/corridors"));
    expect(corridors.length).toBe(files.length);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const c of corridors) {
      const file = files.find((f) => f.corridor === c.id)!;
      expect(c.sample).toBe(file.sample);
      expect(c.providers).toBe(file.providers.length);
    }
  });

  it("Should cite a source in every corridor and every product", async () => {
    for (const file of files) {
      const body = await json(await call(`/v1/corridors/${file.corridor}`));
      expect(body.sources.length).toBeGreaterThan(0);
      expect(file.source.length).toBeGreaterThan(0);
    }
  });

  it("Should reproduce RPW's published 2019Q4 total cost % of every product to 0.01 pp", async () => {
    const rows: Record<string, string>[] = parse(rpwCsv, { columns: true, skip_empty_lines: true });
    const latest = rows.filter((r) => r.PERIOD === "2019_4Q");
    let checked = 0;
    let worst = 0;
    for (const file of files.filter((f) => !f.sample)) {
      const sample = latest.find((r) => `${r.SOURCE_CODE}-${r.DESTINATION_CODE}` === file.corridor)!;
      const { quotes } = await json(await call(`/v1/corridors/${file.corridor}/quotes?amount=${sample["CC1 LCU AMOUNT"]}`));
      for (const row of latest.filter((r) => `${r.SOURCE_CODE}-${r.DESTINATION_CODE}` === file.corridor)) {
        const shown = quotes.filter((q: any) => q.provider.name === row.FIRM);
        expect(shown.length, `${file.corridor} ${row.FIRM}`).toBeGreaterThan(0);
        // A firm may offer several products; the row is reproduced by one of them.
        const deviation = Math.min(...shown.map((q: any) => Math.abs(Number(q.totalCost.percent) - Number(row["CC1 TOTAL COST %"]))));
        worst = Math.max(worst, deviation);
        checked++;
      }
    }
    expect(checked).toBe(latest.length);
    expect(worst).toBeLessThanOrEqual(0.01);
  });
});
