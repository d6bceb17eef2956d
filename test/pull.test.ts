/**
 * `kqlgen pull` in-process against the loopback Azure server: the real
 * DefaultAzureCredential (pinned to AzureCliCredential, with a fake `az`) and
 * the real Logs query client and Azure core pipeline, trusting the server
 * through an https.Agent. Requests, token scopes, snapshots written.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "./helpers/env.js";
import { isBareKustoName, quoteIdentifier } from "../src/model/kusto-names.js";
import type { Table } from "../src/model/schema.js";
import { writeSnapshots } from "../src/output/snapshots.js";
import { readSchemaDir } from "../src/sources/index.js";
import { pullSchemas, type PullOptions } from "../src/sources/live/pull.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { ALL_SCHEMAS, AzureServer, FAST_RETRY, FIXTURES, logAnalyticsVersion, portalTable, removeTmpDirs, runPull, tableOfQuery, tmpDir, WORKSPACE, writeFakeAz, type FakeAz } from "./helpers/azure-server.js";

let server: AzureServer;
let az: FakeAz;
let fixtures: readonly Table[];
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await AzureServer.start();
  az = await writeFakeAz();
  Object.assign(process.env, az.env());
  fixtures = (await readSchemaDir(ALL_SCHEMAS)).tables;
});
afterAll(async () => {
  setEnv(savedEnv);
  await server.close();
  await removeTmpDirs();
});
beforeEach(() => server.reset());

const fast = FAST_RETRY;
function la(extra: Partial<PullOptions> = {}): PullOptions {
  return { workspace: WORKSPACE, endpoint: server.logAnalyticsEndpoint, agent: server.agent, retry: fast, ...extra };
}
const fixture = (name: string) => fixtures.find((t) => t.name === name)!;
const columnsOf = (t: Table) => t.columns.map((c) => [c.name, c.type, c.ordinal]);

describe("Log Analytics", () => {
  it("one getschema query per table, with the Log Analytics token scope; schemas read as the fixtures say", async () => {
    const result = await pullSchemas(la({ tables: ["DeviceInfo", "AlertInfo", "KqlgenAllTypes"] }));
    expect(result.from).toBe(`Log Analytics workspace ${WORKSPACE}`);
    expect(result.platform).toBe("log-analytics");
    expect(result.schema.tables.map((t) => [t.name, t.platform])).toEqual([
      ["AlertInfo", "log-analytics"],
      ["DeviceInfo", "log-analytics"],
      ["KqlgenAllTypes", "log-analytics"],
    ]);
    for (const t of result.schema.tables) expect(columnsOf(t)).toEqual(columnsOf(fixture(t.name)));

    const requests = server.requestsFor("query");
    expect(requests.map((r) => [r.method, r.path, r.body, r.audience, r.attempt]).sort()).toEqual(
      ["AlertInfo", "DeviceInfo", "KqlgenAllTypes"].map((t) => [
        "POST",
        `/v1/workspaces/${WORKSPACE}/query`,
        { query: `${t} | getschema`, timespan: "P1D" },
        "https://api.loganalytics.io",
        1,
      ]),
    );
    expect(requests[0]!.userAgent).toMatch(/^kqlgen azsdk-js-client azsdk-js-api azsdk-js-monitor-query-logs\/1\.0\.0 /);
    // The token came from `az`, asked for the Log Analytics resource.
    expect((await az.calls()).at(-1)).toEqual(["account", "get-access-token", "--output", "json", "--resource", "https://api.loganalytics.io"]);
  });

  it("--all lists the tables through the metadata API, then asks each for its schema", async () => {
    const result = await pullSchemas(la({ all: true }));
    expect(result.schema.tables.map((t) => t.name)).toEqual(fixtures.map((t) => t.name));
    const metadata = server.requestsFor("metadata");
    expect(metadata.map((r) => [r.method, r.path, r.audience])).toEqual([["GET", `/v1/workspaces/${WORKSPACE}/metadata`, "https://api.loganalytics.io"]]);
    expect(server.requestsFor("query").map((r) => r.table).sort()).toEqual(fixtures.map((t) => t.name));
  });

  it("asks for at most --concurrency tables at once", async () => {
    server.inject({ api: "query", delayMs: 60 });
    await pullSchemas(la({ tables: fixtures.slice(0, 6).map((t) => t.name), concurrency: 2 }));
    expect(server.requestsFor("query")).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it("a table whose name is a Kusto keyword is bracketed in the query", async () => {
    const where: Table = { name: "where", columns: [{ name: "x", type: "long", ordinal: 0 }] };
    server.workspaces.set(WORKSPACE, [...fixtures, where]);
    try {
      const result = await pullSchemas(la({ tables: ["where"] }));
      expect(server.requestsFor("query").map((r) => r.query)).toEqual(['["where"] | getschema']);
      expect(columnsOf(result.schema.tables[0]!)).toEqual([["x", "long", 0]]);
    } finally {
      server.workspaces.set(WORKSPACE, fixtures);
    }
  });

  it("--cloud usgov asks for the US Government scope and --tenant reaches az", async () => {
    const gov = await AzureServer.start({ workspaces: new Map([[WORKSPACE, fixtures]]), hunting: fixtures, logAnalyticsAudience: "https://api.loganalytics.us" });
    try {
      await pullSchemas({ workspace: WORKSPACE, tables: ["AlertInfo"], cloud: "usgov", tenant: "contoso.onmicrosoft.us", endpoint: gov.logAnalyticsEndpoint, agent: gov.agent });
      expect(gov.requestsFor("query").map((r) => r.audience)).toEqual(["https://api.loganalytics.us"]);
      expect((await az.calls()).at(-1)).toEqual(["account", "get-access-token", "--output", "json", "--resource", "https://api.loganalytics.us", "--tenant", "contoso.onmicrosoft.us"]);
    } finally {
      await gov.close();
    }
  });
});

describe("Microsoft Graph runHuntingQuery", () => {
  it("POSTs the getschema query with the Graph scope; tables come out as Defender advanced hunting", async () => {
    const result = await pullSchemas({ source: "graph", tables: ["DeviceProcessEvents", "CloudAppEvents"], endpoint: server.graphEndpoint, agent: server.agent, retry: fast });
    expect(result.from).toBe("Microsoft Graph runHuntingQuery");
    expect(result.schema.tables.map((t) => [t.name, t.platform])).toEqual([
      ["CloudAppEvents", "defender-advanced-hunting"],
      ["DeviceProcessEvents", "defender-advanced-hunting"],
    ]);
    for (const t of result.schema.tables) expect(columnsOf(t)).toEqual(columnsOf(fixture(t.name)));
    expect(server.requestsFor("graph").map((r) => [r.method, r.path, r.body, r.audience]).sort()).toEqual(
      ["CloudAppEvents", "DeviceProcessEvents"].map((t) => ["POST", "/graph/v1.0/security/runHuntingQuery", { Query: `${t} | getschema`, Timespan: "P1D" }, "https://graph.microsoft.com"]),
    );
    expect((await az.calls()).at(-1)).toEqual(["account", "get-access-token", "--output", "json", "--resource", "https://graph.microsoft.com"]);
  });
});

describe("snapshots", () => {
  const run = (argv: string[]) => runPull(server, argv.slice(1));
  const pullArgs = (out: string, ...more: string[]) => ["pull", "--workspace", WORKSPACE, "--endpoint", server.logAnalyticsEndpoint, "--out", out, ...more];

  it("writes kqlgen snapshots; re-pulling the same schema rewrites nothing, byte for byte", async () => {
    const dir = await tmpDir("snap");
    const first = await run(pullArgs(dir, "--tables", "DeviceInfo,AlertInfo"));
    expect(first).toEqual({
      code: 0,
      out: [
        "kqlgen: wrote AlertInfo.kqlgen.json",
        "kqlgen: wrote DeviceInfo.kqlgen.json",
        `kqlgen: pulled 2 tables from Log Analytics workspace ${WORKSPACE} into ${dir}: 2 written, 0 unchanged`,
      ].join("\n"),
      err: "",
    });
    const text = await readFile(path.join(dir, "DeviceInfo.kqlgen.json"), "utf8");
    expect(text).toBe(writeSnapshot({ ...fixture("DeviceInfo"), platform: "log-analytics" }));
    expect(JSON.parse(text)).toMatchObject({ format: "kqlgen.snapshot/v1", table: "DeviceInfo", platform: "log-analytics" });
    const before = await stat(path.join(dir, "DeviceInfo.kqlgen.json"));

    const again = await run(pullArgs(dir, "--tables", "AlertInfo,DeviceInfo"));
    expect(again.out).toBe(`kqlgen: pulled 2 tables from Log Analytics workspace ${WORKSPACE} into ${dir}: 0 written, 2 unchanged`);
    expect(await readFile(path.join(dir, "DeviceInfo.kqlgen.json"), "utf8")).toBe(text);
    expect((await stat(path.join(dir, "DeviceInfo.kqlgen.json"))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(dir)).sort()).toEqual(["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json"]);
  });

  it("without --out, the snapshots go to the config's schemas folder, the config found by walking up", async () => {
    const project = await tmpDir("config-out");
    await writeFile(path.join(project, "kqlgen.config.json"), JSON.stringify({ schemas: "tables", out: "gen" }));
    await mkdir(path.join(project, "sub", "deeper"), { recursive: true });
    const before = process.cwd();
    process.chdir(path.join(project, "sub", "deeper"));
    try {
      const r = await run(["pull", "--workspace", WORKSPACE, "--endpoint", server.logAnalyticsEndpoint, "--tables", "AlertInfo"]);
      expect(r.code).toBe(0);
      expect(r.out.split("\n").at(-1)).toBe(`kqlgen: pulled 1 table from Log Analytics workspace ${WORKSPACE} into ${path.join("..", "..", "tables")}: 1 written, 0 unchanged`);
    } finally {
      process.chdir(before);
    }
    expect(await readdir(path.join(project, "tables"))).toEqual(["AlertInfo.kqlgen.json"]);
    // --config names the config; without a config and without --out there is nowhere to write.
    const elsewhere = await mkdtemp(path.join(tmpdir(), "kqlgen-pull-"));
    try {
      const named = await run(["pull", "--workspace", WORKSPACE, "--endpoint", server.logAnalyticsEndpoint, "--tables", "DeviceInfo", "--config", path.join(project, "kqlgen.config.json")]);
      expect(named.code).toBe(0);
      expect((await readdir(path.join(project, "tables"))).sort()).toEqual(["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json"]);
      process.chdir(elsewhere);
      const none = await run(["pull", "--workspace", WORKSPACE, "--endpoint", server.logAnalyticsEndpoint, "--tables", "AlertInfo"]);
      expect(none).toEqual({
        code: 2,
        out: "",
        err: 'kqlgen: error: no schemas folder: pass --out <dir> or name "schemas" in the config (no kqlgen.config.json in this folder or a folder above it); run `kqlgen init` to write a kqlgen.config.json that names the schemas and output folders',
      });
      expect(server.requestsFor("query").filter((q) => q.table === "AlertInfo")).toHaveLength(1);
    } finally {
      process.chdir(before);
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("an --out folder that does not exist yet is made", async () => {
    const dir = path.join(await tmpDir("fresh"), "new", "fixtures");
    const r = await run(pullArgs(dir, "--tables", "AlertInfo"));
    expect(r.code).toBe(0);
    expect(await readdir(dir)).toEqual(["AlertInfo.kqlgen.json"]);
  });

  it("a pulled table replaces the file that defined it in another format; other tables stay", async () => {
    const dir = await tmpDir("replace");
    for (const f of ["DeviceInfo.getschema.json", "AlertEvidence.getschema.csv", "README.md"]) await writeFile(path.join(dir, f), await readFile(path.join(FIXTURES, f)));
    const r = await run(pullArgs(dir, "--tables", "DeviceInfo"));
    expect(r.out).toBe(
      [
        "kqlgen: wrote DeviceInfo.kqlgen.json",
        "kqlgen: removed DeviceInfo.getschema.json (table now in DeviceInfo.kqlgen.json)",
        `kqlgen: pulled 1 table from Log Analytics workspace ${WORKSPACE} into ${dir}: 1 written, 0 unchanged, 1 older file removed`,
      ].join("\n"),
    );
    expect((await readdir(dir)).sort()).toEqual(["AlertEvidence.getschema.csv", "DeviceInfo.kqlgen.json", "README.md"]);
    expect((await readSchemaDir(dir)).tables.map((t) => [t.name, t.platform ?? null])).toEqual([
      ["AlertEvidence", null],
      ["DeviceInfo", "log-analytics"],
    ]);
  });

  it("writeSnapshots: a target it cannot replace fails before anything changes", async () => {
    const dir = await tmpDir("blocked");
    await writeFile(path.join(dir, "AlertInfo.kqlgen.json"), "old AlertInfo\n");
    await mkdir(path.join(dir, "Zzz.kqlgen.json", "inside"), { recursive: true });
    const z: Table = { name: "Zzz", columns: [{ name: "x", type: "int", ordinal: 0 }] };
    await expect(writeSnapshots(dir, [fixture("AlertInfo"), z])).rejects.toThrow(
      `${dir}: cannot write the snapshots (EISDIR): expected a writable folder (--out); nothing was changed`,
    );
    expect((await readdir(dir)).sort()).toEqual(["AlertInfo.kqlgen.json", "Zzz.kqlgen.json"]);
    expect(await readFile(path.join(dir, "AlertInfo.kqlgen.json"), "utf8")).toBe("old AlertInfo\n");
  });

  it("writeSnapshots: a rename failing half way puts every file back as it was", async () => {
    const dir = await tmpDir("atomic");
    const old = { "AlertInfo.kqlgen.json": "old AlertInfo\n", "DeviceInfo.getschema.csv": "ColumnName,ColumnType\nTimestamp,datetime\n", "KqlgenAllTypes.kqlgen.json": "old all types\n" };
    for (const [f, text] of Object.entries(old)) await writeFile(path.join(dir, f), text);
    const tables = [fixture("AlertInfo"), fixture("DeviceInfo"), fixture("KqlgenAllTypes")];
    // Moves: the replaced csv aside, then the 3 new files in (each atomically replacing the old one).
    for (const failAt of [1, 2, 3, 4]) {
      let calls = 0;
      const failing = { rename: async (a: string, b: string) => (++calls === failAt ? Promise.reject(Object.assign(new Error("boom"), { code: "EIO" })) : rename(a, b)) };
      await expect(writeSnapshots(dir, tables, failing)).rejects.toThrow("cannot write the snapshots (EIO)");
      expect((await readdir(dir)).sort()).toEqual(Object.keys(old).sort());
      for (const [f, text] of Object.entries(old)) expect(await readFile(path.join(dir, f), "utf8")).toBe(text);
    }
    const done = await writeSnapshots(dir, tables);
    expect(done).toEqual({
      written: ["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json", "KqlgenAllTypes.kqlgen.json"],
      unchanged: [],
      replaced: [{ file: "DeviceInfo.getschema.csv", by: "DeviceInfo.kqlgen.json" }],
    });
    expect((await readdir(dir)).sort()).toEqual(["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json", "KqlgenAllTypes.kqlgen.json"]);
  });

  it("--check: drift against the saved snapshots, nothing written", async () => {
    // Saved: the portal's DeviceProcessEvents. Live: the Log Analytics version.
    const dir = await tmpDir("check");
    const portal = await portalTable("DeviceProcessEvents");
    await writeFile(path.join(dir, "DeviceProcessEvents.kqlgen.json"), writeSnapshot(portal));
    server.workspaces.set(WORKSPACE, [logAnalyticsVersion(portal)]);
    try {
      const r = await run(pullArgs(dir, "--tables", "DeviceProcessEvents", "--check", "--json"));
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.out);
      expect(doc).toMatchObject({ old: dir, new: `Log Analytics workspace ${WORKSPACE}`, failed: true, breaking: 2, additive: 7 });
      expect(doc.changes.filter((c: { severity: string }) => c.severity === "breaking").map((c: { kind: string; column?: string }) => [c.kind, c.column ?? null])).toEqual([
        ["platform-changed", null],
        ["column-retyped", "AdditionalFields"],
      ]);
      expect(await readdir(dir)).toEqual(["DeviceProcessEvents.kqlgen.json"]);
      expect(await readFile(path.join(dir, "DeviceProcessEvents.kqlgen.json"), "utf8")).toBe(writeSnapshot(portal));
    } finally {
      server.workspaces.set(WORKSPACE, fixtures);
    }
  });

  it("--all --check: a saved Log Analytics table the workspace no longer has is a removed table; saved tables of other platforms are left out", async () => {
    const dir = await tmpDir("check-all");
    const workspace = fixtures.slice(0, 3).map((t) => ({ ...t, platform: "log-analytics" as const }));
    for (const t of workspace) await writeFile(path.join(dir, `${t.name}.kqlgen.json`), writeSnapshot(t));
    await writeFile(path.join(dir, "Gone.kqlgen.json"), writeSnapshot({ name: "Gone", platform: "log-analytics", columns: [{ name: "x", type: "int", ordinal: 0 }] }));
    await writeFile(path.join(dir, "Portal.kqlgen.json"), writeSnapshot({ name: "Portal", platform: "defender-advanced-hunting", columns: [{ name: "x", type: "int", ordinal: 0 }] }));
    server.workspaces.set(WORKSPACE, workspace);
    try {
      const r = await run(["pull", "--workspace", WORKSPACE, "--all", "--endpoint", server.logAnalyticsEndpoint, "--out", dir, "--check", "--fail-on", "breaking"]);
      expect(r.code).toBe(1);
      expect(r.out).toBe(
        [`schema diff: ${dir} -> Log Analytics workspace ${WORKSPACE}`, "", "Gone:", "  breaking  - table removed (had 1 column)", "", "1 breaking change, 0 additive changes in 1 table (4 compared)"].join("\n"),
      );
    } finally {
      server.workspaces.set(WORKSPACE, fixtures);
    }
  });

  it("--check with the saved schema current: exit 0; a table not saved yet is drift", async () => {
    const dir = await tmpDir("check-ok");
    await writeFile(path.join(dir, "AlertInfo.kqlgen.json"), writeSnapshot({ ...fixture("AlertInfo"), platform: "log-analytics" }));
    const ok = await run(pullArgs(dir, "--tables", "AlertInfo", "--check"));
    expect(ok).toEqual({ code: 0, out: `schema diff: ${dir} -> Log Analytics workspace ${WORKSPACE}\n\nno changes (1 table compared)`, err: "" });
    const drift = await run(pullArgs(dir, "--tables", "AlertInfo,DeviceInfo", "--check"));
    expect(drift.code).toBe(1);
    expect(drift.out).toContain("DeviceInfo:\n  additive  + table added (47 columns, log-analytics)");
    // Only breaking changes count with --fail-on breaking.
    const lenient = await run(pullArgs(dir, "--tables", "AlertInfo,DeviceInfo", "--check", "--fail-on", "breaking"));
    expect(lenient.code).toBe(0);
  });
});

describe("quoteIdentifier, checked by Kusto's own parser", () => {
  const require = createRequire(import.meta.url);
  let Kusto: any;
  beforeAll(() => {
    require("@kusto/language-service-next/bridge.min.js");
    require("@kusto/language-service-next/Kusto.Language.Bridge.min.js");
    Kusto = (globalThis as any).Kusto;
  });

  /** The diagnostics of `<quoted> | getschema` against a database holding a table named `name`. */
  function analyze(name: string): { diagnostics: string[]; resultColumns: string[] } {
    const K = Kusto.Language;
    const table = new K.Symbols.TableSymbol.$ctor4(name, [new K.Symbols.ColumnSymbol(name === "x" ? "y" : "x", K.Symbols.ScalarTypes.Long)]);
    const db = new K.Symbols.DatabaseSymbol.ctor("db", [table]);
    const globals = K.GlobalState.Default.WithDatabase(db);
    const code = K.KustoCode.ParseAndAnalyze(`${quoteIdentifier(name)} | getschema`, globals);
    const diagnostics = (globalThis as any).Bridge.toArray(code.GetDiagnostics()).map((d: any) => `${d.Code}: ${d.Message}`);
    return { diagnostics, resultColumns: (globalThis as any).Bridge.toArray(code.ResultType.Columns).map((c: any) => c.Name) };
  }

  it("keywords and literals are bracketed exactly when Kusto needs it, in any letter case", () => {
    const keywords: string[] = (globalThis as any).Bridge.toArray(Kusto.Language.Syntax.SyntaxFacts.Keywords).filter((k: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k));
    expect(keywords.length).toBeGreaterThan(200);
    const words = [...keywords, "true", "false", "null", "and", "not", "let"];
    const spellings = words.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), w.replace(/./g, (c, i) => (i % 2 ? c.toUpperCase() : c))]);
    for (const k of spellings) {
      expect([k, isBareKustoName(k)]).toEqual([k, Kusto.Language.KustoFacts.BracketNameIfNecessary(k) === k]);
    }
  });

  it("every awkward name resolves to its table, with no diagnostics", () => {
    const names = ["DeviceInfo", "where", "project", "True", "FALSE", "My Table", "a'b", 'a"b', "back\\slash", "tab\there", "line\nbreak", "Ünïcödé", "1stTable", "with-dash", "dot.ted", "emoji😀", "x"];
    for (const name of names) {
      const { diagnostics, resultColumns } = analyze(name);
      expect([name, diagnostics]).toEqual([name, []]);
      expect(resultColumns).toEqual(["ColumnName", "ColumnOrdinal", "DataType", "ColumnType"]);
      // The loopback server reads the name back the same way.
      expect(tableOfQuery(`${quoteIdentifier(name)} | getschema`)).toBe(name);
    }
  });

  it("plain names stay bare; a lone surrogate is refused", () => {
    expect(quoteIdentifier("DeviceInfo")).toBe("DeviceInfo");
    expect(quoteIdentifier("a'b\\c")).toBe('["a\'b\\\\c"]');
    expect(() => quoteIdentifier("bad\uD800")).toThrow(/lone UTF-16 surrogate/);
  });
});
