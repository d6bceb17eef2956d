/**
 * The generated validators, table-driven per Kusto type through the compiled
 * KqlgenAllTypes validator (one column per type), KqlgenAwkwardNames (JSON
 * Pointer escaping) and a package with bigint longs, rejected unknown columns
 * and a user JSON Schema on a dynamic column. Errors are compared whole:
 * `{path, column, expected, found}`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_SCHEMAS, buildGenerated, sampleRow, writeConfig, type GeneratedModule, type GeneratedTable } from "./helpers/generated.js";

type Result = {
  ok: boolean;
  value?: Record<string, unknown>;
  errors?: unknown[];
  unknownColumns: readonly string[];
};

const DYNAMIC_SCHEMA = {
  type: "object",
  properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
  required: ["name"],
};

/** formats: true (format checks are opt-in). */
let plain: GeneratedModule;
/** The defaults: no format checks. */
let defaults: GeneratedModule;
/** long bigint, unknown columns are errors, IntCol not nullable, a user JSON Schema on DynamicCol. */
let custom: GeneratedModule;
beforeAll(async () => {
  [plain, defaults, custom] = await Promise.all([
    buildGenerated(ALL_SCHEMAS, writeConfig({ mapping: { formats: true } }, "validators-formats")).then((g) => g.module),
    buildGenerated(ALL_SCHEMAS, writeConfig({}, "validators-default")).then((g) => g.module),
    buildGenerated(
      ALL_SCHEMAS,
      writeConfig(
        {
          mapping: { long: "bigint", unknownColumns: "error" },
          columns: { "KqlgenAllTypes.DynamicCol": { schema: DYNAMIC_SCHEMA }, "KqlgenAllTypes.IntCol": { nullable: false } },
        },
        "validators-custom",
      ),
    ).then((g) => g.module),
  ]);
});

const validate = (m: GeneratedModule, table: string, value: unknown): Result => m[`validate${table}`](value);
const is = (m: GeneratedModule, table: string, value: unknown): boolean => m[`is${table}`](value);
const row = (m: GeneratedModule, table: string, overrides: Record<string, unknown> = {}) =>
  sampleRow(m[`${table}Table`] as GeneratedTable, m === custom && table === "KqlgenAllTypes" ? { DynamicCol: { name: "n" }, ...overrides } : overrides);

/** `want`: true for an accepted value, else what the error says was found. */
interface Case {
  readonly given: unknown;
  readonly want: true | string;
}

const MISSING = Symbol("missing");

const TYPES: Record<string, { column: string; expected: string; cases: Case[] }> = {
  string: {
    column: "StringCol",
    expected: "string",
    cases: [
      { given: "", want: true },
      { given: "text", want: true },
      { given: "名前 \u{1F600}", want: true },
      { given: null, want: "null" }, // Kusto strings are never null
      { given: 5, want: "number 5" },
      { given: true, want: "boolean true" },
      { given: [], want: "array of 0" },
      { given: {}, want: "object" },
      { given: MISSING, want: "missing" },
    ],
  },
  bool: {
    column: "BoolCol",
    expected: "bool (true or false) or null",
    cases: [
      { given: true, want: true },
      { given: false, want: true },
      { given: null, want: true },
      { given: "true", want: 'string "true"' },
      { given: 0, want: "number 0" },
      { given: 1, want: "number 1" },
      { given: MISSING, want: "missing" },
    ],
  },
  int: {
    column: "IntCol",
    expected: "int (32-bit integer) or null",
    cases: [
      { given: 0, want: true },
      { given: -0, want: true },
      { given: 2147483647, want: true },
      { given: -2147483648, want: true },
      { given: null, want: true },
      { given: 2147483648, want: "number 2147483648" },
      { given: -2147483649, want: "number -2147483649" },
      { given: 1.5, want: "number 1.5" },
      { given: 1e10, want: "number 10000000000" },
      { given: "1", want: 'string "1"' },
      { given: [1], want: "array of 1" },
    ],
  },
  long: {
    column: "LongCol",
    expected: "long (integer number) or null",
    cases: [
      { given: 0, want: true },
      { given: 2 ** 53, want: true },
      { given: -(2 ** 63), want: true },
      { given: 9007199254740993, want: true }, // parsed JSON: already rounded to 2^53
      { given: null, want: true },
      { given: 1.5, want: "number 1.5" },
      { given: 1e300, want: "number 1e+300" },
      { given: "5", want: 'string "5"' },
      { given: false, want: "boolean false" },
    ],
  },
  real: {
    column: "RealCol",
    expected: 'real (number, or "NaN", "Infinity", "-Infinity") or null',
    cases: [
      { given: 1.5, want: true },
      { given: -0, want: true },
      { given: 5e-324, want: true },
      { given: 1.7976931348623157e308, want: true },
      { given: "NaN", want: true },
      { given: "Infinity", want: true },
      { given: "-Infinity", want: true },
      { given: null, want: true },
      { given: "nan", want: 'string "nan"' },
      { given: "1.5", want: 'string "1.5"' },
      { given: true, want: "boolean true" },
    ],
  },
  decimal: {
    column: "DecimalCol",
    expected: "decimal (number as a string) or null",
    cases: [
      { given: "0", want: true },
      { given: "-12.345", want: true },
      { given: "123456789012345678901234567890.5", want: true },
      { given: null, want: true },
      { given: 1.5, want: "number 1.5" },
      { given: "1e5", want: 'string "1e5"' },
      { given: "1.", want: 'string "1."' },
      { given: ".5", want: 'string ".5"' },
      { given: "+1", want: 'string "+1"' },
      { given: "", want: 'string ""' },
    ],
  },
  datetime: {
    column: "DatetimeCol",
    expected: "datetime (ISO 8601 UTC string) or null",
    cases: [
      { given: "2024-05-01T12:00:00Z", want: true },
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ given: `2024-05-01T12:00:00.${"1234567".slice(0, n)}Z`, want: true as const })),
      { given: null, want: true },
      { given: "2024-05-01T12:00:00.12345678Z", want: 'string "2024-05-01T12:00:00.12345678Z"' },
      { given: "2024-05-01", want: 'string "2024-05-01"' },
      { given: "2024-05-01T12:00:00+00:00", want: 'string "2024-05-01T12:00:00+00:00"' },
      { given: "2024-05-01T24:00:00Z", want: 'string "2024-05-01T24:00:00Z"' },
      { given: 1714564800000, want: "number 1714564800000" },
    ],
  },
  timespan: {
    column: "TimespanCol",
    expected: "timespan ([d.]hh:mm:ss[.fffffff] string) or null",
    cases: [
      { given: "00:00:00", want: true },
      { given: "00:00:00.0000001", want: true },
      { given: "-1.00:00:00.1", want: true },
      { given: "99999999.23:59:59.9999999", want: true },
      { given: null, want: true },
      { given: "1:00:00", want: 'string "1:00:00"' },
      { given: "24:00:00", want: 'string "24:00:00"' },
      { given: "100000000.00:00:00", want: 'string "100000000.00:00:00"' },
      { given: "P1D", want: 'string "P1D"' },
      { given: 60, want: "number 60" },
    ],
  },
  guid: {
    column: "GuidCol",
    expected: "guid (string) or null",
    cases: [
      { given: "0f8fad5b-d9cb-469f-a165-70867728950e", want: true },
      { given: "0F8FAD5B-D9CB-469F-A165-70867728950E", want: true },
      { given: null, want: true },
      { given: "{0f8fad5b-d9cb-469f-a165-70867728950e}", want: 'string "{0f8fad5b-d9cb-469f-a165-70867728950e}"' },
      { given: "0f8fad5bd9cb469fa16570867728950e", want: 'string "0f8fad5bd9cb469fa16570867728950e"' },
      { given: "0f8fad5b-d9cb-469f-a165-70867728950g", want: 'string "0f8fad5b-d9cb-469f-a165-70867728950g"' },
    ],
  },
  dynamic: {
    column: "DynamicCol",
    expected: "dynamic (any JSON value)",
    cases: [
      { given: null, want: true },
      { given: 0, want: true },
      { given: "", want: true },
      { given: false, want: true },
      { given: [], want: true },
      { given: { a: [1, { b: null }] }, want: true },
      { given: MISSING, want: "missing" },
    ],
  },
};

function withValue(base: Record<string, unknown>, column: string, given: unknown): Record<string, unknown> {
  const out = { ...base };
  if (given === MISSING) delete out[column];
  else out[column] = given;
  return out;
}

describe("validateKqlgenAllTypes, per Kusto type (formats: true)", () => {
  for (const [type, { column, expected, cases }] of Object.entries(TYPES)) {
    it.each(cases.map((c) => ({ ...c, shown: c.given === MISSING ? "missing" : JSON.stringify(c.given) })))(
      `${type}: $shown → $want`,
      ({ given, want }) => {
        const value = withValue(row(plain, "KqlgenAllTypes"), column, given);
        const result = validate(plain, "KqlgenAllTypes", value);
        if (want === true) {
          expect(result.errors).toBeUndefined();
          expect(result.ok).toBe(true);
          expect(result.value).toBe(value);
          expect(result.unknownColumns).toEqual([]);
        } else {
          expect(result.ok).toBe(false);
          expect(result.value).toBeUndefined();
          expect(result.errors).toStrictEqual([{ path: `/${column}`, column, expected, found: want }]);
        }
        expect(is(plain, "KqlgenAllTypes", value)).toBe(result.ok);
      },
    );
  }

  it("reports every invalid column, in column order", () => {
    const value = row(plain, "KqlgenAllTypes", { GuidCol: "x", BoolCol: "yes", StringCol: null });
    delete value.TimespanCol;
    expect(validate(plain, "KqlgenAllTypes", value).errors).toStrictEqual([
      { path: "/StringCol", column: "StringCol", expected: "string", found: "null" },
      { path: "/BoolCol", column: "BoolCol", expected: "bool (true or false) or null", found: 'string "yes"' },
      { path: "/TimespanCol", column: "TimespanCol", expected: "timespan ([d.]hh:mm:ss[.fffffff] string) or null", found: "missing" },
      { path: "/GuidCol", column: "GuidCol", expected: "guid (string) or null", found: 'string "x"' },
    ]);
    expect(is(plain, "KqlgenAllTypes", value)).toBe(false);
  });

  it("stops at the first error with { allErrors: false }", () => {
    const value = row(plain, "KqlgenAllTypes", { GuidCol: "x", BoolCol: "yes" });
    const result = plain.validateKqlgenAllTypes(value, { allErrors: false }) as Result;
    expect(result.ok).toBe(false);
    expect(result.errors).toStrictEqual([{ path: "/BoolCol", column: "BoolCol", expected: "bool (true or false) or null", found: 'string "yes"' }]);
    expect((plain.validateKqlgenAllTypes(row(plain, "KqlgenAllTypes"), { allErrors: false }) as Result).ok).toBe(true);
    const unknown = custom.validateKqlgenAllTypes(row(custom, "KqlgenAllTypes", { A: 1, B: 2 }), { allErrors: false }) as Result;
    expect(unknown.errors).toStrictEqual([{ path: "/A", column: "A", expected: "no such column (unknown columns are errors in this package)", found: "number 1" }]);
  });

  it("shortens long strings in `found`", () => {
    const result = validate(plain, "KqlgenAllTypes", row(plain, "KqlgenAllTypes", { GuidCol: "x".repeat(100) }));
    expect(result.errors).toStrictEqual([{ path: "/GuidCol", column: "GuidCol", expected: "guid (string) or null", found: `string "${"x".repeat(60)}"…` }]);
  });

  it("rejects a value that is not a row object", () => {
    for (const [given, found] of [[null, "null"], [[], "array of 0"], ["row", 'string "row"'], [undefined, "missing"], [7, "number 7"]] as const) {
      const result = validate(plain, "KqlgenAllTypes", given);
      expect(result.ok).toBe(false);
      expect(result.errors).toStrictEqual([{ path: "", expected: "object (a KqlgenAllTypes row)", found }]);
      expect(result.unknownColumns).toEqual([]);
      expect(is(plain, "KqlgenAllTypes", given)).toBe(false);
    }
  });

  it("lists unknown columns of a valid row (and of an invalid one), in key order; none otherwise", () => {
    const valid = row(plain, "KqlgenAllTypes", { zeta: 1, "a/b~c": null, stringcol: "case-only twin of StringCol" });
    const result = validate(plain, "KqlgenAllTypes", valid);
    expect(result.ok).toBe(true);
    expect(result.unknownColumns).toEqual(["zeta", "a/b~c", "stringcol"]);
    expect(is(plain, "KqlgenAllTypes", valid)).toBe(true);
    expect(validate(plain, "KqlgenAllTypes", row(plain, "KqlgenAllTypes")).unknownColumns).toEqual([]);
    const invalid = validate(plain, "KqlgenAllTypes", row(plain, "KqlgenAllTypes", { IntCol: "1", extra: true }));
    expect(invalid.ok).toBe(false);
    expect(invalid.unknownColumns).toEqual(["extra"]);
  });
});

describe("with the default config, string formats are not checked (mapping.formats is opt-in)", () => {
  it.each([
    ["DatetimeCol", "yesterday"],
    ["TimespanCol", "P1D"],
    ["GuidCol", "not-a-guid"],
    ["DecimalCol", "1e5"],
  ])("%s accepts %j, but not a number", (column, given) => {
    expect(validate(defaults, "KqlgenAllTypes", row(defaults, "KqlgenAllTypes", { [column]: given })).ok).toBe(true);
    const result = validate(defaults, "KqlgenAllTypes", row(defaults, "KqlgenAllTypes", { [column]: 5 }));
    expect(result.errors).toStrictEqual([{ path: `/${column}`, column, expected: TYPES[Object.keys(TYPES).find((t) => TYPES[t]!.column === column)!]!.expected, found: "number 5" }]);
  });
});

describe("validateKqlgenAwkwardNames: JSON Pointers of awkward column names", () => {
  const cases: { column: string; path: string; given: unknown; expected: string; found: string }[] = [
    { column: "slash/and~tilde", path: "/slash~1and~0tilde", given: 1.5, expected: "decimal (number as a string) or null", found: "number 1.5" },
    { column: "Device Name", path: "/Device Name", given: null, expected: "string", found: "null" },
    { column: "dash-name", path: "/dash-name", given: 1, expected: "string", found: "number 1" },
    { column: "1stColumn", path: "/1stColumn", given: "1", expected: "int (32-bit integer) or null", found: 'string "1"' },
    { column: "where", path: "/where", given: MISSING, expected: "string", found: "missing" },
    { column: "Größe", path: "/Größe", given: "NaN ", expected: 'real (number, or "NaN", "Infinity", "-Infinity") or null', found: 'string "NaN "' },
    { column: "名前", path: "/名前", given: false, expected: "string", found: "boolean false" },
    { column: "dotted.name", path: "/dotted.name", given: "x", expected: "guid (string) or null", found: 'string "x"' },
    { column: "quote'and\"double", path: "/quote'and\"double", given: [], expected: "string", found: "array of 0" },
    { column: "back\\slash", path: "/back\\slash", given: "1:2:3", expected: "timespan ([d.]hh:mm:ss[.fffffff] string) or null", found: 'string "1:2:3"' },
    { column: "LogonId", path: "/LogonId", given: "x", expected: "long (integer number) or null", found: 'string "x"' },
    { column: "LogonID", path: "/LogonID", given: 5, expected: "string", found: "number 5" },
  ];
  it.each(cases)("$column → $path", ({ column, path, given, expected, found }) => {
    const result = validate(plain, "KqlgenAwkwardNames", withValue(row(plain, "KqlgenAwkwardNames"), column, given));
    expect(result.errors).toStrictEqual([{ path, column, expected, found }]);
  });

  it("case-only twins are two columns: each one missing is reported alone, and a third casing is unknown", () => {
    const base = row(plain, "KqlgenAwkwardNames");
    expect(validate(plain, "KqlgenAwkwardNames", base).ok).toBe(true);
    const noTwin = withValue(base, "LogonID", MISSING);
    expect(validate(plain, "KqlgenAwkwardNames", noTwin).errors).toStrictEqual([{ path: "/LogonID", column: "LogonID", expected: "string", found: "missing" }]);
    const third = validate(plain, "KqlgenAwkwardNames", { ...base, logonid: 1 });
    expect(third.ok).toBe(true);
    expect(third.unknownColumns).toEqual(["logonid"]);
  });
});

describe("long as bigint, unknown columns as errors, a non-null override and a user JSON Schema (one package)", () => {
  const BIGINT = "long (integer number or decimal string, read as bigint) or null";

  it.each([
    { given: 5, want: 5n },
    { given: 0, want: 0n },
    { given: -(2 ** 63), want: -9223372036854775808n },
    { given: "9223372036854775807", want: 9223372036854775807n },
    { given: "-9223372036854775808", want: -9223372036854775808n },
    { given: "007", want: 7n },
    { given: null, want: null },
  ])("converts $given to $want in place", ({ given, want }) => {
    const value = row(custom, "KqlgenAllTypes", { LongCol: given });
    const result = validate(custom, "KqlgenAllTypes", value);
    expect(result.errors).toBeUndefined();
    expect(result.value).toBe(value);
    expect(result.value!.LongCol).toBe(want);
    // Validating the converted row again keeps it.
    expect(validate(custom, "KqlgenAllTypes", value).value!.LongCol).toBe(want);
    // is<Table> never converts: the row as it came is a typed row only when the column is null; the converted one is.
    const raw = row(custom, "KqlgenAllTypes", { LongCol: given });
    expect(is(custom, "KqlgenAllTypes", raw)).toBe(given === null);
    expect(raw.LongCol).toBe(given);
    expect(is(custom, "KqlgenAllTypes", value)).toBe(true);
  });

  it.each([
    { given: 1.5, found: "number 1.5" },
    { given: "1.5", found: 'string "1.5"' },
    { given: "", found: 'string ""' },
    { given: "+5", found: 'string "+5"' },
    { given: "12345678901234567890", found: 'string "12345678901234567890"' },
    { given: 2 ** 64, found: "number 18446744073709552000" },
    { given: true, found: "boolean true" },
  ])("rejects $given", ({ given, found }) => {
    const value = row(custom, "KqlgenAllTypes", { LongCol: given });
    expect(validate(custom, "KqlgenAllTypes", value).errors).toStrictEqual([{ path: "/LongCol", column: "LongCol", expected: BIGINT, found }]);
    expect(is(custom, "KqlgenAllTypes", row(custom, "KqlgenAllTypes", { LongCol: given }))).toBe(false);
  });

  it("converts only rows that are valid: a rejected row is left as it came", () => {
    const value = row(custom, "KqlgenAllTypes", { LongCol: 5, IntCol: 1.5 });
    expect(validate(custom, "KqlgenAllTypes", value).ok).toBe(false);
    expect(value.LongCol).toBe(5);
    expect(is(custom, "KqlgenAllTypes", value)).toBe(false);
    expect(value.LongCol).toBe(5);
    // is<Table> never changes its argument, valid or not.
    const good = row(custom, "KqlgenAllTypes", { LongCol: "42" });
    const before = structuredClone(good);
    expect(is(custom, "KqlgenAllTypes", good)).toBe(false);
    expect(good).toStrictEqual(before);
    expect(is(custom, "KqlgenAllTypes", { ...good, LongCol: 42n })).toBe(true);
  });

  it("rejects null in a column configured nullable: false", () => {
    const result = validate(custom, "KqlgenAllTypes", row(custom, "KqlgenAllTypes", { IntCol: null }));
    expect(result.errors).toStrictEqual([{ path: "/IntCol", column: "IntCol", expected: "int (32-bit integer)", found: "null" }]);
  });

  it("reports unknown columns as errors, with escaped pointers, and still lists them", () => {
    const value = row(custom, "KqlgenAllTypes", { Extra: 1, "a/b~c": "x" });
    const result = validate(custom, "KqlgenAllTypes", value);
    expect(result.ok).toBe(false);
    expect(result.errors).toStrictEqual([
      { path: "/Extra", column: "Extra", expected: "no such column (unknown columns are errors in this package)", found: "number 1" },
      { path: "/a~1b~0c", column: "a/b~c", expected: "no such column (unknown columns are errors in this package)", found: 'string "x"' },
    ]);
    expect(result.unknownColumns).toEqual(["Extra", "a/b~c"]);
    expect(is(custom, "KqlgenAllTypes", row(custom, "KqlgenAllTypes", { Extra: 1 }))).toBe(false);
    expect(validate(custom, "KqlgenAllTypes", row(custom, "KqlgenAllTypes")).unknownColumns).toEqual([]);
  });

  it.each([
    { given: { name: "x" }, want: true },
    { given: { name: "x", tags: ["a", "b"], other: 1 }, want: true },
    { given: null, want: true },
    {
      given: { name: "x", tags: ["a", 5] },
      want: { path: "/DynamicCol/tags/1", expected: "dynamic matching the configured JSON Schema (must be string)", found: "number 5" },
    },
    {
      given: {},
      want: { path: "/DynamicCol", expected: "dynamic matching the configured JSON Schema (must have required property 'name')", found: "object" },
    },
    { given: "x", want: { path: "/DynamicCol", expected: "dynamic matching the configured JSON Schema (must be object)", found: 'string "x"' } },
    { given: MISSING, want: { path: "/DynamicCol", expected: "dynamic matching the configured JSON Schema, or null", found: "missing" } },
  ])("the user JSON Schema of a dynamic column: $given", ({ given, want }) => {
    const value = withValue(row(custom, "KqlgenAllTypes"), "DynamicCol", given === MISSING ? MISSING : structuredClone(given));
    const result = validate(custom, "KqlgenAllTypes", value);
    if (want === true) expect(result.errors).toBeUndefined();
    else expect(result.errors).toStrictEqual([{ column: "DynamicCol", ...want }]);
    expect(is(custom, "KqlgenAllTypes", value)).toBe(result.ok);
  });
});
