/**
 * The rest of `tenc` against a local `wrangler dev`: tokens and keys, the flows workbook, the ECB
 * file, and the exit codes and messages scripts rely on (docs/cli.md).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, freePort, startWorker, type LocalWorker } from "../browser/local-worker.ts";
import { runCli } from "./run-cli.ts";

describe("tenc", () => {
  let dir: string;
  let worker: LocalWorker;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tenc-cli-"));
    worker = await startWorker();
    env = { TENC_URL: worker.origin, TENC_TOKEN: ADMIN_TOKEN };
  });
  afterAll(async () => {
    await worker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("issues, lists and revokes tokens and partner keys", async () => {
    const created = await runCli(["tokens", "create", "--role", "provider", "--provider-id", "alpha-remit"], env);
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as { id: string; token: string };
    expect(token.token.length).toBeGreaterThan(10);
    const listed = await runCli(["tokens", "list"], env);
    expect(listed.stdout).toContain(token.id);
    expect(listed.stdout).not.toContain(token.token);
    expect((await runCli(["tokens", "revoke", token.id], env)).code).toBe(0);
    expect((await runCli(["tokens", "list"], env)).stdout).not.toContain(token.id);

    const key = JSON.parse((await runCli(["keys", "create", "--name", "Diaspora portal"], env)).stdout) as { id: string; key: string };
    const keys = await runCli(["keys", "list"], env);
    expect(keys.stdout).toMatch(new RegExp(`${key.id}\\s+Diaspora portal`));
    expect(await runCli(["keys", "revoke", key.id], env)).toMatchObject({ code: 0, stdout: `revoked ${key.id}\n` });
    expect((await runCli(["keys", "list"], env)).stdout).not.toContain(key.id);
  });

  it("imports the bilateral remittance matrix from its workbook as from its CSV", async () => {
    const rows: (string | number)[][] = [
      ["Bilateral Remittance Matrix 2017 (USD millions)"],
      ["receiving (across) / sending (down)", "Kenya", "Uganda", "Tanzania", "WORLD"],
      ["Kenya", "", 12.5, "3", 15.5],
      ["Uganda", 30, "", "-", 30],
      ["Tanzania", 4.25, 1, "", 5.25],
      ["WORLD", 34.25, 13.5, 3, 50.75],
      ["Notes: test matrix"],
    ];
    const xlsx = join(dir, "bilateral.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Bilateral Remittances 2017").addRows(rows);
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await runCli(["import", "flows", xlsx], env);
    expect(fromXlsx.stderr).toBe("");
    expect(fromXlsx.code).toBe(0);
    const report = JSON.parse(fromXlsx.stdout) as { flows: number; sendingCountries: number };
    expect(report).toMatchObject({ flows: 5, sendingCountries: 3 });

    const csv = join(dir, "bilateral.csv");
    await writeFile(csv, rows.map((r) => r.join(",")).join("\n") + "\n");
    const fromCsv = await runCli(["import", "flows", csv], env);
    expect(JSON.parse(fromCsv.stdout)).toEqual(report);
  });

  it("imports a CSV of the dataset too", async () => {
    const csv = join(import.meta.dirname, "..", "..", "data", "rpw", "rpw_eastafrica_2011Q1-2019Q4.csv");
    const run = await runCli(["import", "rpw", csv, "--json"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dataRows: 2220, imported: 2220, alreadyPresent: 0, skippedTotal: 0, sheets: [""], statistics: "published" });
    // README's check against the World Bank: KEN→UGA 2011Q3, 11 transparent rows of 12, 9.7009 %.
    const res = await fetch(`${worker.origin}/v1/stats/corridors/KEN-UGA?period=2011Q3`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(await res.json()).toMatchObject({ services: 12, transparentServices: 11, averageTotalCostPercent: "9.7009" });
  });

  it("imports the ECB's reference rates", async () => {
    const xml = join(dir, "eurofxref-daily.xml");
    await writeFile(
      xml,
      `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube><Cube time="2026-11-20"><Cube currency="USD" rate="1.0512"/><Cube currency="GBP" rate="0.8321"/></Cube></Cube>
</gesmes:Envelope>
`,
    );
    const run = await runCli(["import", "ecb", xml], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ days: 1, latest: "2026-11-20" });
  });

  it("ends with the documented exit codes and says why, never showing the token", async () => {
    const wrongToken = "not-the-admin-token-123";
    const denied = await runCli(["tokens", "list", "--token", wrongToken], env);
    expect(denied.code).toBe(4);
    expect(denied.stderr).toMatch(/^tenc: GET \/v1\/admin\/tokens: 401 /);
    expect(denied.stderr + denied.stdout).not.toContain(wrongToken);

    const rejected = await runCli(["tokens", "create", "--role", "provider", "--provider-id", "Not A Slug!"], env);
    expect(rejected.code).toBe(5);
    expect(rejected.stderr).toMatch(/^tenc: POST \/v1\/admin\/tokens: 400 .*providerId/);

    const nowhere = await runCli(["keys", "list"], { ...env, TENC_URL: `http://127.0.0.1:${await freePort()}` });
    expect(nowhere.code).toBe(6);
    expect(nowhere.stderr).toContain("cannot reach");

    const missing = await runCli(["import", "rpw", join(dir, "nothing-here.xlsx")], env);
    expect(missing.code).toBe(3);
    const notRpw = join(dir, "not-rpw.csv");
    await writeFile(notRpw, "a,b,c\n1,2,3\n");
    const wrongFile = await runCli(["import", "rpw", notRpw], env);
    expect(wrongFile.code).toBe(3);
    expect(wrongFile.stderr).toContain("no sheet has RPW's header row");

    expect((await runCli(["import", "rpw"], env)).code).toBe(2);
    expect((await runCli(["frobnicate"], env)).code).toBe(2);
    for (const command of [[], ["import"], ["import", "rpw"], ["import", "ecb"], ["import", "flows"], ["tokens", "create"], ["tokens", "list"], ["tokens", "revoke"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"], ["stats", "export"]]) {
      const help = await runCli([...command, "--help"], env);
      expect(help.code, command.join(" ")).toBe(0);
      expect(help.stdout).toContain(`Usage: tenc ${command.join(" ")}`.trim());
    }
  }, 120_000);
});
