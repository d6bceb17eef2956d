/**
 * Resolves the type mapping for each column of a table: the global choices,
 * then per-column overrides (`Table.Column`), then Kusto's nullability rule.
 * Emitters only ever read these plans.
 */
import type { Column, Table } from "../model/schema.js";
import { typeTable, type JsonSchema, type LongMode, type MappingChoices, type RuntimeCheck } from "./type-table.js";

export interface ColumnOverride {
  /** false: the team knows the column is always set (not null). */
  readonly nullable?: boolean;
  /** For a long column: its representation. */
  readonly long?: LongMode;
  /** For a dynamic column: the JSON Schema its values follow. */
  readonly schema?: { [key: string]: unknown };
}

export type UnknownColumns = "report" | "error";

export interface MappingOptions {
  readonly choices: MappingChoices;
  /** Extra columns a record carries that the schema does not know (Microsoft adds columns). */
  readonly unknownColumns: UnknownColumns;
  /** Keyed `Table.Column`. */
  readonly overrides: ReadonlyMap<string, ColumnOverride>;
}

export interface ColumnPlan extends Column {
  readonly nullable: boolean;
  /** Complete TypeScript type, null included; undefined when a user schema decides it. */
  readonly ts: string | undefined;
  /** Complete JSON Schema, null included. */
  readonly schema: JsonSchema;
  /** The user's JSON Schema for a dynamic column. */
  readonly userSchema?: { [key: string]: unknown };
  /** JavaScript expression over `x` that holds for a valid value (null included), for all but user schemas. */
  readonly check: (x: string) => string;
  readonly uses: readonly RuntimeCheck[];
  /** What errors say was expected, e.g. "datetime (ISO 8601 UTC string) or null". */
  readonly expected: string;
  /** The Kusto type as errors and docs name it. */
  readonly kusto: string;
  /** For a long column: how its values are represented (global choice or the column's override). */
  readonly long?: LongMode;
  /** long columns read as bigint: the validator converts them. */
  readonly toBigInt: boolean;
  readonly kqlLiteral: string;
}

export interface TablePlan {
  readonly table: Table;
  readonly columns: readonly ColumnPlan[];
  readonly unknownColumns: UnknownColumns;
}

export function overrideKey(table: string, column: string): string {
  return `${table}.${column}`;
}

function withNull(schema: { [key: string]: unknown }): JsonSchema {
  const { type, ...rest } = schema;
  if (typeof type === "string" && Object.keys(rest).every((k) => k !== "anyOf")) return { type: [type, "null"], ...rest };
  if (Array.isArray(schema.anyOf) && Object.keys(schema).length === 1) return { anyOf: [...schema.anyOf, { type: "null" }] };
  return { anyOf: [schema, { type: "null" }] };
}

export function planColumn(table: Table, column: Column, options: MappingOptions): ColumnPlan {
  const override = options.overrides.get(overrideKey(table.name, column.name)) ?? {};
  const choices: MappingChoices = override.long ? { ...options.choices, long: override.long } : options.choices;
  const mapping = typeTable(choices)[column.type];
  // Kusto: every type but string may be null. dynamic's null is a JSON value like any other.
  const nullable = column.type !== "string" && override.nullable !== false;
  const base = {
    ...column,
    nullable,
    kusto: column.type,
    uses: mapping.uses,
    ...(column.type === "long" ? { long: choices.long } : {}),
    toBigInt: column.type === "long" && choices.long === "bigint",
    kqlLiteral: mapping.kqlLiteral,
  };
  if (column.type === "dynamic") {
    const user = override.schema;
    if (user) {
      return {
        ...base,
        ts: undefined,
        userSchema: user,
        schema: nullable ? { anyOf: [user, { type: "null" }] } : user,
        check: (x) => `${x} !== undefined`,
        expected: "dynamic matching the configured JSON Schema" + (nullable ? ", or null" : ""),
      };
    }
    // Any JSON value, null included, unless the team says it is never null.
    return nullable
      ? { ...base, ts: "unknown", schema: {}, check: mapping.check, expected: mapping.expected }
      : { ...base, ts: "string | number | boolean | object", schema: { not: { type: "null" } }, check: (x) => `${x} !== undefined && ${x} !== null`, expected: "dynamic (any JSON value but null)" };
  }
  return {
    ...base,
    ts: nullable ? `${mapping.ts} | null` : mapping.ts,
    schema: nullable ? withNull(mapping.schema) : mapping.schema,
    check: nullable ? (x) => `${x} === null || ${wrap(mapping.check(x))}` : mapping.check,
    expected: nullable ? `${mapping.expected} or null` : mapping.expected,
  };
}

function wrap(expr: string): string {
  return /&&|\|\|/.test(expr) ? `(${expr})` : expr;
}

export function planTable(table: Table, options: MappingOptions): TablePlan {
  return { table, columns: table.columns.map((c) => planColumn(table, c, options)), unknownColumns: options.unknownColumns };
}
