/**
 * @module
 * `tenc`: the operator's command line for a local or deployed tenc (docs/cli.md).
 */
import { writeFile } from "node:fs/promises";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { Api, DEFAULT_URL, describeFailure, exitCodeFor } from "./api.ts";
import { CliError, EXIT } from "./exit-codes.ts";

// The readers (exceljs, csv-parse, the country tables) load only for the command that reads a file.
const importRpw = () => import("./import-rpw.ts");
const importFiles = () => import("./import-files.ts");

const positiveInt = (name: string) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
  return n;
};

const program = new Command("tenc")
  .description("Operate a tenc service: import the World Bank's and the ECB's files, issue tokens and keys, export statistics.")
  .addOption(new Option("--url <url>", "the tenc service").env("TENC_URL").default(DEFAULT_URL))
  .addOption(new Option("--token <token>", "admin bearer token (prefer the TENC_TOKEN variable: a flag shows in the process list)").env("TENC_TOKEN"))
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

function api(cmd: Command): Api {
  const { url, token } = cmd.optsWithGlobals<{ url: string; token?: string }>();
  return new Api({ url, token });
}

function print(value: unknown): void {
  process.stdout.write(typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`);
}

function table(rows: Record<string, unknown>[], columns: string[]) {
  if (rows.length === 0) return print("(none)\n");
  const cells = [columns, ...rows.map((r) => columns.map((c) => String(r[c] ?? "")))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  print(cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n");
}

// import
const imports = program.command("import").description("import a data file into the service");
imports
  .command("rpw")
  .description("import the World Bank's Remittance Prices Worldwide workbook (.xlsx as downloaded) or a CSV of it; resumable")
  .argument("<file>", "rpw_dataset_….xlsx (both 'Dataset' sheets are read) or .csv")
  .addOption(new Option("--chunk-rows <n>", "rows per request (keep it the same when resuming)").argParser(positiveInt("--chunk-rows")).default(5000))
  .addOption(new Option("--concurrency <n>", "requests in flight at once").argParser(positiveInt("--concurrency")).default(2))
  .option("--no-wait", "end once the rows are stored, without waiting for the statistics to include them")
  .option("--json", "print the summary as JSON (for scripts)")
  .action(async (file: string, opts: { chunkRows: number; concurrency: number; wait: boolean; json?: boolean }, cmd: Command) => {
    const { importRpwFile, formatRpwSummary } = await importRpw();
    const summary = await importRpwFile(api(cmd), file, { chunkRows: opts.chunkRows, concurrency: opts.concurrency, waitForStatistics: opts.wait });
    print(opts.json ? summary : formatRpwSummary(summary) + "\n");
  });
imports
  .command("ecb")
  .description("import the ECB's euro reference rates (eurofxref-daily.xml, -hist-90d.xml or -hist.xml)")
  .argument("<file>", "the ECB XML file")
  .action(async (file: string, _opts: unknown, cmd: Command) => print(await (await importFiles()).importEcbFile(api(cmd), file)));
imports
  .command("flows")
  .description("import the World Bank's bilateral remittance matrix (.xlsx as downloaded, or .csv); replaces the flows loaded before")
  .argument("<file>", "the matrix, .xlsx or .csv")
  .action(async (file: string, _opts: unknown, cmd: Command) => print(await (await importFiles()).importFlowsFile(api(cmd), file)));

/** `list` and `revoke <id>` under `group`, for a collection of the admin API (tokens, partner keys). */
function listAndRevoke(group: Command, c: { path: string; field: string; what: string; one: string; columns: string[]; idHint: string }) {
  group
    .command("list")
    .description(`list ${c.what}`)
    .action(async (_opts: unknown, cmd: Command) => {
      const answer = await api(cmd).json<Record<string, Record<string, unknown>[]>>("GET", c.path);
      table(answer[c.field] ?? [], c.columns);
    });
  group
    .command("revoke")
    .description(`revoke ${c.one}`)
    .argument("<id>", c.idHint)
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await api(cmd).json("DELETE", `${c.path}/${encodeURIComponent(id)}`);
      print(`revoked ${id}\n`);
    });
}

// tokens
const tokens = program.command("tokens").description("provider and collector tokens");
tokens
  .command("create")
  .description("issue a token; its secret is printed once, store it")
  .addOption(new Option("--role <role>", "who holds it").choices(["provider", "collector"]).makeOptionMandatory())
  .option("--provider-id <id>", "the provider it writes for (role provider)")
  .action(async (opts: { role: string; providerId?: string }, cmd: Command) => {
    // A usage error, said in the command line's terms, before asking the API (whose answer names a JSON field).
    if (opts.role === "provider" && opts.providerId === undefined) cmd.error("error: --provider-id is required with --role provider", { exitCode: EXIT.usage });
    if (opts.role !== "provider" && opts.providerId !== undefined) cmd.error(`error: --provider-id is only for --role provider`, { exitCode: EXIT.usage });
    print(await api(cmd).json("POST", "/v1/admin/tokens", opts.role === "provider" ? { role: "provider", providerId: opts.providerId } : { role: opts.role }));
  });
listAndRevoke(tokens, { path: "/v1/admin/tokens", field: "tokens", what: "live tokens (never their secrets)", one: "a token", columns: ["id", "role", "providerId", "createdAt"], idHint: "tok_…" });

// keys
const keys = program.command("keys").description("partner API keys");
keys
  .command("create")
  .description("issue a partner API key; it is printed once, store it")
  .requiredOption("--name <name>", "who the key is for")
  .action(async (opts: { name: string }, cmd: Command) => print(await api(cmd).json("POST", "/v1/admin/keys", { name: opts.name })));
listAndRevoke(keys, { path: "/v1/admin/keys", field: "keys", what: "partner API keys (without the keys)", one: "a partner API key", columns: ["id", "name", "createdAt"], idHint: "16 hex digits" });

// stats
const stats = program.command("stats").description("published statistics");
stats
  .command("export")
  .description("the statistics of a quarter as CSV: every corridor (default) or the global figures")
  .option("--period <quarter>", "2019Q4 or RPW's 2019_4Q (default: the latest)")
  .addOption(new Option("--amount <usd>", "the surveyed amount").choices(["200", "500"]).default("200"))
  .addOption(new Option("--scope <scope>", "what to export").choices(["corridors", "global"]).default("corridors"))
  .option("-o, --out <file>", "write the CSV to this file instead of stdout")
  .action(async (opts: { period?: string; amount: string; scope: string; out?: string }, cmd: Command) => {
    const query = new URLSearchParams({ amount: opts.amount, format: "csv", ...(opts.period ? { period: opts.period } : {}) });
    const path = `/v1/stats/${opts.scope}?${query}`;
    const res = await api(cmd).send("GET", path);
    if (!res.ok) throw new CliError(`GET ${path}: ${await describeFailure(res)}`, exitCodeFor(res.status));
    const csv = await res.text();
    if (opts.out) await writeFile(opts.out, csv);
    else print(csv);
  });

process.on("SIGINT", () => {
  process.stderr.write("\ninterrupted: run the same command again to resume; chunks already accepted are not imported twice\n");
  process.exit(EXIT.interrupted);
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and --version end in a CommanderError too, with code 0.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof CliError) {
    process.stderr.write(`tenc: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`tenc: unexpected failure: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = EXIT.internal;
  }
}
