/**
 * Sources: every input format, read from text (readSchemaText) and from a
 * folder (readSchemaDir), gives the same checked table. Table-driven:
 * each case is { given: a file, want: the table }.
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { KustoType } from "../src/model/kusto-types.js";
import { buildSchemaSet, type Platform, type Table } from "../src/model/schema.js";
import { readSchemaDir, readSchemaText, tableNameFromFile } from "../src/sources/index.js";
import { ALL_SCHEMAS, cleanupTmpDirs, FIXTURES, makeTmpDir, TEST_SCHEMAS, writeTree } from "./helpers/tree.js";

afterAll(cleanupTmpDirs);

interface Want {
  name: string;
  platform?: Platform;
  /** [name, type] in ordinal order. */
  columns: [string, KustoType][];
}

interface Case {
  /** What the case is about. */
  title: string;
  given: { file: string; text: string };
  want: Want;
}

const BOM = "\uFEFF";

function toTable(want: Want, source: string): Table {
  return {
    name: want.name,
    ...(want.platform ? { platform: want.platform } : {}),
    columns: want.columns.map(([name, type], ordinal) => ({ name, type, ordinal })),
    source,
  };
}

/** readSchemaText (BOM already removed, as readSchemaFile does) → checked table. */
function fromText(file: string, text: string): Table {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const raw = readSchemaText({ file, text: body, nameFromFile: tableNameFromFile(file) });
  const set = buildSchemaSet([raw]);
  expect(set.tables).toHaveLength(1);
  return set.tables[0]!;
}

/** The same file written to a folder of its own and read with readSchemaDir. */
async function fromDir(file: string, text: string): Promise<{ table: Table; path: string }> {
  const dir = await makeTmpDir("sources");
  await writeTree(dir, { [file]: text });
  const set = await readSchemaDir(dir);
  expect(set.tables).toHaveLength(1);
  return { table: set.tables[0]!, path: path.join(dir, file) };
}

const laColumns4 = [
  { name: "ColumnName", type: "string" },
  { name: "ColumnOrdinal", type: "int" },
  { name: "DataType", type: "string" },
  { name: "ColumnType", type: "string" },
];

function logAnalytics(columns: { name: string; type: string }[], rows: unknown[][]): string {
  return JSON.stringify({ tables: [{ name: "PrimaryResult", columns, rows }] });
}

const cases: Case[] = [
  // ---- Log Analytics query API response
  {
    title: "Log Analytics response, 4 columns",
    given: {
      file: "DeviceInfo.getschema.json",
      text: logAnalytics(laColumns4, [
        ["Timestamp", 0, "System.DateTime", "datetime"],
        ["DeviceId", 1, "System.String", "string"],
        ["IsAzureADJoined", 2, "System.SByte", "bool"],
        ["ReportId", 3, "System.Int64", "long"],
        ["AdditionalFields", 4, "System.Object", "dynamic"],
      ]),
    },
    want: {
      name: "DeviceInfo",
      columns: [
        ["Timestamp", "datetime"],
        ["DeviceId", "string"],
        ["IsAzureADJoined", "bool"],
        ["ReportId", "long"],
        ["AdditionalFields", "dynamic"],
      ],
    },
  },
  {
    title: "Log Analytics response with only ColumnName, ColumnOrdinal, DataType",
    given: {
      file: "DataTypeOnly.getschema.json",
      text: logAnalytics(laColumns4.slice(0, 3), [
        ["Flag", 0, "System.SByte"],
        ["Count", 1, "System.Int32"],
        ["Big", 2, "System.Int64"],
        ["Ratio", 3, "System.Double"],
        ["Money", 4, "System.Data.SqlTypes.SqlDecimal"],
        ["When", 5, "System.DateTime"],
        ["Took", 6, "System.TimeSpan"],
        ["Id", 7, "System.Guid"],
        ["Bag", 8, "System.Object"],
        ["Text", 9, "System.String"],
        ["Really", 10, "System.Boolean"],
      ]),
    },
    want: {
      name: "DataTypeOnly",
      columns: [
        ["Flag", "bool"],
        ["Count", "int"],
        ["Big", "long"],
        ["Ratio", "real"],
        ["Money", "decimal"],
        ["When", "datetime"],
        ["Took", "timespan"],
        ["Id", "guid"],
        ["Bag", "dynamic"],
        ["Text", "string"],
        ["Really", "bool"],
      ],
    },
  },
  {
    title: "Log Analytics response, rows out of ordinal order are sorted by ColumnOrdinal",
    given: {
      file: "Shuffled.json",
      text: logAnalytics(laColumns4, [
        ["C", 2, "System.Int32", "int"],
        ["A", 0, "System.String", "string"],
        ["D", 3, "System.Double", "real"],
        ["B", 1, "System.Guid", "guid"],
      ]),
    },
    want: {
      name: "Shuffled",
      columns: [
        ["A", "string"],
        ["B", "guid"],
        ["C", "int"],
        ["D", "real"],
      ],
    },
  },
  {
    title: "Log Analytics response, result columns in another order",
    given: {
      file: "Reordered.json",
      text: logAnalytics(
        [laColumns4[3]!, laColumns4[1]!, laColumns4[0]!, laColumns4[2]!],
        [
          ["timespan", 1, "Took", "System.TimeSpan"],
          ["decimal", 0, "Money", "System.Data.SqlTypes.SqlDecimal"],
        ],
      ),
    },
    want: {
      name: "Reordered",
      columns: [
        ["Money", "decimal"],
        ["Took", "timespan"],
      ],
    },
  },

  // ---- Microsoft Graph runHuntingQuery
  {
    title: "Graph runHuntingQuery, lowercase keys, @odata.context, results out of order",
    given: {
      file: "DeviceProcessEvents.graph.json",
      text: JSON.stringify({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults",
        schema: [
          { name: "ColumnName", type: "String" },
          { name: "ColumnOrdinal", type: "Int32" },
          { name: "DataType", type: "String" },
          { name: "ColumnType", type: "String" },
        ],
        results: [
          { ColumnName: "LogonID", ColumnOrdinal: 2, DataType: "System.Int64", ColumnType: "long" },
          { ColumnName: "Timestamp", ColumnOrdinal: 0, DataType: "System.DateTime", ColumnType: "datetime" },
          { ColumnName: "LogonId", ColumnOrdinal: 1, DataType: "System.Int64", ColumnType: "long" },
        ],
      }),
    },
    want: {
      name: "DeviceProcessEvents",
      platform: "defender-advanced-hunting",
      columns: [
        ["Timestamp", "datetime"],
        ["LogonId", "long"],
        ["LogonID", "long"],
      ],
    },
  },
  {
    title: "Graph runHuntingQuery, PascalCase keys",
    given: {
      file: "CloudAppEvents.graph.json",
      text: JSON.stringify({
        Schema: [
          { Name: "ColumnName", Type: "String" },
          { Name: "ColumnOrdinal", Type: "Int32" },
          { Name: "DataType", Type: "String" },
          { Name: "ColumnType", Type: "String" },
        ],
        Results: [
          { ColumnName: "Timestamp", ColumnOrdinal: 0, DataType: "System.DateTime", ColumnType: "datetime" },
          { ColumnName: "AppInstanceId", ColumnOrdinal: 1, DataType: "System.Int32", ColumnType: "int" },
          { ColumnName: "RawEventData", ColumnOrdinal: 2, DataType: "System.Object", ColumnType: "dynamic" },
        ],
      }),
    },
    want: {
      name: "CloudAppEvents",
      platform: "defender-advanced-hunting",
      columns: [
        ["Timestamp", "datetime"],
        ["AppInstanceId", "int"],
        ["RawEventData", "dynamic"],
      ],
    },
  },
  {
    title: "Graph runHuntingQuery, result keys in another casing than the schema names",
    given: {
      file: "Cased.graph.json",
      text: JSON.stringify({
        schema: [
          { name: "ColumnName", type: "String" },
          { name: "ColumnType", type: "String" },
        ],
        results: [
          { columnname: "Timestamp", COLUMNTYPE: "datetime" },
          { ColumnName: "Account", columnType: "string" },
        ],
      }),
    },
    want: {
      name: "Cased",
      platform: "defender-advanced-hunting",
      columns: [
        ["Timestamp", "datetime"],
        ["Account", "string"],
      ],
    },
  },

  // ---- legacy advanced hunting API
  {
    title: "legacy advanced hunting API response (Stats, Schema, Results)",
    given: {
      file: "DeviceLogonEvents.legacy.json",
      text: JSON.stringify({
        Stats: { ExecutionTime: 0.01, dataset_statistics: [{ table_row_count: 3 }] },
        Schema: [
          { Name: "ColumnName", Type: "String" },
          { Name: "ColumnOrdinal", Type: "Int32" },
          { Name: "DataType", Type: "String" },
          { Name: "ColumnType", Type: "String" },
        ],
        Results: [
          { ColumnName: "Timestamp", ColumnOrdinal: 0, DataType: "System.DateTime", ColumnType: "datetime" },
          { ColumnName: "IsLocalAdmin", ColumnOrdinal: 2, DataType: "System.SByte", ColumnType: "bool" },
          { ColumnName: "LogonId", ColumnOrdinal: 1, DataType: "System.Int64", ColumnType: "long" },
        ],
      }),
    },
    want: {
      name: "DeviceLogonEvents",
      platform: "defender-advanced-hunting",
      columns: [
        ["Timestamp", "datetime"],
        ["LogonId", "long"],
        ["IsLocalAdmin", "bool"],
      ],
    },
  },

  // ---- CSV
  {
    title: "CSV, 4 columns, standard header order, LF",
    given: {
      file: "DeviceNetworkEvents.getschema.csv",
      text: "ColumnName,ColumnOrdinal,DataType,ColumnType\nTimestamp,0,System.DateTime,datetime\nRemotePort,1,System.Int32,int\n",
    },
    want: {
      name: "DeviceNetworkEvents",
      columns: [
        ["Timestamp", "datetime"],
        ["RemotePort", "int"],
      ],
    },
  },
  {
    title: "CSV with UTF-8 BOM, CRLF, header in another order, quoted fields",
    given: {
      file: "DeviceFileEvents.getschema.csv",
      text:
        BOM +
        'ColumnType,"ColumnName",DataType,"ColumnOrdinal"\r\n' +
        '"datetime","Timestamp","System.DateTime","0"\r\n' +
        'string,DeviceId,System.String,1\r\n' +
        '"long","FileSize",System.Int64,2\r\n',
    },
    want: {
      name: "DeviceFileEvents",
      columns: [
        ["Timestamp", "datetime"],
        ["DeviceId", "string"],
        ["FileSize", "long"],
      ],
    },
  },
  {
    title: "CSV quoted fields holding commas, doubled quotes, blanks",
    given: {
      file: "Quoted.csv",
      text: 'ColumnName,ColumnType\n"a,b",string\n"say ""hi""",int\n"two words","guid"\n"x""""",bool\n',
    },
    want: {
      name: "Quoted",
      columns: [
        ["a,b", "string"],
        ['say "hi"', "int"],
        ["two words", "guid"],
        ['x""', "bool"],
      ],
    },
  },
  {
    title: "CSV with two columns ColumnName,ColumnType: row order is column order",
    given: { file: "AlertEvidence.getschema.csv", text: "ColumnName,ColumnType\nTimestamp,datetime\nAlertId,string\nRemotePort,int" },
    want: {
      name: "AlertEvidence",
      columns: [
        ["Timestamp", "datetime"],
        ["AlertId", "string"],
        ["RemotePort", "int"],
      ],
    },
  },
  {
    title: "CSV ordinals as (quoted) strings, rows out of order, header in lower case",
    given: { file: "Ordinals.csv", text: 'columnordinal,columnname,columntype\n"2",C,real\n0,A,string\n" 1 ",B,timespan\n' },
    want: {
      name: "Ordinals",
      columns: [
        ["A", "string"],
        ["B", "timespan"],
        ["C", "real"],
      ],
    },
  },
  {
    title: "CSV with only DataType: System.SByte is bool",
    given: { file: "NetOnly.csv", text: "ColumnName,DataType\nFlag,System.SByte\nN,System.Int32\n" },
    want: {
      name: "NetOnly",
      columns: [
        ["Flag", "bool"],
        ["N", "int"],
      ],
    },
  },

  // ---- Sentinel-style table JSON
  {
    title: "Sentinel table JSON with mixed key and type casing",
    given: {
      file: "DeviceImageLoadEvents.sentinel.json",
      text: JSON.stringify({
        Name: "DeviceImageLoadEvents",
        Properties: [
          { Name: "Timestamp", Type: "DateTime" },
          { name: "DeviceId", type: "String" },
          { Name: "DeviceName", type: "string" },
          { NAME: "InitiatingProcessId", TYPE: "Long" },
          { name: "When", Type: "Datetime" },
        ],
      }),
    },
    want: {
      name: "DeviceImageLoadEvents",
      columns: [
        ["Timestamp", "datetime"],
        ["DeviceId", "string"],
        ["DeviceName", "string"],
        ["InitiatingProcessId", "long"],
        ["When", "datetime"],
      ],
    },
  },
  {
    title: "Sentinel table JSON: the table name in the content wins over the file name; lower-case top keys",
    given: {
      file: "Whatever.sentinel.json",
      text: JSON.stringify({ name: "AlertInfo", properties: [{ Name: "AlertId", Type: "string" }] }),
    },
    want: { name: "AlertInfo", columns: [["AlertId", "string"]] },
  },
  {
    title: "Sentinel table JSON without a Name: the file name names the table",
    given: { file: "NoName.sentinel.json", text: JSON.stringify({ Properties: [{ Name: "X", Type: "Boolean" }] }) },
    want: { name: "NoName", columns: [["X", "bool"]] },
  },

  // ---- kqlgen snapshot
  {
    title: "kqlgen snapshot keeps its platform and its table name",
    given: {
      file: "Other.kqlgen.json",
      text: JSON.stringify({
        format: "kqlgen.snapshot/v1",
        table: "AlertInfo",
        platform: "defender-advanced-hunting",
        columns: [
          { name: "Timestamp", type: "datetime", ordinal: 0 },
          { name: "AlertId", type: "string", ordinal: 1 },
        ],
      }),
    },
    want: {
      name: "AlertInfo",
      platform: "defender-advanced-hunting",
      columns: [
        ["Timestamp", "datetime"],
        ["AlertId", "string"],
      ],
    },
  },
  {
    title: "kqlgen snapshot with platform log-analytics, columns out of order",
    given: {
      file: "SigninLogs.kqlgen.json",
      text: JSON.stringify({
        format: "kqlgen.snapshot/v1",
        table: "SigninLogs",
        platform: "log-analytics",
        columns: [
          { name: "TimeGenerated", type: "datetime", ordinal: 1 },
          { name: "TenantId", type: "guid", ordinal: 0 },
        ],
      }),
    },
    want: {
      name: "SigninLogs",
      platform: "log-analytics",
      columns: [
        ["TenantId", "guid"],
        ["TimeGenerated", "datetime"],
      ],
    },
  },
  {
    title: "kqlgen snapshot without platform has none",
    given: {
      file: "AllTypes.kqlgen.json",
      text: JSON.stringify({ format: "kqlgen.snapshot/v1", table: "AllTypes", columns: [{ name: "D", type: "dynamic", ordinal: 0 }] }),
    },
    want: { name: "AllTypes", columns: [["D", "dynamic"]] },
  },

  // ---- detection by content, table name from the file name
  {
    title: "format is detected from the content, not the extension (.csv holding a Log Analytics response)",
    given: { file: "Detected.csv", text: logAnalytics(laColumns4, [["A", 0, "System.String", "string"]]) },
    want: { name: "Detected", columns: [["A", "string"]] },
  },
  {
    title: "table name is the file name up to the first dot",
    given: { file: "My_Table2.some.thing.csv", text: "ColumnName,ColumnType\nA,string\n" },
    want: { name: "My_Table2", columns: [["A", "string"]] },
  },
  {
    title: "table name of a file with one dot",
    given: { file: "_t.json", text: JSON.stringify({ Properties: [{ Name: "A", Type: "string" }] }) },
    want: { name: "_t", columns: [["A", "string"]] },
  },
];

describe("readSchemaText and readSchemaDir, per format", () => {
  it.each(cases)("$title", async ({ given, want }) => {
    expect(fromText(given.file, given.text)).toEqual(toTable(want, given.file));
    const { table, path: full } = await fromDir(given.file, given.text);
    expect(table).toEqual(toTable(want, full));
  });
});

/** Every spelling in shared/notes/kusto.md, with the Kusto type it names. */
const SPELLINGS: [string, KustoType][] = [
  ["string", "string"],
  ["System.String", "string"],
  ["String", "string"],
  ["bool", "bool"],
  ["System.SByte", "bool"],
  ["System.Boolean", "bool"],
  ["boolean", "bool"],
  ["Boolean", "bool"],
  ["Bool", "bool"],
  ["int", "int"],
  ["System.Int32", "int"],
  ["Int32", "int"],
  ["Int", "int"],
  ["int16", "int"],
  // kusto.md lists int8 in the bool row (footnote: System.SByte is .NET's int8)
  // and in the int row; Kusto's own parser (ScalarTypes.GetSymbol("int8")) says int.
  ["int8", "int"],
  ["uint8", "int"],
  ["long", "long"],
  ["System.Int64", "long"],
  ["Int64", "long"],
  ["int64", "long"],
  ["Long", "long"],
  ["uint64", "long"],
  ["real", "real"],
  ["System.Double", "real"],
  ["Double", "real"],
  ["double", "real"],
  ["float", "real"],
  ["Real", "real"],
  ["decimal", "decimal"],
  ["System.Data.SqlTypes.SqlDecimal", "decimal"],
  ["Decimal", "decimal"],
  ["datetime", "datetime"],
  ["System.DateTime", "datetime"],
  ["DateTime", "datetime"],
  ["Datetime", "datetime"],
  ["date", "datetime"],
  ["timespan", "timespan"],
  ["System.TimeSpan", "timespan"],
  ["TimeSpan", "timespan"],
  ["time", "timespan"],
  ["guid", "guid"],
  ["System.Guid", "guid"],
  ["Guid", "guid"],
  ["uuid", "guid"],
  ["uniqueid", "guid"],
  ["dynamic", "dynamic"],
  ["System.Object", "dynamic"],
  ["Dynamic", "dynamic"],
  ["object", "dynamic"],
];

/** A spelling in every casing a hand-kept file might use. */
function casings(s: string): string[] {
  const alternating = [...s].map((ch, i) => (i % 2 ? ch.toLowerCase() : ch.toUpperCase())).join("");
  return [...new Set([s, s.toLowerCase(), s.toUpperCase(), alternating])];
}

describe("type spellings", () => {
  const rows = SPELLINGS.flatMap(([spelling, type]) => casings(spelling).map((given) => ({ given, want: type })));

  it("covers all ten Kusto types", () => {
    expect(new Set(SPELLINGS.map(([, t]) => t)).size).toBe(10);
  });

  it.each(rows)("ColumnType $given → $want (CSV and Sentinel)", ({ given, want }) => {
    const csv = fromText("T.csv", `ColumnName,ColumnType\nC,${given}\n`);
    expect(csv.columns).toEqual([{ name: "C", type: want, ordinal: 0 }]);
    const sentinel = fromText("T.json", JSON.stringify({ Name: "T", Properties: [{ Name: "C", Type: given }] }));
    expect(sentinel.columns).toEqual([{ name: "C", type: want, ordinal: 0 }]);
  });

  it.each(rows)("DataType-only $given → $want", ({ given, want }) => {
    const t = fromText("T.csv", `ColumnName,ColumnOrdinal,DataType\nC,0,${given}\n`);
    expect(t.columns).toEqual([{ name: "C", type: want, ordinal: 0 }]);
  });

  const precedence: { given: { dataType: string; columnType: string }; want: KustoType }[] = [
    { given: { dataType: "System.SByte", columnType: "bool" }, want: "bool" },
    { given: { dataType: "System.Int64", columnType: "int" }, want: "int" },
    { given: { dataType: "System.String", columnType: "dynamic" }, want: "dynamic" },
    { given: { dataType: "System.Object", columnType: "string" }, want: "string" },
    { given: { dataType: "System.SByte", columnType: "" }, want: "bool" },
  ];
  it.each(precedence)("ColumnType wins over DataType: $given.dataType + ColumnType \"$given.columnType\" → $want", ({ given, want }) => {
    const csv = fromText("T.csv", `ColumnName,ColumnOrdinal,DataType,ColumnType\nC,0,${given.dataType},${given.columnType}\n`);
    expect(csv.columns[0]!.type).toBe(want);
    const la = fromText("T.json", logAnalytics(laColumns4, [["C", 0, given.dataType, given.columnType]]));
    expect(la.columns[0]!.type).toBe(want);
  });
});

describe("tableNameFromFile", () => {
  it.each([
    { given: "DeviceInfo.getschema.json", want: "DeviceInfo" },
    { given: "DeviceInfo.json", want: "DeviceInfo" },
    { given: "a/b.c/DeviceInfo.x.y.csv", want: "DeviceInfo" },
    { given: "1bad.csv", want: "1bad" },
  ])("$given → $want", ({ given, want }) => {
    expect(tableNameFromFile(given)).toBe(want);
  });
});

interface DefenderTable {
  table: string;
  platform: string;
  columns: [string, string][];
}

/**
 * Columns the live 2026 stream carries (shared/real-stream/records/graph2otel) that
 * shared/defender-tables does not list yet: the fixtures follow the stream, these
 * come after the documented columns, with the types the wire shows.
 */
const STREAM_2026_COLUMNS: Record<string, [string, string][]> = {
  DeviceEvents: [["InitiatingProcessUniqueId", "string"]],
  DeviceFileEvents: [["InitiatingProcessUniqueId", "string"]],
  DeviceImageLoadEvents: [["InitiatingProcessUniqueId", "string"]],
  DeviceInfo: [
    ["MitigationStatus", "dynamic"],
    ["HardwareUuid", "string"],
    ["AzureVmId", "string"],
    ["AzureVmSubscriptionId", "string"],
    ["CloudPlatforms", "string"],
    ["IsTransient", "bool"],
    ["OsBuildRevision", "long"],
  ],
  DeviceLogonEvents: [["InitiatingProcessUniqueId", "string"]],
  DeviceNetworkEvents: [["InitiatingProcessUniqueId", "string"]],
  DeviceProcessEvents: [
    ["InitiatingProcessUniqueId", "string"],
    ["ProcessUniqueId", "string"],
  ],
};

describe("the fixtures folder", () => {
  it("holds the 14 Defender tables, sorted, each matching shared/defender-tables, plus the columns the 2026 stream carries", async () => {
    const set = await readSchemaDir(FIXTURES);
    const names = set.tables.map((t) => t.name);
    expect(names).toHaveLength(14);
    expect(names).toEqual([...names].sort());

    const sharedDir = path.resolve(FIXTURES, "..", "..", "shared", "defender-tables");
    const sharedFiles = (await readdir(sharedDir)).filter((f) => f.endsWith(".json")).sort();
    expect(sharedFiles).toHaveLength(14);
    for (const f of sharedFiles) {
      const want = JSON.parse(await readFile(path.join(sharedDir, f), "utf8")) as DefenderTable;
      const table = set.tables.find((t) => t.name === want.table);
      expect(table, `table ${want.table} in fixtures/`).toBeDefined();
      expect(
        table!.columns.map((c) => [c.name, c.type]),
        `${want.table}: names, types and order as shared/defender-tables/${f}`,
      ).toEqual([...want.columns, ...(STREAM_2026_COLUMNS[want.table] ?? [])]);
      expect(table!.columns.map((c) => c.ordinal)).toEqual(table!.columns.map((_, i) => i));
    }
    // The made-up tables are the tests' own (test/fixtures/schemas/), not the published example's.
    expect(names.filter((n) => !sharedFiles.includes(`${n}.json`))).toEqual([]);
    expect((await readSchemaDir(TEST_SCHEMAS)).tables.map((t) => t.name)).toEqual(["KqlgenAllTypes", "KqlgenAwkwardNames", "KqlgenDataTypeOnly", "KqlgenTypeAliases"]);
  });

  it("platform: Graph and legacy files are Defender advanced hunting, snapshots keep theirs, other formats have none", async () => {
    const set = await readSchemaDir(ALL_SCHEMAS);
    const platform = Object.fromEntries(set.tables.map((t) => [t.name, t.platform ?? null]));
    expect(platform).toEqual({
      AlertEvidence: null, // CSV
      AlertInfo: "defender-advanced-hunting", // snapshot
      CloudAppEvents: "defender-advanced-hunting", // Graph
      DeviceEvents: null, // Log Analytics
      DeviceFileCertificateInfo: "defender-advanced-hunting", // snapshot
      DeviceFileEvents: null, // CSV
      DeviceImageLoadEvents: null, // Sentinel
      DeviceInfo: null, // Log Analytics
      DeviceLogonEvents: "defender-advanced-hunting", // legacy
      DeviceNetworkEvents: null, // CSV
      DeviceNetworkInfo: "defender-advanced-hunting", // snapshot
      DeviceProcessEvents: "defender-advanced-hunting", // Graph
      DeviceRegistryEvents: null, // Sentinel
      DeviceTvmSecureConfigurationAssessment: null, // Log Analytics
      KqlgenAllTypes: null, // snapshot without platform
      KqlgenAwkwardNames: null, // Sentinel
      KqlgenDataTypeOnly: null, // Log Analytics
      KqlgenTypeAliases: null, // CSV
    });
  });
});
