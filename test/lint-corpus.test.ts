/**
 * `kqlgen lint` on a corpus of queries written for these tests (test/lint-corpus/):
 * Defender's built-in functions, Log Analytics' functions, several queries per
 * file with lets, one query with blank lines inside, Markdown and text files,
 * every suppression form, declared functions and tables, grouped findings, a
 * baseline round trip, schema drift explained. Every finding is asserted with
 * its file, line, column and message; known-good queries give no findings.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir, REPO, writeTree } from "./helpers/tree.js";

const CORPUS = path.join(REPO, "test", "lint-corpus");

afterAll(cleanupTmpDirs);

async function run(args: string[], cwd = CORPUS) {
  const { io, stdout, stderr } = captureIo();
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(["lint", "--schemas", FIXTURES, ...args], io);
    return { code, stdout: stdout(), stderr: stderr() };
  } finally {
    process.chdir(before);
  }
}

const lines = (...l: string[]) => [...l, ""].join("\n");

const GOOD = [
  "builtins/fileprofile.kql",
  "builtins/fileprofile-forms.kql",
  "builtins/seenby.kql",
  "builtins/devicefromip.kql",
  "builtins/assignedipaddresses.kql",
  "multi/one-query.kql",
  "sentinel/watchlist.kql",
  "custom/declared.kql",
];

describe("known-good queries give no findings", () => {
  it("every built-in function, both flavours, declared functions and tables, one query with blank lines inside", async () => {
    expect(await run(GOOD)).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 10 queries in 8 files: no errors\n" });
  }, 60_000);

  it("a file with blank lines inside one query is one query, not three", async () => {
    expect(await run(["multi/one-query.kql"])).toEqual({ code: 0, stdout: "", stderr: "kqlgen: 1 query in 1 file: no errors\n" });
  });

  it("the built-in functions are what makes them pass: in the other flavour, they are unknown and the message says which flavour has them", async () => {
    expect(await run(["--flavour", "log-analytics", "builtins/fileprofile.kql", "builtins/devicefromip.kql"])).toEqual({
      code: 1,
      stdout: lines(
        "builtins/fileprofile.kql:4:10: KS211 'FileProfile' is a function of the portal flavour, and this file is linted as log-analytics: set lint.flavour (or --flavour) to portal for it. (12 later findings in this query that follow from it not shown)",
        "builtins/devicefromip.kql:4:10: KS211 'DeviceFromIP' is a function of the portal flavour, and this file is linted as log-analytics: set lint.flavour (or --flavour) to portal for it. (1 later finding in this query that follows from it not shown)",
        // After the join, the right side's columns are known: IP is rightly unknown there.
        "builtins/devicefromip.kql:6:11: KS142 'IP' is not a column here, nor a known table, variable or function: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.",
      ),
      stderr: "kqlgen: 3 errors in 2 of 2 queries in 2 files\n",
    });
    const portal = await run(["--flavour", "portal", "sentinel/watchlist.kql"]);
    expect(portal.stdout).toBe(
      lines(
        "sentinel/watchlist.kql:1:12: KS211 '_GetWatchlist' is a function of the log-analytics flavour, and this file is linted as portal: set lint.flavour (or --flavour) to log-analytics for it. (2 later findings in this query that follow from it not shown)",
        "sentinel/watchlist.kql:4:24: KS211 'arg' is a function of the log-analytics flavour, and this file is linted as portal: set lint.flavour (or --flavour) to log-analytics for it.",
      ),
    );
  }, 60_000);

  it("declared tables and functions come from the config: without it they are unknown", async () => {
    const empty = await makeTmpDir("lint-empty-config");
    await writeTree(empty, { "kqlgen.config.json": "{}\n" });
    const r = await run(["--config", path.join(empty, "kqlgen.config.json"), "custom/declared.kql"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      lines(
        "custom/declared.kql:2:10: KS211 'TagOwner' is not a known function. A function of your own: declare it in lint.functions in kqlgen.config.json. (3 later findings in this query that follow from it not shown)",
        "custom/declared.kql:4:20: KS204 'ContosoAssets_CL' is not a table of the schemas, nor a tabular variable or function: if it lives elsewhere (another workspace, a watchlist), list it in --ignore-tables or lint.ignoreTables, or declare it in lint.tables.",
        "custom/declared.kql:5:24: KS211 'IpRanges' is not a known function. A function of your own: declare it in lint.functions in kqlgen.config.json.",
      ),
    );
  }, 60_000);
});

describe("findings, each at its file, line and column, with a message a person can act on", () => {
  it("built-in functions misused: an argument that is not a column, a misspelled output column (did you mean), grouped", async () => {
    expect(await run(["builtins/mistakes.kql"])).toEqual({
      code: 1,
      stdout: lines(
        "builtins/mistakes.kql:2:22: KS142 'FileHash' is not a column of the table piped into FileProfile, whose argument names one of its columns: its hash columns are 'SHA1', 'SHA256', 'InitiatingProcessSHA1' or 'InitiatingProcessSHA256'.",
        "builtins/mistakes.kql:3:9: KS142 'GlobalPrevalenc' is not a column here, nor a known table, variable or function: did you mean 'GlobalPrevalence'? (2 places; also at 4:21)",
      ),
      stderr: "kqlgen: 2 errors in 1 of 1 query in 1 file\n",
    });
  });

  it("several queries per file: each analyzed on its own, lets carried forward, a let's error reported once at the let", async () => {
    expect(await run(["multi"])).toEqual({
      code: 1,
      stdout: lines(
        "multi/let-error.kql:1:23: KS142 'Treshold' is not a known column, table, variable or function: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.",
        // Two queries without a blank line between them are one text to Kusto's parser: the message says what to do.
        "multi/no-blank-line.kql:2:34: KS005 Kusto's parser expected ',' here. If a new query starts here or on the next line, separate the queries with a blank line.",
        "multi/no-blank-line.kql:3:1: KS108 Scalar value expected.",
        "multi/webcast.kql:25:24: KS142 'AccountNam' is not a column here, nor a known table, variable or function: did you mean 'AccountName', 'AccountSid' or 'AccountUpn'?",
      ),
      // let-error: 2 queries; no-blank-line: 1; one-query: 1; webcast: 3 (the second with a blank line inside its parentheses).
      stderr: "kqlgen: 4 errors in 3 of 7 queries in 4 files\n",
    });
  }, 60_000);

  it("Markdown and text files: kql and kusto code blocks (``` and ~~~, indented, any case), positions in the file, a suppression inside a block", async () => {
    expect(await run(["docs"])).toEqual({
      code: 1,
      stdout: lines(
        "docs/hunting.md:28:22: KS142 'ActionTyp' is not a column here, nor a known table, variable or function: did you mean 'ActionType'?",
        "docs/hunting.md:33:25: KS142 'OSPlatfrom' is not a column here, nor a known table, variable or function: did you mean 'OSPlatform'?",
        "docs/notes.txt:6:34: KS142 'RegistryValueDat' is not a column here, nor a known table, variable or function: did you mean 'RegistryValueData', 'RegistryValueName' or 'RegistryValueType'?",
      ),
      stderr: "kqlgen: 3 errors in 3 of 6 queries in 2 files\n",
    });
  });

  it("suppressions: next line with codes, next line for every code, whole file, in YAML too; unused ones are reported", async () => {
    expect(await run(["suppress"])).toEqual({
      code: 1,
      stdout: lines(
        "suppress/any.kql:4:1: kqlgen-unused-suppression (warning) This kqlgen-ignore-next-line comment silences nothing (every code): remove it.",
        "suppress/file.kql:2:1: kqlgen-unused-suppression (warning) This kqlgen-ignore-file comment silences nothing (KS211): remove it or fix its codes.",
        "suppress/next-line.kql:4:1: kqlgen-unused-suppression (warning) This kqlgen-ignore-next-line comment silences nothing (KS106): remove it or fix its codes.",
        "suppress/next-line.kql:6:9: KS142 'NoSuchColumn' is not a column here, nor a known table, variable or function: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.",
        "suppress/rule.yaml:7:36: KS142 'Legacy2' is not a column here, nor a known table, variable or function: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.",
      ),
      stderr: "kqlgen: 2 errors, 3 warnings in 2 of 4 queries in 4 files\n",
    });
  });

  it("flavour per glob from the config: sentinel/** is log-analytics, so a portal function there is named as such", async () => {
    expect(await run(["sentinel"])).toEqual({
      code: 1,
      stdout: lines("sentinel/portal-function.kql:2:10: KS211 'FileProfile' is a function of the portal flavour, and this file is linted as log-analytics: set lint.flavour (or --flavour) to portal for it."),
      stderr: "kqlgen: 1 error in 1 of 2 queries in 2 files\n",
    });
  });

  it("one missing column used several times is one finding with every place, in text, JSON and SARIF", async () => {
    const text = await run(["custom/grouped.kql"]);
    expect(text.stdout).toBe(
      lines("custom/grouped.kql:2:9: KS142 'RemotePrt' is not a column here, nor a known table, variable or function: did you mean 'RemotePort', 'RemoteUrl' or 'RemoteIP'? (3 places; also at 2:29, 3:34)"),
    );
    const json = JSON.parse((await run(["--format", "json", "custom/grouped.kql"])).stdout);
    expect(json.errors).toBe(1);
    expect(json.findings[0]).toMatchObject({
      file: "custom/grouped.kql",
      line: 2,
      column: 9,
      endColumn: 18,
      code: "KS142",
      also: [
        { line: 2, column: 29, endLine: 2, endColumn: 38 },
        { line: 3, column: 34, endLine: 3, endColumn: 43 },
      ],
    });
    const sarif = JSON.parse((await run(["--format", "sarif", "custom/grouped.kql", "suppress/any.kql"])).stdout);
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["KS142", "kqlgen-unused-suppression"]);
    expect(run0.tool.driver.rules[0].help.text).toContain("names the closest columns");
    expect(run0.tool.driver.rules[1].shortDescription.text).toBe("A suppression comment silences nothing.");
    const grouped = run0.results.find((r: { ruleId: string }) => r.ruleId === "KS142");
    expect(grouped.message.text).toBe(json.findings[0].message);
    expect(grouped.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 9, endLine: 2, endColumn: 18 });
    expect(grouped.relatedLocations.map((l: { physicalLocation: { region: { startLine: number; startColumn: number } } }) => l.physicalLocation.region)).toEqual([
      { startLine: 2, startColumn: 29, endLine: 2, endColumn: 38 },
      { startLine: 3, startColumn: 34, endLine: 3, endColumn: 43 },
    ]);
  });
});

describe("baselines", () => {
  it("round trip: write the current findings, then fail only on new ones", async () => {
    const work = await makeTmpDir("lint-baseline");
    await writeTree(work, {
      "a.kql": await readFile(path.join(CORPUS, "builtins/mistakes.kql"), "utf8"),
      "b.kql": "DeviceInfo\n| project DeviceName, OSPlatfrom\n",
    });
    const written = await run(["--write-baseline", "lint-baseline.json", "a.kql", "b.kql"], work);
    expect(written).toEqual({ code: 0, stdout: "", stderr: "kqlgen: wrote 3 findings of 2 queries to the baseline lint-baseline.json\n" });
    const baseline = JSON.parse(await readFile(path.join(work, "lint-baseline.json"), "utf8"));
    expect(baseline.kqlgenLintBaseline).toBe(1);
    expect(baseline.findings.map((f: { file: string; code: string; count: number }) => [f.file, f.code, f.count])).toEqual([
      ["a.kql", "KS142", 1],
      ["a.kql", "KS142", 2],
      ["b.kql", "KS142", 1],
    ]);

    expect(await run(["--baseline", "lint-baseline.json", "a.kql", "b.kql"], work)).toEqual({
      code: 0,
      stdout: "",
      stderr: "kqlgen: 2 queries in 2 files: no errors (3 findings in the baseline not shown)\n",
    });

    // Lines moved (a comment on top) and a new problem: only the new one fails; a known one used once more is kept, with counts.
    await writeTree(work, {
      "a.kql": "// moved down\nDeviceFileEvents\n| invoke FileProfile(FileHash, 1000)\n| where GlobalPrevalenc < 100\n| where GlobalPrevalenc > 0\n| project FileName, GlobalPrevalenc\n",
      "b.kql": "DeviceInfo\n| project DeviceName, OSPlatfrom, IsAzureADJoind\n",
    });
    expect(await run(["--baseline", "lint-baseline.json", "a.kql", "b.kql"], work)).toEqual({
      code: 1,
      stdout: lines(
        "a.kql:4:9: KS142 'GlobalPrevalenc' is not a column here, nor a known table, variable or function: did you mean 'GlobalPrevalence'? (the baseline allows 2 places) (3 places; also at 5:9, 6:21)",
        "b.kql:2:35: KS142 'IsAzureADJoind' is not a column here, nor a known table, variable or function: did you mean 'IsAzureADJoined'?",
      ),
      stderr: "kqlgen: 2 errors in 2 of 2 queries in 2 files (2 findings in the baseline not shown)\n",
    });
  }, 60_000);

  it("a baseline that is not one, or a missing --previous-schemas folder, is bad input naming it", async () => {
    const work = await makeTmpDir("lint-bad-baseline");
    await writeTree(work, { "x.json": '{"findings": []}', "q.kql": "DeviceInfo | take 1\n" });
    expect(await run(["--baseline", "x.json", "q.kql"], work)).toEqual({
      code: 2,
      stdout: "",
      stderr: 'kqlgen: error: x.json: not a kqlgen lint baseline: expected {"kqlgenLintBaseline": 1, "findings": [...]}\n',
    });
    expect(await run(["--baseline", "missing.json", "q.kql"], work)).toMatchObject({ code: 2, stderr: "kqlgen: error: missing.json: cannot read the baseline (it does not exist): expected a file written by kqlgen lint --write-baseline\n" });
    expect(await run(["--previous-schemas", "old", "q.kql"], work)).toMatchObject({
      code: 2,
      stderr: "kqlgen: error: old: cannot read the schemas folder (it does not exist): expected a folder of schema files (--previous-schemas)\n",
    });
  });
});

describe("schema drift explained", () => {
  it("--previous-schemas: what kqlgen diff calls removed or retyped is said so, not unknown", async () => {
    const fixtures = await readSchemaDir(FIXTURES);
    const newer = await makeTmpDir("lint-new-schemas");
    await writeTree(
      newer,
      Object.fromEntries(
        fixtures.tables
          .filter((t) => t.name !== "DeviceTvmSecureConfigurationAssessment")
          .map((t) =>
            t.name === "DeviceInfo"
              ? { ...t, columns: t.columns.filter((c) => c.name !== "OSVersionInfo").map((c, i) => ({ ...c, ordinal: i, ...(c.name === "OSBuild" ? { type: "string" as const } : {}) })) }
              : t,
          )
          .map((t) => [`${t.name}.kqlgen.json`, writeSnapshot(t)]),
      ),
    );
    const withPrevious = await run(["--schemas", newer, "--previous-schemas", FIXTURES, "drift"]);
    expect(withPrevious).toEqual({
      code: 1,
      stdout: lines(
        "drift/device-info.kql:2:53: KS106 The operator '>' is not defined for the operand types string and long. The column 'OSBuild' of DeviceInfo was long in the previous schemas and is string in the new one.",
        "drift/device-info.kql:3:23: KS142 The column 'OSVersionInfo' (string) was removed from DeviceInfo in the new schema (the previous schemas have it).",
        "drift/retired-table.kql:1:1: KS204 The table 'DeviceTvmSecureConfigurationAssessment' was removed in the new schema (the previous schemas have it).",
      ),
      stderr: "kqlgen: 3 errors in 2 of 2 queries in 2 files\n",
    });
    const without = await run(["--schemas", newer, "drift"]);
    expect(without.stdout).toBe(
      lines(
        "drift/device-info.kql:2:53: KS106 The operator '>' is not defined for the operand types string and long. Convert one side so both are the same type (for example tolong() on the string side), or check the column's type in the schema.",
        "drift/device-info.kql:3:23: KS142 'OSVersionInfo' is not a column here, nor a known table, variable or function: did you mean 'OSVersion'?",
        "drift/retired-table.kql:1:1: KS204 'DeviceTvmSecureConfigurationAssessment' is not a table of the schemas, nor a tabular variable or function: if it lives elsewhere (another workspace, a watchlist), list it in --ignore-tables or lint.ignoreTables, or declare it in lint.tables.",
      ),
    );
    // Against the schemas the queries were written for: clean.
    expect(await run(["drift"])).toMatchObject({ code: 0, stdout: "" });
  }, 60_000);
});

describe("hostile input (issue 13): bounded, clear, no crash", () => {
  let work: string;
  beforeAll(async () => {
    work = await makeTmpDir("lint-hostile");
    await writeTree(work, { "q/a.kql": "DeviceInfo | take 1\n" });
  });

  it("globs with an unbalanced brace or a backwards range are bad input naming the pattern; many stars do not hang", async () => {
    const cases: [string, string][] = [
      ["q/{a.kql", "kqlgen: error: q/{a.kql: the pattern has a { without its }: expected {a,b} alternatives\n"],
      ["q/a}.kql", "kqlgen: error: q/a}.kql: the pattern has a } without its {: expected {a,b} alternatives\n"],
      ["q/[z-a].kql", "kqlgen: error: q/[z-a].kql: the pattern's range [z-a] runs backwards: expected [a-z]\n"],
      ["q/{a,{b,{c,{d,{e,{f,{g,{h,{i,{j,k}}}}}}}}}}{a,b,c,d,e,f,g,h,i,j,k}{a,b,c,d,e,f,g,h,i,j,k}.kql", "expand to more than 1024 patterns"],
    ];
    for (const [pattern, message] of cases) {
      const r = await run([pattern], work);
      expect({ pattern, code: r.code, stdout: r.stdout }).toEqual({ pattern, code: 2, stdout: "" });
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // 60 stars before a letter that never comes: exponential for a backtracking regular expression, linear here.
    const stars = await run([`q/${"*".repeat(30)}${"a*".repeat(30)}x.kql`], work);
    expect(stars.code).toBe(2);
    expect(stars.stderr).toContain("files match this pattern");
    expect(await run(["q/**/*.{kql,md}"], work)).toMatchObject({ code: 0, stderr: "kqlgen: 1 query in 1 file: no errors\n" });
  });

  it("a 200 KB query of nested parentheses is refused with a finding at its start, fast, and the other files are still linted", async () => {
    await writeTree(work, { "deep.kql": "print x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n", "ok.kql": "DeviceInfo | take 1\n" });
    const r = await run(["deep.kql", "ok.kql"], work);
    expect(r).toEqual({
      code: 1,
      stdout: lines("deep.kql:1:1: kqlgen-too-complex The query nests brackets more than 200 deep: kqlgen analyzes queries nested up to 200 levels, and skipped it."),
      stderr: "kqlgen: 1 error in 1 of 2 queries in 2 files\n",
    });
  });

  it("query: values written as YAML aliases are linted, at the anchor's place, once", async () => {
    await writeTree(work, {
      "alias.yaml": [
        "shared:",
        "  base: &base |",
        "    DeviceInfo",
        "    | project DeviceName, OSPlatfrom",
        "rules:",
        "  - name: one",
        "    query: *base",
        "  - name: two",
        "    query: *base",
        "",
      ].join("\n"),
    });
    expect(await run(["alias.yaml"], work)).toEqual({
      code: 1,
      stdout: lines("alias.yaml:4:27: KS142 'OSPlatfrom' is not a column here, nor a known table, variable or function: did you mean 'OSPlatform'?"),
      stderr: "kqlgen: 1 error in 1 of 1 query in 1 file\n",
    });
  });

  it("a file that does not parse, with no queries, is not '1 of 0 queries'", async () => {
    await writeTree(work, { "broken.yaml": "query: [unclosed\n" });
    const r = await run(["broken.yaml"], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("kqlgen: 1 error in 1 file that does not parse (0 queries in 1 file)\n");
  });

  it("a lint config with a bad flavour or a bad type is bad input naming the key", async () => {
    await writeTree(work, {
      "bad.json": JSON.stringify({ lint: { flavour: "cloud", tables: { T: { C: "text" } } } }),
    });
    const r = await run(["--config", "bad.json", "q/a.kql"], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.json (/lint/flavour): must be equal to one of the allowed values");
    expect(r.stderr).toContain("bad.json (/lint/tables/T/C): must be equal to one of the allowed values");
  });
});
