/**
 * The generated stream parser (package built from fixtures/ with the repo's
 * kqlgen.config.json): Event Hubs message bodies and Storage blobs, the
 * envelope checks, per-record errors, unknown categories and unknown columns.
 * Every assertion is on the exact result a consumer gets.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO_CONFIG, buildGenerated, sampleRow, writeConfig, type GeneratedModule, type GeneratedTable } from "./helpers/generated.js";

const TENANT = "4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
const TIME = "2024-05-01T12:00:00.1234567Z";

let m: GeneratedModule;
beforeAll(async () => {
  m = (await buildGenerated(FIXTURES, REPO_CONFIG)).module;
});

function table(name: string): GeneratedTable {
  return m[`${name}Table`] as GeneratedTable;
}

/** The properties of a valid streamed event of a table: a row, plus MachineGroup. */
function props(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleRow(table(name), { MachineGroup: "Servers", ...overrides });
}

function rec(name: string, properties: unknown = props(name), extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { time: TIME, tenantId: TENANT, category: `AdvancedHunting-${name}`, properties, ...extra };
}

const empty = { records: [], errors: [], warnings: [], unknownCategories: [], unknownColumns: [], missingColumns: [], unknownEnvelopeKeys: [] };

describe("parseEventHubsMessage", () => {
  it("takes a string, bytes or a parsed object, with records of mixed categories", () => {
    const records = [rec("DeviceProcessEvents"), rec("DeviceEvents"), rec("DeviceInfo"), rec("DeviceProcessEvents")];
    const body = { records };
    const want = { ...empty, records };
    expect(m.parseEventHubsMessage(JSON.stringify(body))).toStrictEqual(want);
    expect(m.parseEventHubsMessage(new TextEncoder().encode(JSON.stringify(body)))).toStrictEqual(want);
    expect(m.parseEventHubsMessage(structuredClone(body))).toStrictEqual(want);
    expect(m.parseEventHubsMessage({ records: [] })).toStrictEqual(empty);
  });

  it("returns the good records around a bad one, and the bad one's errors with record index, path, expected, found and category", () => {
    const bad = rec("DeviceEvents", props("DeviceEvents", { Timestamp: 1714564800, ProcessId: 1.5 }));
    const good = [rec("DeviceProcessEvents"), rec("DeviceInfo")];
    const result = m.parseEventHubsMessage(JSON.stringify({ records: [good[0], bad, good[1]] }));
    expect(result).toStrictEqual({
      ...empty,
      records: good,
      errors: [
        {
          record: 1,
          category: "AdvancedHunting-DeviceEvents",
          path: "/records/1/properties/Timestamp",
          column: "Timestamp",
          expected: "datetime (ISO 8601 UTC string) or null",
          found: "number 1714564800",
        },
        {
          record: 1,
          category: "AdvancedHunting-DeviceEvents",
          path: "/records/1/properties/ProcessId",
          column: "ProcessId",
          expected: "long (integer number) or null",
          found: "number 1.5",
        },
      ],
    });
  });

  it("honours the config: DeviceProcessEvents.Timestamp is never null, DeviceEvents.Timestamp may be", () => {
    const result = m.parseEventHubsMessage({
      records: [rec("DeviceProcessEvents", props("DeviceProcessEvents", { Timestamp: null })), rec("DeviceEvents", props("DeviceEvents", { Timestamp: null }))],
    });
    expect(result.records).toEqual([rec("DeviceEvents", props("DeviceEvents", { Timestamp: null }))]);
    expect(result.errors).toStrictEqual([
      {
        record: 0,
        category: "AdvancedHunting-DeviceProcessEvents",
        path: "/records/0/properties/Timestamp",
        column: "Timestamp",
        expected: "datetime (ISO 8601 UTC string)",
        found: "null",
      },
    ]);
  });

  it("checks string formats (datetime columns, the envelope's time) only when the config asks (kqlgen.config.json: formats false); tenantId always", () => {
    const loose = rec("DeviceEvents", props("DeviceEvents", { Timestamp: "yesterday", ReportId: 7 }), { time: "2024-05-01T12:00:00+02:00" });
    expect(m.parseEventHubsMessage({ records: [loose] })).toStrictEqual({ ...empty, records: [loose] });
  });

  it("checks the envelope: time, tenantId, properties, category", () => {
    const noTime = rec("DeviceEvents");
    delete noTime.time;
    const noCategory = rec("DeviceEvents");
    delete noCategory.category;
    const good = rec("DeviceInfo");
    const result = m.parseEventHubsMessage({
      records: [
        noTime,
        rec("DeviceEvents", undefined, { tenantId: "not-a-guid" }),
        rec("DeviceEvents", "{}"),
        noCategory,
        5,
        rec("DeviceEvents", undefined, { time: "2024-05-01 12:00:00", category: "" }),
        rec("DeviceEvents", undefined, { time: 1714564800, tenantId: 7 }),
        rec("DeviceInfo", null),
        good,
      ],
    });
    expect(result).toStrictEqual({
      ...empty,
      records: [good],
      errors: [
        { record: 0, category: "AdvancedHunting-DeviceEvents", path: "/records/0/time", expected: "datetime (ISO 8601 UTC string)", found: "missing" },
        { record: 1, category: "AdvancedHunting-DeviceEvents", path: "/records/1/tenantId", expected: "guid (the tenant id)", found: 'string "not-a-guid"' },
        { record: 2, category: "AdvancedHunting-DeviceEvents", path: "/records/2/properties", expected: "object (a row of DeviceEvents)", found: 'string "{}"' },
        { record: 3, path: "/records/3/category", expected: 'string "AdvancedHunting-<Table>"', found: "missing" },
        { record: 4, path: "/records/4", expected: "a streamed record {time, tenantId, category, properties}", found: "number 5" },
        { record: 5, path: "/records/5/category", expected: 'string "AdvancedHunting-<Table>"', found: 'string ""' },
        { record: 6, category: "AdvancedHunting-DeviceEvents", path: "/records/6/time", expected: "datetime (ISO 8601 UTC string)", found: "number 1714564800" },
        { record: 6, category: "AdvancedHunting-DeviceEvents", path: "/records/6/tenantId", expected: "guid (the tenant id)", found: "number 7" },
        { record: 7, category: "AdvancedHunting-DeviceInfo", path: "/records/7/properties", expected: "object (a row of DeviceInfo)", found: "null" },
      ],
    });
  });

  it("counts and skips records of unknown categories", () => {
    const good = rec("DeviceEvents");
    const result = m.parseEventHubsMessage({
      records: [
        rec("NoSuchTable", { Anything: 1 }),
        good,
        { category: "SomethingElse" },
        rec("NoSuchTable", "not even properties"),
        rec("deviceevents", props("DeviceEvents")), // categories are case-sensitive, like table names
      ],
    });
    expect(result).toStrictEqual({
      ...empty,
      records: [good],
      unknownCategories: [
        { category: "AdvancedHunting-NoSuchTable", count: 2 },
        { category: "AdvancedHunting-deviceevents", count: 1 },
        { category: "SomethingElse", count: 1 },
      ],
    });
  });

  it("counts unknown columns per table and column; MachineGroup is never one", () => {
    const drift1 = rec("DeviceEvents", props("DeviceEvents", { NewColumn: 1, "a/b~c": "x" }));
    const drift2 = rec("DeviceEvents", props("DeviceEvents", { NewColumn: null }));
    const drift3 = rec("DeviceInfo", props("DeviceInfo", { NewColumn: "x", AnotherOne: {} }));
    const casing = rec("DeviceInfo", props("DeviceInfo", { machinegroup: "x" }));
    const invalidWithDrift = rec("DeviceEvents", props("DeviceEvents", { ActionType: 5, NewColumn: 2 }));
    const result = m.parseEventHubsMessage({ records: [drift1, drift2, rec("DeviceInfo"), drift3, casing, invalidWithDrift] });
    expect(result).toStrictEqual({
      ...empty,
      records: [drift1, drift2, rec("DeviceInfo"), drift3, casing],
      errors: [
        { record: 5, category: "AdvancedHunting-DeviceEvents", path: "/records/5/properties/ActionType", column: "ActionType", expected: "string or null", found: "number 5" },
      ],
      // Drift is reported for invalid records too.
      unknownColumns: [
        { table: "DeviceEvents", column: "NewColumn", count: 3 },
        { table: "DeviceEvents", column: "a/b~c", count: 1 },
        { table: "DeviceInfo", column: "AnotherOne", count: 1 },
        { table: "DeviceInfo", column: "NewColumn", count: 1 },
        { table: "DeviceInfo", column: "machinegroup", count: 1 },
      ],
    });
  });

  it("accepts MachineGroup absent or null on every table (the stream leaves it out of non-device tables, null on alerts), and checks its type", () => {
    const withoutGroup = (name: string) => {
      const p = props(name);
      delete p.MachineGroup;
      return p;
    };
    expect(table("DeviceEvents").columns.some((c) => c.name === "MachineGroup")).toBe(false);
    expect(table("DeviceInfo").columns.some((c) => c.name === "MachineGroup")).toBe(true);
    const ok = [
      rec("DeviceEvents", withoutGroup("DeviceEvents")),
      rec("DeviceEvents", props("DeviceEvents", { MachineGroup: null })),
      rec("DeviceInfo", withoutGroup("DeviceInfo")),
      rec("DeviceInfo", props("DeviceInfo", { MachineGroup: null })),
      rec("DeviceInfo", props("DeviceInfo", { MachineGroup: "" })),
    ];
    const result = m.parseEventHubsMessage({
      records: [...ok, rec("DeviceEvents", props("DeviceEvents", { MachineGroup: 5 })), rec("DeviceInfo", props("DeviceInfo", { MachineGroup: true }))],
    });
    expect(result).toStrictEqual({
      ...empty,
      records: ok,
      errors: [
        {
          record: 5,
          category: "AdvancedHunting-DeviceEvents",
          path: "/records/5/properties/MachineGroup",
          column: "MachineGroup",
          expected: "string or null (the device group the stream adds to device events)",
          found: "number 5",
        },
        { record: 6, category: "AdvancedHunting-DeviceInfo", path: "/records/6/properties/MachineGroup", column: "MachineGroup", expected: "string or null", found: "boolean true" },
      ],
    });
  });

  it("reports a malformed JSON body as one error, without throwing", () => {
    for (const body of ['{"records":[', new TextEncoder().encode("{not json}"), ""]) {
      expect(m.parseEventHubsMessage(body)).toStrictEqual({
        ...empty,
        errors: [{ path: "", expected: 'a JSON message body {"records":[...]}', found: expect.stringMatching(/^malformed JSON \(.+\)$/) }],
      });
    }
  });

  it("reports a body without a records array", () => {
    const error = (path: string, found: string) => ({ ...empty, errors: [{ path, expected: 'a message body {"records":[...]}', found }] });
    expect(m.parseEventHubsMessage("{}")).toStrictEqual(error("/records", "missing"));
    expect(m.parseEventHubsMessage({ records: { 0: rec("DeviceEvents") } })).toStrictEqual(error("/records", "object"));
    expect(m.parseEventHubsMessage('{"records":"[]"}')).toStrictEqual(error("/records", 'string "[]"'));
    expect(m.parseEventHubsMessage("[1]")).toStrictEqual(error("", "array of 1"));
    expect(m.parseEventHubsMessage("5")).toStrictEqual(error("", "number 5"));
    expect(m.parseEventHubsMessage("null")).toStrictEqual(error("", "null"));
  });
});

describe("parseStorageBlob", () => {
  it("parses JSON lines with a BOM, CRLF and blank lines; a malformed line is an error with its 1-based line, and the rest are parsed", () => {
    const a = rec("DeviceProcessEvents");
    const b = rec("DeviceEvents", props("DeviceEvents", { NewColumn: 1 }));
    const bad = rec("DeviceEvents", props("DeviceEvents", { Timestamp: false }));
    const c = rec("DeviceInfo");
    const blob =
      "\uFEFF" +
      [JSON.stringify(a), "", JSON.stringify(b), '{"time": "2024-05-01T12:00:00Z", "tenantId"', "   ", JSON.stringify(bad), JSON.stringify(rec("Nope", {})), JSON.stringify(c)].join("\r\n") +
      "\r\n";
    const want = {
      ...empty,
      records: [a, b, c],
      errors: [
        { line: 4, path: "", expected: "one JSON record per line", found: expect.stringMatching(/^malformed JSON \(.+\)$/) },
        {
          line: 6,
          category: "AdvancedHunting-DeviceEvents",
          path: "/properties/Timestamp",
          column: "Timestamp",
          expected: "datetime (ISO 8601 UTC string) or null",
          found: "boolean false",
        },
      ],
      unknownCategories: [{ category: "AdvancedHunting-Nope", count: 1 }],
      unknownColumns: [{ table: "DeviceEvents", column: "NewColumn", count: 1 }],
    };
    expect(m.parseStorageBlob(blob)).toStrictEqual(want);
    expect(m.parseStorageBlob(new TextEncoder().encode(blob))).toStrictEqual(want);
  });

  it("reads plain LF, a last line without a newline, and an empty blob", () => {
    const a = rec("DeviceEvents");
    const b = rec("DeviceInfo");
    expect(m.parseStorageBlob(`${JSON.stringify(a)}\n${JSON.stringify(b)}`)).toStrictEqual({ ...empty, records: [a, b] });
    expect(m.parseStorageBlob("")).toStrictEqual(empty);
    expect(m.parseStorageBlob("\n\r\n\n")).toStrictEqual(empty);
  });

  it("reports envelope errors with the line, and a line that is not a record", () => {
    const result = m.parseStorageBlob([JSON.stringify(rec("DeviceEvents", undefined, { tenantId: "x" })), "[1,2]", '"text"'].join("\n"));
    expect(result).toStrictEqual({
      ...empty,
      errors: [
        { line: 1, category: "AdvancedHunting-DeviceEvents", path: "/tenantId", expected: "guid (the tenant id)", found: 'string "x"' },
        { line: 2, path: "", expected: "a streamed record {time, tenantId, category, properties}", found: "array of 2" },
        { line: 3, path: "", expected: "a streamed record {time, tenantId, category, properties}", found: 'string "text"' },
      ],
    });
  });
});

describe("a package with unknownColumns: \"error\"", () => {
  let strict: GeneratedModule;
  beforeAll(async () => {
    strict = (await buildGenerated(FIXTURES, writeConfig({ mapping: { unknownColumns: "error" } }, "stream-unknown-error"))).module;
  });
  const NO_SUCH = "no such column (unknown columns are errors in this package)";

  it("rejects a record with an unknown column (MachineGroup is not one), and still counts the column", () => {
    const drift = rec("DeviceEvents", props("DeviceEvents", { NewColumn: 1, "a/b~c": "x" }));
    const good = rec("DeviceEvents");
    expect(strict.parseEventHubsMessage({ records: [good, drift] })).toStrictEqual({
      ...empty,
      records: [good],
      errors: [
        { record: 1, category: "AdvancedHunting-DeviceEvents", path: "/records/1/properties/NewColumn", column: "NewColumn", expected: NO_SUCH, found: "number 1" },
        { record: 1, category: "AdvancedHunting-DeviceEvents", path: "/records/1/properties/a~1b~0c", column: "a/b~c", expected: NO_SUCH, found: 'string "x"' },
      ],
      unknownColumns: [
        { table: "DeviceEvents", column: "NewColumn", count: 1 },
        { table: "DeviceEvents", column: "a/b~c", count: 1 },
      ],
    });
  });

  it("reports each unknown column once, and never MachineGroup, when the record has other errors too", () => {
    const bad = rec("DeviceEvents", props("DeviceEvents", { ActionType: 5, NewColumn: 1 }));
    expect(strict.parseEventHubsMessage({ records: [bad] })).toStrictEqual({
      ...empty,
      errors: [
        { record: 0, category: "AdvancedHunting-DeviceEvents", path: "/records/0/properties/ActionType", column: "ActionType", expected: "string or null", found: "number 5" },
        { record: 0, category: "AdvancedHunting-DeviceEvents", path: "/records/0/properties/NewColumn", column: "NewColumn", expected: NO_SUCH, found: "number 1" },
      ],
      unknownColumns: [{ table: "DeviceEvents", column: "NewColumn", count: 1 }],
    });
  });
});

describe('a package with long: "bigint"', () => {
  let big: GeneratedModule;
  beforeAll(async () => {
    big = (await buildGenerated(FIXTURES, writeConfig({ mapping: { long: "bigint" } }, "stream-bigint"))).module;
  });

  it("converts long columns of valid records, and a bad long value never hides the good records", () => {
    const good = rec("DeviceEvents", props("DeviceEvents", { ReportId: "9223372036854775807", ProcessId: 42 }));
    const bad = rec("DeviceEvents", props("DeviceEvents", { ReportId: 1.5, ActionType: 5 }));
    const result = big.parseEventHubsMessage(JSON.stringify({ records: [good, bad] }));
    expect(result.records).toHaveLength(1);
    expect(result.records[0].properties.ReportId).toBe(9223372036854775807n);
    expect(result.records[0].properties.ProcessId).toBe(42n);
    expect(result.errors).toStrictEqual([
      {
        record: 1,
        category: "AdvancedHunting-DeviceEvents",
        path: "/records/1/properties/ActionType",
        column: "ActionType",
        expected: "string or null",
        found: "number 5",
      },
      {
        record: 1,
        category: "AdvancedHunting-DeviceEvents",
        path: "/records/1/properties/ReportId",
        column: "ReportId",
        expected: "long (integer number or decimal string, read as bigint) or null",
        found: "number 1.5",
      },
    ]);
  });
});

describe('a package with long: "string"', () => {
  let str: GeneratedModule;
  beforeAll(async () => {
    str = (await buildGenerated(FIXTURES, writeConfig({ mapping: { long: "string" } }, "stream-long-string"))).module;
  });

  it("gives valid records' long columns as decimal strings, whether the stream sent numbers or strings", () => {
    const good = rec("DeviceEvents", props("DeviceEvents", { ReportId: "9223372036854775807", ProcessId: 42, InitiatingProcessId: 9007199254740991 }));
    const result = str.parseEventHubsMessage(JSON.stringify({ records: [good] }));
    expect(result.errors).toEqual([]);
    expect(result.records[0].properties.ReportId).toBe("9223372036854775807");
    expect(result.records[0].properties.ProcessId).toBe("42");
    expect(result.records[0].properties.InitiatingProcessId).toBe("9007199254740991");
  });
});

describe("drift counts kept across reports (the Event Hubs consumer reports a partition's drift again and again)", () => {
  it("counts a list repeated in runs, a list that changes, and records counted after a report", async () => {
    const { DriftCounts } = await import("../templates/runtime/stream.js");
    const drift = new DriftCounts();
    const a = Object.freeze(["OSBuild", "DeviceName"]);
    const b = Object.freeze(["DeviceName"]);
    const missing = () => drift.report().missingColumns.map((m) => `${m.table}.${m.column}=${m.count}`);
    for (let i = 0; i < 3; i++) drift.record("DeviceInfo", [], { missing: a, envelope: [], warnings: [], longs: [] });
    drift.record("AlertInfo", [], { missing: b, envelope: [], warnings: [], longs: [] });
    expect(missing()).toEqual(["AlertInfo.DeviceName=1", "DeviceInfo.DeviceName=3", "DeviceInfo.OSBuild=3"]);
    expect(missing()).toEqual(["AlertInfo.DeviceName=1", "DeviceInfo.DeviceName=3", "DeviceInfo.OSBuild=3"]);
    drift.record("DeviceInfo", [], { missing: a, envelope: [], warnings: [], longs: [] });
    expect(missing()).toEqual(["AlertInfo.DeviceName=1", "DeviceInfo.DeviceName=4", "DeviceInfo.OSBuild=4"]);
    drift.record("DeviceInfo", [], { missing: b, envelope: [], warnings: [], longs: [] });
    drift.record("DeviceInfo", [], { missing: b, envelope: [], warnings: [], longs: [] });
    expect(missing()).toEqual(["AlertInfo.DeviceName=1", "DeviceInfo.DeviceName=6", "DeviceInfo.OSBuild=4"]);
    drift.record("DeviceInfo", [], { missing: a, envelope: [], warnings: [], longs: [] });
    expect(missing()).toEqual(["AlertInfo.DeviceName=1", "DeviceInfo.DeviceName=7", "DeviceInfo.OSBuild=5"]);
  });
});
