/** The schema model: buildSchemaSet sorts, keeps case-only twin columns, and rejects clashing tables. */
import { describe, expect, it } from "vitest";
import { InputError, InputProblem } from "../src/model/errors.js";
import { buildSchemaSet, type RawColumn, type RawTable } from "../src/model/schema.js";

function raw(file: string, name: string, columns: [string, string][], nameFrom: RawTable["nameFrom"] = "file name"): RawTable {
  return {
    file,
    name,
    nameFrom,
    columns: columns.map(([n, t], i): RawColumn => ({ name: n, columnType: t, ordinal: i, at: `row ${i + 1}` })),
  };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems.map(String);
  }
  throw new Error("expected an InputError");
}

describe("buildSchemaSet", () => {
  const a = raw("a.csv", "Alpha", [["X", "string"]]);
  const b = raw("b.csv", "beta", [["X", "long"]]);
  const c = raw("c.csv", "Gamma", [["X", "int"]]);
  const d = raw("d.csv", "_Delta", [["X", "guid"]]);

  it.each([
    { given: [a, b, c, d] },
    { given: [d, c, b, a] },
    { given: [b, d, a, c] },
  ])("sorts tables by name (code-unit order) whatever the input order", ({ given }) => {
    const set = buildSchemaSet(given);
    // Upper case sorts before "_", which sorts before lower case.
    expect(set.tables.map((t) => t.name)).toEqual(["Alpha", "Gamma", "_Delta", "beta"]);
    expect(set.tables.map((t) => t.source)).toEqual(["a.csv", "c.csv", "d.csv", "b.csv"]);
  });

  it("keeps case-only twin columns (LogonId / LogonID) as two columns, in ordinal order", () => {
    const set = buildSchemaSet([
      raw("DeviceProcessEvents.csv", "DeviceProcessEvents", [
        ["Timestamp", "datetime"],
        ["LogonId", "long"],
        ["AccountName", "string"],
        ["LogonID", "long"],
      ]),
    ]);
    expect(set.tables[0]!.columns).toEqual([
      { name: "Timestamp", type: "datetime", ordinal: 0 },
      { name: "LogonId", type: "long", ordinal: 1 },
      { name: "AccountName", type: "string", ordinal: 2 },
      { name: "LogonID", type: "long", ordinal: 3 },
    ]);
  });

  it("rejects two tables whose names differ only in letter case, naming both files", () => {
    const problems = problemsOf(() => buildSchemaSet([raw("one.json", "DeviceInfo", [["A", "string"]], "file content"), raw("two.csv", "deviceinfo", [["A", "string"]])]));
    expect(problems).toEqual([
      "two.csv, table deviceinfo: table deviceinfo differs only in letter case from table DeviceInfo (one.json): expected names that differ in more than case",
    ]);
  });

  it("rejects two files for one table, naming both files", () => {
    const problems = problemsOf(() =>
      buildSchemaSet([raw("DeviceInfo.getschema.json", "DeviceInfo", [["A", "string"]]), raw("DeviceInfo.csv", "DeviceInfo", [["A", "string"]])]),
    );
    expect(problems).toEqual(["DeviceInfo.getschema.json, table DeviceInfo: table DeviceInfo is also defined by DeviceInfo.csv: expected one file per table"]);
  });

  it("reports the same problems whatever the input order", () => {
    const x = raw("x.csv", "T", [["A", "string"]]);
    const y = raw("y.csv", "T", [["A", "string"]]);
    expect(problemsOf(() => buildSchemaSet([y, x]))).toEqual(problemsOf(() => buildSchemaSet([x, y])));
  });

  it("reports every problem of every table at once, after earlier problems", () => {
    const earlier = [new InputProblem({ file: "bad.json", at: "line 1, column 2" }, "malformed JSON (...): expected a getschema result")];
    const problems = problemsOf(() =>
      buildSchemaSet([
        raw("p.csv", "P", [
          ["A", "string"],
          ["A", "int"],
        ]),
        raw("q.csv", "Q", [["B", "nonsense"]]),
        raw("r.csv", "R", []),
      ], earlier),
    );
    expect(problems).toEqual([
      "bad.json (line 1, column 2): malformed JSON (...): expected a getschema result",
      'p.csv (row 2), table P, column "A": duplicate column: "A" already appears at row 1; expected each column name once (names are case-sensitive)',
      'q.csv (row 1), table Q, column "B": unknown type "nonsense": expected a Kusto type (string, bool, int, long, real, decimal, datetime, timespan, guid, dynamic) or one of its spellings',
      "r.csv, table R: the schema has no columns: expected at least one column",
    ]);
  });

  it("sorts columns by ordinal and renumbers them from 0", () => {
    const set = buildSchemaSet([
      {
        file: "t.csv",
        name: "T",
        nameFrom: "file name",
        columns: [
          { name: "B", columnType: "int", ordinal: "1", at: "line 2" },
          { name: "A", columnType: "string", ordinal: 0, at: "line 3" },
        ],
      },
    ]);
    expect(set.tables[0]!.columns.map((c) => [c.name, c.ordinal])).toEqual([
      ["A", 0],
      ["B", 1],
    ]);
  });
});
