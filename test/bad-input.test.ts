/**
 * The bad-input corpus: every case is a small folder run through
 * `kqlgen generate` in-process. Each must exit 2, say on stderr which file,
 * table and column is wrong and what was expected, print nothing on stdout,
 * and leave the output folder (a real generated package, with the user's
 * node_modules inside) byte-for-byte as it was.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { chmod, cp, readdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { captureIo, cleanupTmpDirs, hashTree, makeTmpDir, TMP_ROOT, writeTree } from "./helpers/tree.js";

afterAll(cleanupTmpDirs);

const KUSTO_TYPE_LIST = "string, bool, int, long, real, decimal, datetime, timespan, guid, dynamic";

/** A good schema set: what the pre-populated output folder was generated from, and what config cases read. */
const GOOD: Record<string, string> = {
  "Good.getschema.csv":
    "ColumnName,ColumnOrdinal,DataType,ColumnType\n" +
    "Timestamp,0,System.DateTime,datetime\n" +
    "LogonId,1,System.Int64,long\n" +
    "Extra,2,System.Object,dynamic\n" +
    "Name,3,System.String,string\n",
  "Other.kqlgen.json": JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Other", columns: [{ name: "A", type: "string", ordinal: 0 }] }),
};

const csv = (...rows: string[]) => rows.join("\n") + "\n";
const sentinel = (name: string | undefined, properties: unknown[]) => JSON.stringify({ ...(name === undefined ? {} : { Name: name }), Properties: properties }, null, 2);
const snapshot = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Snap", columns: [{ name: "A", type: "string", ordinal: 0 }], ...fields }, null, 2);

interface Ctx {
  /** The schemas folder (as passed to --schemas). */
  schemas: string;
  /** The case's own folder (holds schemas/, out/ and any config). */
  dir: string;
  /** A schema file's path as kqlgen names it in messages. */
  f: (name: string) => string;
}

interface Case {
  title: string;
  /** Files of the schemas folder; omitted: no folder at all. */
  files?: Record<string, string | Uint8Array>;
  /** Text of a config file (written next to schemas/, passed with --config). */
  config?: string;
  /** Arguments after `generate --schemas <dir> --out <out>`; default `--config <empty config>` unless `config` is set. */
  args?: (c: Ctx) => string[];
  /** Run before kqlgen (e.g. chmod). */
  setup?: (c: Ctx) => Promise<void>;
  /** Substrings stderr must contain (exact wording of kqlgen's messages). */
  want: (c: Ctx) => string[];
  /** How many problems ("kqlgen: error:" lines) are reported; default 1. */
  problems?: number;
  skip?: boolean;
}

/** Whether chmod 000 makes a file unreadable here (not for root). */
function chmodWorks(): boolean {
  const probe = path.join(TMP_ROOT, `chmod-probe-${process.pid}`);
  mkdirSync(TMP_ROOT, { recursive: true });
  writeFileSync(probe, "x");
  chmodSync(probe, 0);
  try {
    readFileSync(probe);
    return false;
  } catch {
    return true;
  } finally {
    rmSync(probe, { force: true });
  }
}
const CHMOD_WORKS = process.getuid?.() === 0 ? chmodWorks() : true;

const cases: Case[] = [
  // ---- malformed files
  {
    title: "malformed JSON: the message gives line and column",
    files: { "Broken.getschema.json": '{\n  "tables": [\n    { "name": "PrimaryResult", }\n  ]\n}\n' },
    want: ({ f }) => [`kqlgen: error: ${f("Broken.getschema.json")} (line 3, column `, "malformed JSON (", "): expected a getschema result"],
  },
  {
    title: "malformed JSON: truncated file",
    files: { "Cut.graph.json": '{"schema":[{"name":"ColumnName","type":"String"}],"results":[{"ColumnName":"A"' },
    want: ({ f }) => [`kqlgen: error: ${f("Cut.graph.json")}`, "malformed JSON (", "expected a getschema result"],
  },
  {
    title: "malformed CSV: unterminated quote",
    files: { "Quote.csv": csv("ColumnName,ColumnType", "A,string", '"B,int', "C,long") },
    want: ({ f }) => [`kqlgen: error: ${f("Quote.csv")} (line 3), table Quote: unterminated quoted field: expected a closing '"'`],
  },
  {
    title: "malformed CSV: a row with more fields than the header",
    files: { "Fields.csv": csv("ColumnName,ColumnType", "A,string", "B,int,extra") },
    want: ({ f }) => [`kqlgen: error: ${f("Fields.csv")} (line 3), table Fields, column "B": row has 3 fields: expected 2, as the header has`],
  },
  {
    title: "malformed CSV: a row with fewer fields than the header",
    files: { "Short.csv": csv("ColumnName,ColumnOrdinal,DataType,ColumnType", "A,0,System.String,string", "B,1,System.Int32") },
    want: ({ f }) => [`kqlgen: error: ${f("Short.csv")} (line 3), table Short, column "B": row has 3 fields: expected 4, as the header has`],
  },
  // ---- types
  {
    title: "unknown type spelling (ColumnType)",
    files: { "Types.csv": csv("ColumnName,ColumnType", "A,string", "B,strnig") },
    want: ({ f }) => [`kqlgen: error: ${f("Types.csv")} (line 3), table Types, column "B": unknown type "strnig": expected a Kusto type (${KUSTO_TYPE_LIST}) or one of its spellings`],
  },
  {
    title: "unknown type spelling in a Sentinel file",
    files: { "Sent.sentinel.json": sentinel("Sent", [{ Name: "A", Type: "string" }, { Name: "B", Type: "varchar" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("Sent.sentinel.json")} (property 2), table Sent, column "B": unknown type "varchar": expected a Kusto type`],
  },
  {
    title: "unknown DataType when there is no ColumnType",
    files: { "Net.getschema.csv": csv("ColumnName,ColumnOrdinal,DataType", "A,0,System.String", "B,1,System.Single") },
    want: ({ f }) => [`kqlgen: error: ${f("Net.getschema.csv")} (line 3), table Net, column "B": unknown DataType "System.Single": expected a .NET type such as System.String, System.Int64, System.DateTime`],
  },
  {
    title: "a column with no type at all",
    files: { "NoType.sentinel.json": sentinel("NoType", [{ Name: "A" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("NoType.sentinel.json")} (property 1), table NoType, column "A": column has no type: expected a ColumnType or DataType`],
  },
  {
    title: "a type that is not a string",
    files: { "NumType.sentinel.json": sentinel("NumType", [{ Name: "A", Type: 5 }]) },
    want: ({ f }) => [`kqlgen: error: ${f("NumType.sentinel.json")} (property 1), table NumType, column "A": column has no type (found 5): expected a ColumnType or DataType`],
  },
  // ---- column names
  {
    title: "missing column name",
    files: { "NoName.sentinel.json": sentinel("NoName", [{ Name: "A", Type: "string" }, { Type: "int" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("NoName.sentinel.json")} (property 2), table NoName: column has no name: expected a non-empty ColumnName`],
  },
  {
    title: "empty column name",
    files: { "Empty.csv": csv("ColumnName,ColumnType", "A,string", ",int") },
    want: ({ f }) => [`kqlgen: error: ${f("Empty.csv")} (line 3), table Empty: column has no name: expected a non-empty ColumnName`],
  },
  {
    title: "column name of blanks only",
    files: { "Blank.csv": csv("ColumnName,ColumnType", '"   ",int') },
    want: ({ f }) => [`kqlgen: error: ${f("Blank.csv")} (line 2), table Blank: column has no name: expected a non-empty ColumnName`],
  },
  {
    title: "column name with a control character",
    files: { "Ctl.sentinel.json": sentinel("Ctl", [{ Name: "A\tB", Type: "string" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("Ctl.sentinel.json")} (property 1), table Ctl, column "A\\tB": column name contains control characters or broken Unicode (lone surrogates)`],
  },
  {
    title: "duplicate column (same name twice)",
    files: { "Dup.sentinel.json": sentinel("Dup", [{ Name: "A", Type: "string" }, { Name: "B", Type: "int" }, { name: "A", type: "string" }]) },
    want: ({ f }) => [
      `kqlgen: error: ${f("Dup.sentinel.json")} (property 3), table Dup, column "A": duplicate column: "A" already appears at property 1; expected each column name once (names are case-sensitive)`,
    ],
  },
  // ---- ordinals
  {
    title: "duplicate ordinal",
    files: { "DupOrd.csv": csv("ColumnName,ColumnOrdinal,ColumnType", "A,0,string", "B,1,int", "C,1,long") },
    want: ({ f }) => [`kqlgen: error: ${f("DupOrd.csv")} (line `, `), table DupOrd, column "`, `ColumnOrdinal 1 is used twice (also by column "`, `expected ordinals 0..2, each once`],
  },
  {
    title: "ordinal gap",
    files: { "Gap.csv": csv("ColumnName,ColumnOrdinal,ColumnType", "A,0,string", "B,1,int", "C,3,long") },
    want: ({ f }) => [`kqlgen: error: ${f("Gap.csv")} (line 4), table Gap, column "C": ColumnOrdinal 3 leaves a gap: expected ordinals 0..2, each once`],
  },
  {
    title: "non-integer ordinal",
    files: { "Frac.csv": csv("ColumnName,ColumnOrdinal,ColumnType", "A,0,string", "B,1.5,int") },
    want: ({ f }) => [`kqlgen: error: ${f("Frac.csv")} (line 3), table Frac, column "B": ColumnOrdinal "1.5" is not valid: expected a whole number from 0`],
  },
  {
    title: "negative ordinal in a snapshot",
    files: { "Neg.kqlgen.json": snapshot({ table: "Neg", columns: [{ name: "A", type: "string", ordinal: -1 }] }) },
    want: ({ f }) => [`kqlgen: error: ${f("Neg.kqlgen.json")} (/columns/0), table Neg, column "A": ColumnOrdinal -1 is not valid: expected a whole number from 0`],
  },
  {
    title: "ordinals on some columns only",
    files: { "Some.csv": csv("ColumnName,ColumnOrdinal,ColumnType", "A,0,string", "B,,int") },
    want: ({ f }) => [`kqlgen: error: ${f("Some.csv")} (line 3), table Some, column "B": column has no ColumnOrdinal while others have one: expected all or none`],
  },
  // ---- empty input
  {
    title: "empty schema: a header and no rows",
    files: { "NoRows.getschema.csv": csv("ColumnName,ColumnType") },
    want: ({ f }) => [`kqlgen: error: ${f("NoRows.getschema.csv")}, table NoRows: the schema has no columns: expected at least one column`],
  },
  {
    title: "empty schema: a Log Analytics response with no rows",
    files: {
      "NoRows2.json": JSON.stringify({ tables: [{ name: "PrimaryResult", columns: [{ name: "ColumnName", type: "string" }, { name: "ColumnType", type: "string" }], rows: [] }] }),
    },
    want: ({ f }) => [`kqlgen: error: ${f("NoRows2.json")}, table NoRows2: the schema has no columns: expected at least one column`],
  },
  {
    title: "empty file",
    files: { "Nothing.json": "" },
    want: ({ f }) => [`kqlgen: error: ${f("Nothing.json")}, table Nothing: the file is empty: expected a getschema result (JSON or CSV)`],
  },
  {
    title: "file of blanks and line ends only",
    files: { "Blanks.csv": " \r\n\n  \n" },
    want: ({ f }) => [`kqlgen: error: ${f("Blanks.csv")}, table Blanks: the file is empty: expected a getschema result (JSON or CSV)`],
  },
  // ---- table names
  {
    title: "table name from the file name starts with a digit (1bad.csv)",
    files: { "1bad.csv": csv("ColumnName,ColumnType", "A,string") },
    want: ({ f }) => [`kqlgen: error: ${f("1bad.csv")}: table name "1bad" (from the file name) is not a valid table identifier: expected letters, digits and "_", not starting with a digit`],
  },
  {
    title: "table name from the file name has a dash (my-table.json)",
    files: { "my-table.json": sentinel(undefined, [{ Name: "A", Type: "string" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("my-table.json")}: table name "my-table" (from the file name) is not a valid table identifier: expected letters, digits and "_"`],
  },
  {
    title: "table name from a Sentinel Name is not an identifier",
    files: { "Fine.sentinel.json": sentinel("Device Info", [{ Name: "A", Type: "string" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("Fine.sentinel.json")}: table name "Device Info" (from the file content) is not a valid table identifier: expected letters, digits and "_"`],
  },
  {
    title: "Sentinel Name that is not a string",
    files: { "NumName.sentinel.json": JSON.stringify({ Name: 7, Properties: [{ Name: "A", Type: "string" }] }) },
    want: ({ f }) => [`kqlgen: error: ${f("NumName.sentinel.json")} (/Name): table Name is 7: expected a string`],
  },
  {
    title: "two files for one table",
    files: { "Twice.getschema.csv": csv("ColumnName,ColumnType", "A,string"), "Twice.sentinel.json": sentinel("Twice", [{ Name: "A", Type: "string" }]) },
    want: ({ f }) => [`kqlgen: error: ${f("Twice.sentinel.json")}, table Twice: table Twice is also defined by ${f("Twice.getschema.csv")}: expected one file per table`],
  },
  {
    title: "two files for one table, one naming it in its content",
    files: { "DeviceInfo.csv": csv("ColumnName,ColumnType", "A,string"), "Copy.kqlgen.json": snapshot({ table: "DeviceInfo" }) },
    want: ({ f }) => [`kqlgen: error: ${f("DeviceInfo.csv")}, table DeviceInfo: table DeviceInfo is also defined by ${f("Copy.kqlgen.json")}: expected one file per table`],
  },
  {
    title: "two tables whose names differ only in case",
    files: { "AlertInfo.csv": csv("ColumnName,ColumnType", "A,string"), "alertinfo.json": sentinel(undefined, [{ Name: "A", Type: "string" }]) },
    want: ({ f }) => [
      `kqlgen: error: ${f("alertinfo.json")}, table alertinfo: table alertinfo differs only in letter case from table AlertInfo (${f("AlertInfo.csv")}): expected names that differ in more than case`,
    ],
  },
  // ---- unreadable, undecodable, unknown
  {
    title: "an unreadable file (chmod 000)",
    skip: !CHMOD_WORKS,
    files: { "Locked.csv": csv("ColumnName,ColumnType", "A,string") },
    setup: async ({ f }) => chmod(f("Locked.csv"), 0),
    want: ({ f }) => [`kqlgen: error: ${f("Locked.csv")}: cannot read the file (permission denied): expected a readable schema file`],
  },
  {
    // Unreadable even for root: a folder where a schema file should be.
    title: "an unreadable schema file: a folder named like one",
    files: { "Good.csv": csv("ColumnName,ColumnType", "A,string"), "Folder.json/inner.txt": "x" },
    want: ({ f }) => [`kqlgen: error: ${f("Folder.json")}: cannot read the file (it is a folder): expected a readable schema file`],
  },
  {
    title: "an unreadable schema file: a dangling symbolic link",
    files: { "Good.csv": csv("ColumnName,ColumnType", "A,string") },
    setup: async ({ f }) => symlink(f("missing-target.csv"), f("Gone.csv")),
    want: ({ f }) => [`kqlgen: error: ${f("Gone.csv")}: cannot read the file (`, "): expected a readable schema file"],
  },
  {
    title: "a file that is not UTF-8 (UTF-16 LE with BOM, as Windows tools export)",
    files: { "Wide.csv": new Uint8Array(Buffer.from("\uFEFFColumnName,ColumnType\r\nA,string\r\n", "utf16le")) },
    want: ({ f }) => [`kqlgen: error: ${f("Wide.csv")}: the file is not valid UTF-8: expected UTF-8 text (JSON or CSV)`],
  },
  {
    title: "a file that is not UTF-8 (Latin-1 column name)",
    files: { "Latin.csv": new Uint8Array([...Buffer.from("ColumnName,ColumnType\nCaf"), 0xe9, ...Buffer.from(",string\n")]) },
    want: ({ f }) => [`kqlgen: error: ${f("Latin.csv")}: the file is not valid UTF-8`],
  },
  {
    title: "JSON of an unknown shape",
    files: { "Odd.json": JSON.stringify({ columns: [{ name: "A", type: "string" }] }) },
    want: ({ f }) => [
      `kqlgen: error: ${f("Odd.json")}: JSON is not a schema format kqlgen reads: expected a kqlgen snapshot, a Log Analytics query response ({"tables":[...]}), a Graph runHuntingQuery or advanced hunting API response`,
    ],
  },
  {
    title: "a JSON array",
    files: { "List.json": JSON.stringify([["A", "string"]]) },
    want: ({ f }) => [`kqlgen: error: ${f("List.json")}: JSON is not a schema format kqlgen reads`],
  },
  {
    title: "snapshot with a wrong format version",
    files: { "Snap.kqlgen.json": snapshot({ format: "kqlgen.snapshot/v2" }) },
    want: ({ f }) => [`kqlgen: error: ${f("Snap.kqlgen.json")} (/format): snapshot format "kqlgen.snapshot/v2" is not supported: expected "kqlgen.snapshot/v1"`],
  },
  {
    title: "snapshot with an unknown platform",
    files: { "Snap.kqlgen.json": snapshot({ platform: "sentinel" }) },
    want: ({ f }) => [`kqlgen: error: ${f("Snap.kqlgen.json")} (/platform), table Snap: platform "sentinel" is not known: expected one of defender-advanced-hunting, log-analytics`],
  },
  {
    title: "snapshot without a table",
    files: { "Snap.kqlgen.json": snapshot({ table: undefined }) },
    want: ({ f }) => [`kqlgen: error: ${f("Snap.kqlgen.json")} (/table): snapshot "table" is missing: expected the table name as a string`],
  },
  {
    title: "CSV header without ColumnName",
    files: { "Hdr.csv": csv("Name,Type", "A,string") },
    want: ({ f }) => [`kqlgen: error: ${f("Hdr.csv")}: the CSV header names the columns ["Name","Type"]: expected ColumnName and ColumnType or DataType (as \`| getschema\` returns)`],
  },
  {
    title: "Log Analytics result without a type column",
    files: { "LaHdr.json": JSON.stringify({ tables: [{ name: "PrimaryResult", columns: [{ name: "ColumnName", type: "string" }], rows: [["A"]] }] }) },
    want: ({ f }) => [`kqlgen: error: ${f("LaHdr.json")}: the Log Analytics result names the columns ["ColumnName"]: expected ColumnName and ColumnType or DataType`],
  },
  {
    title: "Graph result that is not an object",
    files: { "Rows.graph.json": JSON.stringify({ schema: [{ name: "ColumnName" }, { name: "ColumnType" }], results: [["A", "string"]] }) },
    want: ({ f }) => [`kqlgen: error: ${f("Rows.graph.json")} (/results/0), table Rows: result is an array: expected an object`],
  },
  // ---- the schemas folder
  {
    title: "no schema files in the folder",
    files: { "README.md": "# notes\n", "schema.txt": "ColumnName,ColumnType\nA,string\n" },
    want: ({ schemas }) => [`kqlgen: error: ${schemas}: the schemas folder holds no schema files: expected .json or .csv getschema results`],
  },
  {
    title: "schemas folder missing",
    want: ({ schemas }) => [`kqlgen: error: ${schemas}: cannot read the schemas folder (it does not exist): expected a folder of schema files (--schemas)`],
  },
  {
    title: "--schemas names a file",
    files: { "A.csv": csv("ColumnName,ColumnType", "A,string") },
    args: ({ schemas }) => ["--config", emptyConfig, "--schemas", path.join(schemas, "A.csv")],
    want: ({ f }) => [`kqlgen: error: ${f("A.csv")}: is not a folder: expected a folder of schema files (--schemas)`],
  },
  // ---- configuration (the schemas are the good set)
  {
    title: "config: malformed JSON",
    files: GOOD,
    config: '{ "mapping": { "long": "number", } }',
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (line 1, column 34): malformed JSON (`, "): expected a kqlgen config object"],
  },
  {
    title: "config: unknown key",
    files: GOOD,
    config: JSON.stringify({ mapping: { longs: "string" } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/mapping): unknown key "longs" (did you mean "long"?): expected one of "long", "formats", "unknownColumns"`],
  },
  {
    title: "config: bad enum value for mapping.long",
    files: GOOD,
    config: JSON.stringify({ mapping: { long: "int64" } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/mapping/long): must be equal to one of the allowed values: expected one of "number", "string", "bigint"`],
  },
  {
    title: "config: override naming an unknown table, with --strict (without it, a warning: test/project.test.ts)",
    files: GOOD,
    config: JSON.stringify({ columns: { "Nope.Timestamp": { nullable: false } } }),
    args: ({ dir }) => ["--config", path.join(dir, "config.json"), "--strict"],
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/columns/Nope.Timestamp), table Nope: no such table in the schemas: the override is ignored (--strict makes this an error)`],
  },
  {
    title: "config: override naming an unknown column, with a did-you-mean for a case mistake",
    files: GOOD,
    config: JSON.stringify({ columns: { "Good.LogonID": { long: "string" } } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/columns/Good.LogonID), table Good, column "LogonID": no such column in table Good (did you mean "LogonId"?)`],
  },
  {
    title: "config: override naming an unknown column, nothing near",
    files: GOOD,
    config: JSON.stringify({ columns: { "Good.Missing": { nullable: false } } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/columns/Good.Missing), table Good, column "Missing": no such column in table Good\n`],
  },
  {
    title: "config: long override on a column that is not long",
    files: GOOD,
    config: JSON.stringify({ columns: { "Good.Name": { long: "bigint" } } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/columns/Good.Name), table Good, column "Name": "long" applies to long columns: this column is string`],
  },
  {
    title: "config: schema override on a column that is not dynamic",
    files: GOOD,
    config: JSON.stringify({ columns: { "Good.Timestamp": { schema: { type: "string" } } } }),
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "config.json")} (/columns/Good.Timestamp), table Good, column "Timestamp": "schema" applies to dynamic columns: this column is datetime`],
  },
  {
    title: "config: a schema that is not a valid JSON Schema",
    files: GOOD,
    config: JSON.stringify({ columns: { "Good.Extra": { schema: { type: "array", items: { type: "strnig" } } } } }),
    want: ({ dir }) => [
      `kqlgen: error: ${path.join(dir, "config.json")}, table Good, column "Extra": the JSON Schema configured for this dynamic column does not compile (`,
      "): expected a valid JSON Schema",
    ],
  },
  {
    title: "config: several problems are all reported",
    files: GOOD,
    config: JSON.stringify({ package: { name: "Not A Name" }, mapping: { formats: "yes", unknownColumns: "ignore" } }),
    problems: 3,
    want: ({ dir }) => [
      `kqlgen: error: ${path.join(dir, "config.json")} (/package/name): must match pattern`,
      `kqlgen: error: ${path.join(dir, "config.json")} (/mapping/formats): must be boolean`,
      `kqlgen: error: ${path.join(dir, "config.json")} (/mapping/unknownColumns): must be equal to one of the allowed values: expected one of "report", "error"`,
    ],
  },
  {
    title: "--config naming a missing file",
    files: GOOD,
    args: ({ dir }) => ["--config", path.join(dir, "nope.json")],
    want: ({ dir }) => [`kqlgen: error: ${path.join(dir, "nope.json")}: cannot read the config file (it does not exist): expected a readable JSON file (--config)`],
  },
  // ---- usage
  {
    title: "an unknown option",
    files: GOOD,
    args: () => ["--config", emptyConfig, "--frobnicate"],
    want: () => ["error: unknown option '--frobnicate'"],
    problems: 0,
  },
  // ---- several problems in one run
  {
    title: "several bad files in one run: every problem is reported",
    files: {
      "1bad.csv": csv("ColumnName,ColumnType", "A,string"),
      "Dup.csv": csv("ColumnName,ColumnType", "A,string", "A,string"),
      "Empty.json": "",
      "Good.csv": csv("ColumnName,ColumnType", "A,string"),
      "Types.sentinel.json": sentinel("Types", [{ Name: "A", Type: "text" }, { Name: "B", Type: "number" }]),
    },
    problems: 5,
    want: ({ f }) => [
      `kqlgen: error: ${f("1bad.csv")}: table name "1bad"`,
      `kqlgen: error: ${f("Dup.csv")} (line 3), table Dup, column "A": duplicate column`,
      `kqlgen: error: ${f("Empty.json")}, table Empty: the file is empty`,
      `kqlgen: error: ${f("Types.sentinel.json")} (property 1), table Types, column "A": unknown type "text"`,
      `kqlgen: error: ${f("Types.sentinel.json")} (property 2), table Types, column "B": unknown type "number"`,
    ],
  },
];

let root = "";
let template = "";
let emptyConfig = "";

beforeAll(async () => {
  root = await makeTmpDir("bad-input");
  emptyConfig = path.join(root, "empty.config.json");
  await writeFile(emptyConfig, "{}\n");
  const good = path.join(root, "good");
  await writeTree(good, GOOD);
  template = path.join(root, "template-out");
  const { io, stderr } = captureIo();
  const code = await main(["generate", "--schemas", good, "--out", template, "--config", emptyConfig], io);
  expect(stderr()).toBe("");
  expect(code).toBe(0);
  // The user's own things inside the package folder: kqlgen must never lose them.
  await writeTree(template, { "node_modules/marker": "installed by the user\n" });
});

describe("bad input: exit 2, a message naming file, table, column and what was expected, output untouched", () => {
  it("the corpus is large enough", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.title)).size).toBe(cases.length);
  });

  it("the pre-populated output folder holds a real package and the user's node_modules", async () => {
    const tree = await hashTree(template);
    expect(Object.keys(tree)).toEqual(expect.arrayContaining(["package.json", "src/index.ts", "src/tables/Good.ts", "schemas/Good.schema.json", "node_modules/marker"]));
  });

  cases.forEach((c, i) => {
    it.skipIf(c.skip === true)(c.title, async () => {
      const dir = path.join(root, `case-${String(i).padStart(2, "0")}`);
      const schemas = path.join(dir, "schemas");
      const out = path.join(dir, "out");
      const ctx: Ctx = { schemas, dir, f: (name) => path.join(schemas, name) };
      await cp(template, out, { recursive: true });
      if (c.files) await writeTree(schemas, c.files);
      if (c.config !== undefined) await writeFile(path.join(dir, "config.json"), c.config);
      await c.setup?.(ctx);
      const before = await hashTree(out);
      const entriesBefore = (await readdir(dir)).sort();

      const args = c.args?.(ctx) ?? ["--config", c.config !== undefined ? path.join(dir, "config.json") : emptyConfig];
      const { io, stdout, stderr } = captureIo();
      const code = await main(["generate", "--schemas", schemas, "--out", out, ...args], io);

      const err = stderr();
      for (const want of c.want(ctx)) expect(err).toContain(want);
      expect(err.match(/^kqlgen: error: /gm)?.length ?? 0, err).toBe(c.problems ?? 1);
      expect(err).not.toMatch(/internal error|\n\s+at /);
      expect(stdout()).toBe("");
      expect(code).toBe(2);
      expect(await hashTree(out)).toEqual(before);
      // No temporary folder left next to the output either.
      expect((await readdir(dir)).sort()).toEqual(entriesBefore);
    });
  });
});
