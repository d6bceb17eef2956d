/**
 * `kqlgen lint`: saved queries checked against schemas by Kusto's analyzer.
 * The core promise: when a column is removed or retyped (here, the Log
 * Analytics flavour of three Defender tables becoming the portal flavour),
 * the lint fails on exactly the queries that use it — and only on those.
 * Also: text, JSON and SARIF reports; ignored tables; KQL inside YAML rules
 * mapped back to the YAML file's lines and columns; globs; exit codes.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { globMatcher } from "../src/lint/files.js";
import { alignScalar, yamlFileQueries } from "../src/lint/queries.js";
import type { Table } from "../src/model/schema.js";
import { readSchemaDir } from "../src/sources/index.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir, REPO, writeTree } from "./helpers/tree.js";

afterAll(cleanupTmpDirs);

async function run(args: string[], cwd?: string) {
  const { io, stdout, stderr } = captureIo();
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, io);
    return { code, stdout: stdout(), stderr: stderr() };
  } finally {
    if (cwd) process.chdir(before);
  }
}

/** The queries of a team, one use of a column per file (plus two that use nothing that changes). */
const QUERIES: Record<string, string> = {
  "queries/dynamic-member.kql": 'DeviceEvents\n| extend Key = tostring(AdditionalFields.Key)\n| where Key != ""\n',
  "queries/text-use.kql": 'DeviceEvents | where AdditionalFields has "Sensor"\n',
  "queries/retyped.kql": "DeviceProcessEvents\n| where ProcessId > 4\n| project Timestamp, DeviceName, ProcessId\n",
  "queries/removed.kql": "// Device inventory\nDeviceInfo\n| project DeviceName, OSVersionInfo\n",
  "queries/la-column.kql": "DeviceInfo | where TimeGenerated > ago(1h)\n",
  "queries/clean.kql": "DeviceInfo\n| summarize Devices = count() by OSPlatform\n| order by Devices desc\n",
  "rules/expand.yaml": [
    "id: 5e2b1c3a-0000-4000-8000-000000000001",
    "name: Expanded antivirus fields",
    "severity: Medium",
    "query: |",
    "  DeviceEvents",
    '  | where ActionType == "AntivirusDetection"',
    "  | mv-expand AdditionalFields",
    "entityMappings: []",
    "",
  ].join("\n"),
};

/** The Log Analytics flavour of three tables (AdditionalFields dynamic, TimeGenerated), and the portal flavour after a schema change. */
async function schemaDirs(): Promise<{ before: string; after: string }> {
  const fixtures = await readSchemaDir(FIXTURES);
  const pick = (name: string) => fixtures.tables.find((t) => t.name === name)!;
  const retype = (t: Table, column: string, type: Table["columns"][number]["type"]): Table => ({
    ...t,
    columns: t.columns.map((c) => (c.name === column ? { ...c, type } : c)),
  });
  const withColumn = (t: Table, name: string, type: Table["columns"][number]["type"]): Table => ({
    ...t,
    columns: [...t.columns, { name, type, ordinal: t.columns.length }],
  });
  const without = (t: Table, name: string): Table => ({
    ...t,
    columns: t.columns.filter((c) => c.name !== name).map((c, i) => ({ ...c, ordinal: i })),
  });
  const logAnalytics = [
    withColumn(retype(pick("DeviceEvents"), "AdditionalFields", "dynamic"), "TimeGenerated", "datetime"),
    withColumn(retype(pick("DeviceInfo"), "AdditionalFields", "dynamic"), "TimeGenerated", "datetime"),
    withColumn(retype(pick("DeviceProcessEvents"), "AdditionalFields", "dynamic"), "TimeGenerated", "datetime"),
  ];
  // The portal flavour: AdditionalFields is a string, no TimeGenerated; and two more changes.
  const portal = [pick("DeviceEvents"), without(pick("DeviceInfo"), "OSVersionInfo"), retype(pick("DeviceProcessEvents"), "ProcessId", "string")];
  const before = await makeTmpDir("lint-schemas-la");
  const after = await makeTmpDir("lint-schemas-portal");
  await writeTree(before, Object.fromEntries(logAnalytics.map((t) => [`${t.name}.kqlgen.json`, writeSnapshot(t)])));
  await writeTree(after, Object.fromEntries(portal.map((t) => [`${t.name}.kqlgen.json`, writeSnapshot(t)])));
  return { before, after };
}

describe("a schema change fails the lint on exactly the queries that use the changed columns", () => {
  let dirs: { before: string; after: string };
  let work: string;
  beforeAll(async () => {
    dirs = await schemaDirs();
    work = await makeTmpDir("lint-queries");
    await writeTree(work, QUERIES);
  }, 60_000);

  it("every query is clean against the schemas it was written for", async () => {
    const r = await run(["lint", "--schemas", dirs.before, "queries", "rules"], work);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 7 queries in 7 files: no errors\n" });
  });

  it("after the change, the queries using a retyped or removed column fail, each at the use", async () => {
    const r = await run(["lint", "--schemas", dirs.after, "queries", "rules"], work);
    expect(r.stdout).toBe(
      [
        "queries/dynamic-member.kql:2:42: KS142 'Key' is not a column here, nor a known table, variable or function: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.",
        "queries/la-column.kql:1:20: KS142 'TimeGenerated' is a Log Analytics column, and this file is linted as portal (Defender advanced hunting): the portal's time column is Timestamp. For Sentinel queries, set lint.flavour (or --flavour) to log-analytics and lint against Log Analytics schemas.",
        "queries/removed.kql:3:23: KS142 'OSVersionInfo' is not a column here, nor a known table, variable or function: did you mean 'OSVersion'?",
        "queries/retyped.kql:2:19: KS106 The operator '>' is not defined for the operand types string and long. Convert one side so both are the same type (for example tolong() on the string side), or check the column's type in the schema.",
        "rules/expand.yaml:7:15: KS141 The expression must have the type dynamic.",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("kqlgen: 5 errors in 5 of 7 queries in 7 files\n");
    expect(r.code).toBe(1);
  });

  it("reports in JSON, with the YAML query's place in the rule", async () => {
    const r = await run(["lint", "--schemas", dirs.after, "--format", "json", "rules/expand.yaml", "queries/retyped.kql", "queries/clean.kql"], work);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: 3,
      queries: 3,
      errors: 2,
      warnings: 0,
      findings: [
        {
          file: "rules/expand.yaml",
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 31,
          code: "KS141",
          severity: "error",
          message: "The expression must have the type dynamic.",
          query: "/query",
        },
        {
          file: "queries/retyped.kql",
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 20,
          code: "KS106",
          severity: "error",
          message:
            "The operator '>' is not defined for the operand types string and long. Convert one side so both are the same type (for example tolong() on the string side), or check the column's type in the schema.",
        },
      ],
    });
  });

  it("reports in SARIF 2.1.0 for code-scanning annotations", async () => {
    const r = await run(["lint", "--schemas", dirs.after, "--format", "sarif", "queries", "rules"], work);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(sarif.runs).toHaveLength(1);
    const { tool, results } = sarif.runs[0];
    expect(tool.driver.name).toBe("kqlgen");
    expect(tool.driver.version).toBe(JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")).version);
    expect(tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(["KS106", "KS141", "KS142"]);
    for (const rule of tool.driver.rules) {
      expect(rule.shortDescription.text).toMatch(/^[A-Z].+\.$/);
      expect(rule.help.text).toMatch(/^[A-Z].+\.$/);
    }
    expect(results).toHaveLength(5);
    for (const result of results) {
      expect(tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.level).toBe("error");
      expect(typeof result.message.text).toBe("string");
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(Number.isInteger(region.startLine) && region.startLine >= 1).toBe(true);
      expect(Number.isInteger(region.startColumn) && region.startColumn >= 1).toBe(true);
      expect(region.endLine >= region.startLine).toBe(true);
    }
    expect(results[4]).toEqual({
      ruleId: "KS141",
      ruleIndex: 1,
      level: "error",
      message: { text: "The expression must have the type dynamic." },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "rules/expand.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 7, startColumn: 15, endLine: 7, endColumn: 31 },
          },
          logicalLocations: [{ name: "/query", kind: "member" }],
        },
      ],
    });
  });
});

describe("tables from elsewhere, declared ignored", () => {
  let work: string;
  beforeAll(async () => {
    work = await makeTmpDir("lint-ignore");
    await writeTree(work, {
      "signins.kql": [
        "SigninLogs",
        "| where ResultType != 0",
        "| join kind=inner (DeviceLogonEvents | where ActionTyp == \"LogonFailed\") on $left.UserPrincipalName == $right.AccountName",
        "| project Timestamp, DeviceName",
        "",
      ].join("\n"),
      "watchlist.kql": "Watchlist_VIPs | join (AlertInfo) on $left.SearchKey == $right.Title\n",
    });
  });

  it("fails on an unknown table unless it is ignored; known tables' columns are still checked", async () => {
    const plain = await run(["lint", "--schemas", FIXTURES, "signins.kql"], work);
    expect(plain.code).toBe(1);
    const misspelled = "signins.kql:3:46: KS142 'ActionTyp' is not a column here, nor a known table, variable or function: did you mean 'ActionType'?";
    expect(plain.stdout).toBe(
      ["signins.kql:1:1: KS204 'SigninLogs' is not a table of the schemas, nor a tabular variable or function: if it lives elsewhere (another workspace, a watchlist), list it in --ignore-tables or lint.ignoreTables, or declare it in lint.tables.", misspelled, ""].join("\n"),
    );
    const ignored = await run(["lint", "--schemas", FIXTURES, "--ignore-tables", "SigninLogs", "signins.kql"], work);
    expect(ignored.stdout).toBe(`${misspelled}\n`);
    expect(ignored.code).toBe(1);
  });

  it("without --schemas, reads the config's schemas folder, the config found by walking up; without a config it says what to pass", async () => {
    const project = await makeTmpDir("lint-config");
    await writeTree(project, {
      "kqlgen.config.json": JSON.stringify({ schemas: "tables" }),
      "tables/AlertInfo.kqlgen.json": await readFile(path.join(FIXTURES, "AlertInfo.kqlgen.json"), "utf8"),
      "rules/q/alerts.kql": "AlertInfo | where Severity == 'High'\n",
      "rules/q/devices.kql": "DeviceInfo | take 1\n",
    });
    const sub = path.join(project, "rules", "q");
    expect(await run(["lint", "alerts.kql"], sub)).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 1 query in 1 file: no errors\n" });
    // DeviceInfo is in fixtures/ but not in this project's schemas.
    const other = await run(["lint", "devices.kql"], sub);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain("devices.kql:1:1: KS204 'DeviceInfo' is not a table of the schemas");
    const elsewhere = await mkdtemp(path.join(tmpdir(), "kqlgen-lint-"));
    try {
      await writeFile(path.join(elsewhere, "a.kql"), "AlertInfo\n");
      expect(await run(["lint", "a.kql"], elsewhere)).toEqual({
        code: 2,
        stdout: "",
        stderr: 'kqlgen: error: no schemas folder: pass --schemas <dir> or name "schemas" in the config (no kqlgen.config.json in this folder or a folder above it); run `kqlgen init` to write a kqlgen.config.json that names the schemas and output folders\n',
      });
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("takes lists, repeated flags and * patterns", async () => {
    const r = await run(["lint", "--schemas", FIXTURES, "--ignore-tables", "Signin*,AuditLogs", "--ignore-tables", "Watchlist_*", "watchlist.kql"], work);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 1 query in 1 file: no errors\n" });
    const unignored = await run(["lint", "--schemas", FIXTURES, "--ignore-tables", "Signin*", "watchlist.kql"], work);
    expect(unignored.code).toBe(1);
    expect(unignored.stdout).toContain("watchlist.kql:1:1: KS204 'Watchlist_VIPs' is not a table of the schemas");
  });

  it("takes ignored tables from kqlgen.config.json's lint.ignoreTables too, and checks that key", async () => {
    await writeTree(work, { "kqlgen.config.json": JSON.stringify({ lint: { ignoreTables: ["Watchlist_*"] } }) });
    try {
      const r = await run(["lint", "--schemas", FIXTURES, "watchlist.kql"], work);
      expect(r).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 1 query in 1 file: no errors\n" });
      await writeTree(work, { "kqlgen.config.json": JSON.stringify({ lint: { ignoreTables: ["a;b"] } }) });
      const bad = await run(["lint", "--schemas", FIXTURES, "watchlist.kql"], work);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("kqlgen: error: kqlgen.config.json (/lint/ignoreTables/0): must match pattern");
    } finally {
      await rm(path.join(work, "kqlgen.config.json"), { force: true });
    }
  });
});

describe("KQL inside YAML rules", () => {
  const RULE = [
    "id: 1",
    "rules:",
    "  - name: literal block",
    "    query: |",
    "      DeviceInfo",
    "        | where OSPlatfrm == \"Windows11\"",
    "  - name: folded",
    "    query: >-",
    "      DeviceInfo",
    "      | where DeviceNam has \"srv\"",
    "  - name: double-quoted with escapes",
    '    query: "DeviceInfo | where DeviceName == \\"a\\tb\\" and Bogus == 1"',
    "  - name: single-quoted",
    "    query: 'DeviceInfo | where DeviceName == ''x'' and Nope2 == 1'",
    "  - name: plain, over two lines",
    "    Query: DeviceInfo | where",
    "      Missing == 1",
    "  - name: not a query",
    "    description: DeviceInfo | where Ignored == 1",
    "",
  ].join("\n");

  it("finds every query: key at any depth and maps findings to the YAML file's lines and columns", async () => {
    const work = await makeTmpDir("lint-yaml");
    await writeTree(work, { "rules.yml": RULE, "crlf.yaml": RULE.replace(/\n/g, "\r\n") });
    const r = await run(["lint", "--schemas", FIXTURES, "--format", "json", "rules.yml", "crlf.yaml"], work);
    const findings = JSON.parse(r.stdout).findings.map((f: { file: string; line: number; column: number; message: string; query: string }) => [f.file, f.line, f.column, f.query, /'(\w+)'/.exec(f.message)?.[1]]);
    const expected = [
      [6, 17, "/rules/0/query", "OSPlatfrm"],
      [10, 15, "/rules/1/query", "DeviceNam"],
      [12, 59, "/rules/2/query", "Bogus"],
      [14, 56, "/rules/3/query", "Nope2"],
      [17, 7, "/rules/4/Query", "Missing"],
    ];
    expect(findings).toEqual([...expected.map((e) => ["rules.yml", ...e]), ...expected.map((e) => ["crlf.yaml", ...e])]);
    // The positions point at the names in the file.
    const lines = RULE.split("\n");
    for (const [line, column, , name] of expected) expect(lines[(line as number) - 1]!.slice((column as number) - 1)).toMatch(new RegExp(`^${name}`));
    expect(JSON.parse(r.stdout).queries).toBe(10);
  });

  it("aligns every character of a block scalar with its place in the source", () => {
    const text = "a:\n  query: |\n    T\n      | where X\n\n    | take 1\n";
    const { queries } = yamlFileQueries(text);
    expect(queries).toHaveLength(1);
    const q = queries[0]!;
    expect(q.text).toBe("T\n  | where X\n\n| take 1\n");
    const lines = text.split("\n");
    for (let i = 0; i < q.text.length; i++) {
      if (q.text[i] === "\n") continue;
      const { line, column } = q.position(i);
      expect(lines[line - 1]![column - 1]).toBe(q.text[i]);
    }
    expect(alignScalar).toBeTypeOf("function");
  });

  it("reports a rule file that is not YAML as a finding, and still lints the others", async () => {
    const work = await makeTmpDir("lint-yaml-bad");
    await writeTree(work, { "bad.yaml": "query: [DeviceInfo\nname: x\n", "good.kql": "DeviceInfo | take 1\n" });
    const r = await run(["lint", "--schemas", FIXTURES, "bad.yaml", "good.kql"], work);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:\d+:\d+: YAML the YAML does not parse: .+\n$/);
    expect(r.stderr).toBe("kqlgen: 1 error in 1 file that does not parse (1 query in 2 files)\n");
  });
});

describe("command line", () => {
  let work: string;
  beforeAll(async () => {
    work = await makeTmpDir("lint-cli");
    await writeTree(work, {
      "a/one.kql": "DeviceInfo | take 1\n",
      "a/b/two.kql": "DeviceInfo | take 2\n",
      "a/b/three.csl": "DeviceInfo | take 3\n",
      "a/node_modules/skip.kql": "Nope | take 1\n",
      "a/.hidden/skip.kql": "Nope | take 1\n",
      "c/rule.yml": "query: DeviceInfo | take 1\n",
      "c/notes.txt": "not KQL\n",
      "c/notes.csv": "not KQL\n",
      "c/empty.yaml": "name: no query here\n",
    });
  });

  it("reads folders recursively, globs with ** and braces, each file once", async () => {
    const r = await run(["lint", "--schemas", FIXTURES, "a", "a/**/*.kql", "c/*.{yml,yaml}"], work);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 4 queries in 5 files: no errors\n" });
    const glob = globMatcher("a/**/*.{kql,csl}");
    expect(["a/one.kql", "a/b/two.kql", "a/b/c/three.csl", "b/one.kql", "a/one.yaml"].map((p) => glob.test(p))).toEqual([true, true, true, false, false]);
    expect(globMatcher("q/?.kql").test("q/1.kql")).toBe(true);
    expect(globMatcher("q/[ab].kql").test("q/c.kql")).toBe(false);
    expect(["q/a.kql", "q/c.kql"].map((p) => globMatcher("q/[!ab].kql").test(p))).toEqual([false, true]);
    expect(["r/x/y.md", "r/y.kql", "r/x/z.txt"].map((p) => globMatcher("r/**/{*.md,y.{kql,csl}}").test(p))).toEqual([true, true, false]);
    expect(globMatcher("**").test("a/b/c.kql")).toBe(true);
    expect(globMatcher("a/***b").test("a/xxb")).toBe(true);
  });

  it("reports Kusto's warnings only when asked, and never fails on them", async () => {
    await writeTree(work, { "fuzzy.kql": "union isfuzzy=true DeviceInfo, NoSuchTable\n| take 1\n" });
    expect(await run(["lint", "--schemas", FIXTURES, "fuzzy.kql"], work)).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 1 query in 1 file: no errors\n" });
    expect(await run(["lint", "--schemas", FIXTURES, "--warnings", "fuzzy.kql"], work)).toEqual({
      code: 0,
      stdout: "fuzzy.kql:1:32: KS205 (warning) The fuzzy name 'NoSuchTable' does not refer to any known or currently accessible table.\n",
      stderr: "kqlgen: 1 query in 1 file: no errors, 1 warning\n",
    });
    const sarif = JSON.parse((await run(["lint", "--schemas", FIXTURES, "--warnings", "--format", "sarif", "fuzzy.kql"], work)).stdout);
    expect(sarif.runs[0].results[0].level).toBe("warning");
  });

  it("exits 2 on bad usage, naming what is wrong", async () => {
    const cases: [string[], string][] = [
      [["lint"], "error: missing required argument 'paths'"],
      [["lint", "--schemas", FIXTURES, "missing.kql"], "kqlgen: error: missing.kql: no such file or folder"],
      [["lint", "--schemas", FIXTURES, "x/**/*.kql"], "kqlgen: error: x/**/*.kql: no .kql, .csl, .kusto, .yaml, .yml, .md, .markdown, .txt files match this pattern"],
      [["lint", "--schemas", FIXTURES, "c/notes.csv"], "kqlgen: error: c/notes.csv: not a file lint reads: expected .kql, .csl, .kusto, .yaml, .yml, .md, .markdown, .txt"],
      [["lint", "--schemas", FIXTURES, "c/notes.txt"], "kqlgen: error: no KQL queries in 1 file: expected .kql files, YAML rules with query: keys, or Markdown with kql code blocks"],
      [["lint", "--schemas", FIXTURES, "--format", "xml", "a"], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif."],
      [["lint", "--schemas", FIXTURES, "--ignore-tables", "a;b", "a"], 'kqlgen: error: --ignore-tables: "a;b" is not a table name: expected names (letters, digits, _) or patterns with *, separated by commas'],
      [["lint", "--schemas", "no-such-dir", "a"], "kqlgen: error: no-such-dir: cannot read the schemas folder (it does not exist): expected a folder of schema files (--schemas)"],
      [["lint", "--schemas", FIXTURES, "c/empty.yaml"], "kqlgen: error: no KQL queries in 1 file: expected .kql files, YAML rules with query: keys, or Markdown with kql code blocks"],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, work);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(r.stderr, args.join(" ")).toContain(message);
    }
  });

  it("never loads Kusto's parser for generate, nor in the generated package's runtime", async () => {
    const out = await makeTmpDir("lint-lazy-gen");
    const script = [
      `import { main } from ${JSON.stringify(path.join(REPO, "dist/src/cli/main.js"))};`,
      `const code = await main(["generate", "--schemas", ${JSON.stringify(FIXTURES)}, "--out", ${JSON.stringify(out)}], { out() {}, err(t) { process.stderr.write(t); } });`,
      "process.stdout.write(JSON.stringify({ code, kusto: typeof globalThis.Kusto, bridge: typeof globalThis.Bridge }));",
    ].join("\n");
    const stdout = await new Promise<string>((done, fail) =>
      execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO }, (e, so, se) => (e ? fail(new Error(`${e.message}\n${se}`)) : done(so))),
    );
    expect(JSON.parse(stdout)).toEqual({ code: 0, kusto: "undefined", bridge: "undefined" });
    for (const module of ["literals", "query", "run-query"]) {
      const runtime = await readFile(path.join(out, `src/runtime/${module}.ts`), "utf8");
      expect(runtime).not.toMatch(/@kusto|language-service|^import .* from "(?!\.\/)/m);
    }
  }, 60_000);
});
