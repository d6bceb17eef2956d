/**
 * The type table (src/mapping/type-table.ts) is the single source of truth for
 * what each Kusto type becomes. Its runtime check (the JavaScript expression
 * the validators inline) and its JSON Schema must accept exactly the same
 * values: here each check is evaluated with `new Function` over sample values,
 * with the real format functions of templates/runtime/formats.ts in scope, and
 * compared with Ajv on the column's JSON Schema, null included and excluded by
 * nullability, under every mapping choice.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { planColumn, type MappingOptions } from "../src/mapping/plan.js";
import { LONG_MODES, typeTable, type LongMode, type MappingChoices } from "../src/mapping/type-table.js";
import { KUSTO_TYPES, type KustoType } from "../src/model/kusto-types.js";
import type { Table } from "../src/model/schema.js";
import * as formats from "../templates/runtime/formats.js";

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });

/** JSON values of every shape, and the edge values of every Kusto type (all of them JSON-representable). */
const SAMPLES: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  -1.5,
  0.1,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  2 ** 31 + 0.5,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  2 ** 62,
  -(2 ** 63),
  2 ** 63,
  2 ** 64,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  "",
  " ",
  "a",
  "null",
  "true",
  "0",
  "-0",
  "5",
  "-5",
  "007",
  "1.5",
  "-1.5",
  "1.",
  ".5",
  "+1",
  "1e5",
  " 5",
  "9223372036854775807",
  "-9223372036854775808",
  "9999999999999999999",
  "12345678901234567890",
  "123456789012345678901234567890.0123456789",
  "NaN",
  "Infinity",
  "-Infinity",
  "nan",
  "inf",
  "2024-05-01T12:00:00Z",
  "2024-05-01T12:00:00.1Z",
  "2024-05-01T12:00:00.1234567Z",
  "2024-05-01T12:00:00.12345678Z",
  "2024-05-01T12:00:00",
  "2024-05-01T12:00:00+00:00",
  "2024-05-01 12:00:00Z",
  "2024-05-01",
  "2024-13-01T12:00:00Z",
  "00:00:00",
  "00:00:00.0000001",
  "1.02:03:04.5670000",
  "-00:05:00",
  "99999999.23:59:59.9999999",
  "24:00:00",
  "1:00:00",
  "P1D",
  "00000000-0000-0000-0000-000000000000",
  "0123ABCD-89ab-cdef-0123-456789ABCDEF",
  "{00000000-0000-0000-0000-000000000000}",
  "00000000000000000000000000000000",
  "g0000000-0000-0000-0000-000000000000",
  "名前",
  "\u{1F600}",
  [],
  [1, "a"],
  {},
  { a: 1 },
  { a: { b: [null] } },
];

function choicesFor(long: LongMode, formatsOn: boolean): MappingChoices {
  return { long, formats: formatsOn };
}

/** The plan of one column of the given type: check expression, JSON Schema, nullability. */
function plan(type: KustoType, choices: MappingChoices, nullable: boolean, userSchema?: Record<string, unknown>) {
  const column = { name: "Col", type, ordinal: 0 };
  const table: Table = { name: "T", columns: [column] };
  const override = { ...(nullable ? {} : { nullable: false }), ...(userSchema ? { schema: userSchema } : {}) };
  const options: MappingOptions = {
    choices,
    unknownColumns: "report",
    overrides: new Map(Object.keys(override).length ? [["T.Col", override]] : []),
  };
  return planColumn(table, column, options);
}

/** Compiles a check expression over `x` into a predicate, with the runtime format functions in scope. */
function predicate(expression: string): (x: unknown) => boolean {
  const names = Object.keys(formats).sort();
  const fn = new Function(...names, "x", `"use strict"; return (${expression});`) as (...args: unknown[]) => boolean;
  const impls = names.map((n) => (formats as Record<string, unknown>)[n]);
  return (x) => fn(...impls, x) === true;
}

const ALL_CHOICES: MappingChoices[] = LONG_MODES.flatMap((long) => [choicesFor(long, true), choicesFor(long, false)]);

describe("the type table", () => {
  it("maps every Kusto type, under every choice, to a TypeScript type, a JSON Schema, a check, an error wording and a KQL literal writer", () => {
    for (const choices of ALL_CHOICES) {
      const table = typeTable(choices);
      expect(Object.keys(table).sort()).toEqual([...KUSTO_TYPES].sort());
      for (const type of KUSTO_TYPES) {
        const m = table[type];
        expect(m.ts, type).toMatch(/\S/);
        expect(typeof m.schema, type).toBe("object");
        expect(m.check("x"), type).toMatch(/\bx\b/);
        expect(m.expected.startsWith(type), `${type}: "${m.expected}" names the Kusto type`).toBe(true);
        expect(m.kqlLiteral, type).toMatch(/^[a-z]+Literal$/);
        // Every runtime function the check calls is declared in `uses` and exists in formats.ts.
        const called = [...m.check("x").matchAll(/\b(isKusto\w+)\(/g)].map((c) => c[1]);
        expect([...new Set(called)].sort(), type).toEqual([...m.uses].sort());
        for (const f of m.uses) expect(typeof (formats as Record<string, unknown>)[f], f).toBe("function");
      }
    }
  });

  it("every sample value is JSON (what the wire can carry)", () => {
    for (const v of SAMPLES) expect(JSON.stringify(JSON.parse(JSON.stringify(v)))).toBe(JSON.stringify(v));
  });

  for (const type of KUSTO_TYPES) {
    describe(type, () => {
      const cases = ALL_CHOICES.flatMap((choices) => [true, false].map((nullable) => ({ choices, nullable })))
        // Choices that do not change the type are tested once.
        .filter(({ choices }) => (type === "long" || choices.long === "number") && (["decimal", "datetime", "timespan", "guid"].includes(type) || choices.formats));
      it.each(cases)("check agrees with Ajv on its JSON Schema: long $choices.long, formats $choices.formats, nullable $nullable", ({ choices, nullable }) => {
        const p = plan(type, choices, nullable);
        expect(p.nullable).toBe(type === "string" ? false : nullable);
        const check = predicate(p.check("x"));
        const schema = ajv.compile(typeof p.schema === "boolean" ? p.schema : { ...p.schema });
        const disagreements = SAMPLES.filter((v) => check(v) !== schema(v)).map(
          (v) => `${JSON.stringify(v)}: check ${check(v)}, Ajv ${schema(v)}`,
        );
        expect(disagreements).toEqual([]);
        // null is accepted exactly when the column is nullable (dynamic: its null is a JSON value, unless overridden).
        expect(check(null)).toBe(p.nullable);
        // And each type accepts something besides null.
        expect(SAMPLES.some((v) => v !== null && check(v))).toBe(true);
      });
    });
  }

  it("a dynamic column with a user JSON Schema: the plan's schema is the user's, with null per nullability", () => {
    const user = { type: "array", items: { type: "string" } };
    const nullable = plan("dynamic", choicesFor("number", true), true, user);
    expect(nullable.userSchema).toEqual(user);
    expect(nullable.schema).toEqual({ anyOf: [user, { type: "null" }] });
    expect(nullable.ts).toBeUndefined();
    const strict = plan("dynamic", choicesFor("number", true), false, user);
    expect(strict.schema).toEqual(user);
    const validate = ajv.compile(strict.schema as object);
    expect(SAMPLES.filter((v) => validate(v))).toEqual([[]]);
  });

  it("values each type accepts (JSON as the streaming API sends it; default choices)", () => {
    const accepted = (type: KustoType) => {
      const check = predicate(plan(type, choicesFor("number", true), false).check("x"));
      return SAMPLES.filter((v) => check(v));
    };
    expect(accepted("bool")).toEqual([true, false]);
    expect(accepted("int")).toEqual([0, -0, 1, -1, 2147483647, -2147483648]);
    expect(accepted("guid")).toEqual(["00000000-0000-0000-0000-000000000000", "0123ABCD-89ab-cdef-0123-456789ABCDEF"]);
    expect(accepted("datetime")).toEqual(["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.1Z", "2024-05-01T12:00:00.1234567Z"]);
    expect(accepted("timespan")).toEqual(["00:00:00", "00:00:00.0000001", "1.02:03:04.5670000", "-00:05:00", "99999999.23:59:59.9999999"]);
    expect(accepted("real").filter((v) => typeof v === "string")).toEqual(["NaN", "Infinity", "-Infinity"]);
    expect(accepted("long")).not.toContain(1.5);
    expect(accepted("long")).toContain(2 ** 53);
    expect(accepted("long")).not.toContain(2 ** 64);
    expect(accepted("decimal")).toEqual(["0", "-0", "5", "-5", "007", "1.5", "-1.5", "9223372036854775807", "-9223372036854775808", "9999999999999999999", "12345678901234567890", "123456789012345678901234567890.0123456789", "00000000000000000000000000000000"]);
  });
});

describe("the type table's KQL literal writers", () => {
  it("name, for every Kusto type, the writer the query helpers' runtime uses for it", async () => {
    const { literalWriters } = await import("../templates/runtime/literals.js");
    for (const long of LONG_MODES) {
      const table = typeTable({ long, formats: false });
      for (const type of KUSTO_TYPES) expect([type, table[type].kqlLiteral]).toEqual([type, literalWriters[type].name]);
    }
  });
});
