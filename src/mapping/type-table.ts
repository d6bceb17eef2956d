/**
 * THE type mapping: for each Kusto type, its TypeScript type, JSON Schema,
 * runtime check, error wording and KQL literal writer. Every emitter reads
 * from here; nothing else decides what a Kusto type becomes.
 *
 * Types describe the JSON that Defender's streaming API and the query API send:
 * datetime, timespan, guid and decimal as strings, long as a number.
 */
import type { KustoType } from "../model/kusto-types.js";
import { DATETIME_PATTERN, DECIMAL_PATTERN, GUID_PATTERN, LONG_STRING_PATTERN, TIMESPAN_PATTERN } from "./patterns.js";

export type JsonSchema = { [key: string]: unknown } | boolean;

/** How `long` columns are represented. */
export const LONG_MODES = ["number", "string", "bigint"] as const;
export type LongMode = (typeof LONG_MODES)[number];

/** Choices that change what a type maps to. */
export interface MappingChoices {
  readonly long: LongMode;
  /** Check the string formats of datetime, timespan, guid and decimal (not only that they are strings). */
  readonly formats: boolean;
}

/** Functions of templates/runtime/formats.ts that checks may call. */
export type RuntimeCheck =
  | "isKustoDatetime"
  | "isKustoGuid"
  | "isKustoTimespan"
  | "isKustoDecimal"
  | "isKustoInt"
  | "isKustoLong"
  | "isKustoLongString";

export interface TypeMapping {
  /** TypeScript type of a non-null value. */
  readonly ts: string;
  /** JSON Schema of a non-null value. */
  readonly schema: { [key: string]: unknown };
  /**
   * JavaScript boolean expression, over the variable `x` (type `unknown`),
   * that holds for a valid non-null value. Must agree exactly with `schema`.
   */
  readonly check: (x: string) => string;
  /** Runtime helpers the check calls. */
  readonly uses: readonly RuntimeCheck[];
  /** What an error says was expected. */
  readonly expected: string;
  /** The KQL literal writer of the query helpers' runtime for this type. */
  readonly kqlLiteral: string;
}

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const INT64 = { minimum: -9223372036854775808, maximum: 9223372036854775807 };

function formatted(check: RuntimeCheck, pattern: string, choices: MappingChoices, extra: Record<string, unknown> = {}) {
  return choices.formats
    ? { schema: { type: "string", ...extra, pattern }, check: (x: string) => `typeof ${x} === "string" && ${check}(${x})`, uses: [check] }
    : { schema: { type: "string", ...extra }, check: (x: string) => `typeof ${x} === "string"`, uses: [] };
}

function longMapping(mode: LongMode): Pick<TypeMapping, "ts" | "schema" | "check" | "uses" | "expected"> {
  const number = { type: "integer", ...INT64 };
  const numberCheck = (x: string) => `isKustoLong(${x})`;
  const string = { type: "string", pattern: LONG_STRING_PATTERN };
  const stringCheck = (x: string) => `typeof ${x} === "string" && isKustoLongString(${x})`;
  switch (mode) {
    case "number":
      return { ts: "number", schema: number, check: numberCheck, uses: ["isKustoLong"], expected: "long (integer number)" };
    case "string":
      return { ts: "string", schema: string, check: stringCheck, uses: ["isKustoLongString"], expected: "long (integer as a decimal string)" };
    case "bigint":
      return {
        ts: "bigint",
        schema: { anyOf: [number, string] },
        check: (x) => `typeof ${x} === "bigint" || ${numberCheck(x)} || (${stringCheck(x)})`,
        uses: ["isKustoLong", "isKustoLongString"],
        expected: "long (integer number or decimal string, read as bigint)",
      };
  }
}

/**
 * How a long column reads on the stream (the streamed-record shape): the wire
 * carries numbers; string and bigint modes accept a number or a decimal string
 * and convert it (exactly, from the record's text, beyond 2^53).
 */
export function streamLongMapping(mode: LongMode): Pick<TypeMapping, "ts" | "schema" | "check" | "uses" | "expected"> {
  if (mode !== "string") return longMapping(mode);
  const bigint = longMapping("bigint");
  return { ...bigint, ts: "string", expected: "long (integer number or decimal string, read as a decimal string)" };
}

/** The mapping of every Kusto type under the given choices. */
const tables = new Map<string, Readonly<Record<KustoType, TypeMapping>>>();

/** The mapping for a set of choices (built once per set: planning asks for it per column). */
export function typeTable(choices: MappingChoices): Readonly<Record<KustoType, TypeMapping>> {
  const key = `${choices.long}/${choices.formats}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = buildTypeTable(choices)));
  return table;
}

function buildTypeTable(choices: MappingChoices): Readonly<Record<KustoType, TypeMapping>> {
  return {
    string: {
      ts: "string",
      schema: { type: "string" },
      check: (x) => `typeof ${x} === "string"`,
      uses: [],
      expected: "string",
      kqlLiteral: "stringLiteral",
    },
    bool: {
      ts: "boolean",
      schema: { type: "boolean" },
      check: (x) => `typeof ${x} === "boolean"`,
      uses: [],
      expected: "bool (true or false)",
      kqlLiteral: "boolLiteral",
    },
    int: {
      ts: "number",
      schema: { type: "integer", ...INT32 },
      check: (x) => `isKustoInt(${x})`,
      uses: ["isKustoInt"],
      expected: "int (32-bit integer)",
      kqlLiteral: "intLiteral",
    },
    long: { ...longMapping(choices.long), kqlLiteral: "longLiteral" },
    real: {
      ts: 'number | "NaN" | "Infinity" | "-Infinity"',
      schema: { anyOf: [{ type: "number" }, { enum: ["NaN", "Infinity", "-Infinity"] }] },
      check: (x) => `typeof ${x} === "number" || ${x} === "NaN" || ${x} === "Infinity" || ${x} === "-Infinity"`,
      uses: [],
      expected: 'real (number, or "NaN", "Infinity", "-Infinity")',
      kqlLiteral: "realLiteral",
    },
    decimal: {
      ts: "string",
      ...formatted("isKustoDecimal", DECIMAL_PATTERN, choices),
      expected: "decimal (number as a string)",
      kqlLiteral: "decimalLiteral",
    },
    datetime: {
      ts: "string",
      ...formatted("isKustoDatetime", DATETIME_PATTERN, choices, { format: "date-time" }),
      expected: "datetime (ISO 8601 UTC string)",
      kqlLiteral: "datetimeLiteral",
    },
    timespan: {
      ts: "string",
      ...formatted("isKustoTimespan", TIMESPAN_PATTERN, choices),
      expected: "timespan ([d.]hh:mm:ss[.fffffff] string)",
      kqlLiteral: "timespanLiteral",
    },
    guid: {
      ts: "string",
      ...formatted("isKustoGuid", GUID_PATTERN, choices, { format: "uuid" }),
      expected: "guid (string)",
      kqlLiteral: "guidLiteral",
    },
    dynamic: {
      ts: "unknown",
      schema: {},
      check: (x) => `${x} !== undefined`,
      uses: [],
      expected: "dynamic (any JSON value)",
      kqlLiteral: "dynamicLiteral",
    },
  };
}
