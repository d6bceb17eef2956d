/**
 * Resolves the type mapping for each column of a table: the global choices,
 * then per-column overrides (`Table.Column`), then the nullability rule of
 * each of the two shapes a table has:
 *
 * - the **query row**, what Kusto returns: every type but string may be null,
 *   every column is present (runQuery, the KQL builder, `validate<Table>`);
 * - the **streamed record**, what Defender's streaming API sends: every column
 *   may be null (strings too), any column may be absent (a record older than
 *   the column), and MachineGroup is optional and nullable on every table
 *   (`validate<Table>Event`, the stream parser, `kqlgen validate`).
 *
 * `nullable: false` on a column tightens both shapes (not null, and present).
 * Emitters only ever read these plans.
 */
import type { Column, Table } from "../model/schema.js";
import { streamLongMapping, typeTable, type JsonSchema, type LongMode, type MappingChoices, type RuntimeCheck, type TypeMapping } from "./type-table.js";

/** The column the streaming API adds to every event (a real column of some tables): optional and nullable in every streamed record. */
export const STREAM_DECORATION = "MachineGroup";

export interface ColumnOverride {
  /** false: the team knows the column is always set (not null). */
  readonly nullable?: boolean;
  /** For a long column: its representation. */
  readonly long?: LongMode;
  /** For a dynamic column: the JSON Schema its values follow. */
  readonly schema?: { [key: string]: unknown };
}

export type UnknownColumns = "report" | "error";
/** Columns a streamed record lacks: drift to report (default), or errors. */
export type MissingColumns = "report" | "error";
/** A number beyond ±2^53 in a long column read as number (it has been rounded): a warning (default) or an error. */
export type UnsafeLongs = "warn" | "error";

export interface MappingOptions {
  readonly choices: MappingChoices;
  /** Extra columns a record carries that the schema does not know (Microsoft adds columns). */
  readonly unknownColumns: UnknownColumns;
  /** Columns a streamed record lacks (default "report"). */
  readonly missingColumns?: MissingColumns;
  /** Longs beyond ±2^53 in number mode (default "warn"). */
  readonly unsafeLongs?: UnsafeLongs;
  /** Keyed `Table.Column`. */
  readonly overrides: ReadonlyMap<string, ColumnOverride>;
}

/** A column in one shape: its type, schema, check and wording. */
export interface ShapePlan {
  readonly nullable: boolean;
  /** The column may be absent (streamed records only). */
  readonly optional: boolean;
  /** Complete TypeScript type, null included; undefined when a user schema decides it. */
  readonly ts: string | undefined;
  /** Complete JSON Schema of a present value, null included. */
  readonly schema: JsonSchema;
  /** JavaScript expression over `x` that holds for a valid present value (null included), for all but user schemas. */
  readonly check: (x: string) => string;
  readonly uses: readonly RuntimeCheck[];
  readonly expected: string;
}

/** A column: its query-row shape (the fields below) and its streamed-record shape (`record`). */
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
  /** The column in a streamed record: nullable (strings too), optional. */
  readonly record: ShapePlan;
}

export interface TablePlan {
  readonly table: Table;
  readonly columns: readonly ColumnPlan[];
  readonly unknownColumns: UnknownColumns;
  readonly missingColumns: MissingColumns;
  readonly unsafeLongs: UnsafeLongs;
}

export function overrideKey(table: string, column: string): string {
  return `${table}.${column}`;
}

const nullableSchemas = new WeakMap<object, JsonSchema>();

/** The schema with null allowed (made once per mapping schema: tables share them). */
function withNull(schema: { [key: string]: unknown }): JsonSchema {
  let made = nullableSchemas.get(schema);
  if (made === undefined) nullableSchemas.set(schema, (made = makeNullable(schema)));
  return made;
}

function makeNullable(schema: { [key: string]: unknown }): JsonSchema {
  const { type, ...rest } = schema;
  if (typeof type === "string" && Object.keys(rest).every((k) => k !== "anyOf")) return { type: [type, "null"], ...rest };
  if (Array.isArray(schema.anyOf) && Object.keys(schema).length === 1) return { anyOf: [...schema.anyOf, { type: "null" }] };
  return { anyOf: [schema, { type: "null" }] };
}

type Shape = Pick<ShapePlan, "ts" | "schema" | "check" | "expected"> & { readonly userSchema?: { [key: string]: unknown } };

const shapes = new WeakMap<object, { [nullable: string]: Shape }>();

/** A column's type in one shape, made once per mapping and nullability (a workspace's 100,000 columns share a few dozen). */
function shapeOf(column: Column, mapping: TypeMapping | Pick<TypeMapping, "ts" | "schema" | "check" | "expected">, nullable: boolean, user: { [key: string]: unknown } | undefined): Shape {
  if (user) return makeShape(column, mapping, nullable, user);
  let made = shapes.get(mapping);
  if (made === undefined) shapes.set(mapping, (made = {}));
  const key = String(nullable);
  return (made[key] ??= makeShape(column, mapping, nullable, undefined));
}

function makeShape(column: Column, mapping: TypeMapping | Pick<TypeMapping, "ts" | "schema" | "check" | "expected">, nullable: boolean, user: { [key: string]: unknown } | undefined): Shape {
  if (column.type === "dynamic") {
    if (user) {
      return {
        ts: undefined,
        userSchema: user,
        schema: nullable ? { anyOf: [user, { type: "null" }] } : user,
        check: (x) => `${x} !== undefined`,
        expected: "dynamic matching the configured JSON Schema" + (nullable ? ", or null" : ""),
      };
    }
    // Any JSON value, null included, unless the team says it is never null.
    return nullable
      ? { ts: "unknown", schema: {}, check: mapping.check, expected: mapping.expected }
      : { ts: "string | number | boolean | object", schema: { not: { type: "null" } }, check: (x) => `${x} !== undefined && ${x} !== null`, expected: "dynamic (any JSON value but null)" };
  }
  return {
    ts: nullable ? `${mapping.ts} | null` : mapping.ts,
    schema: nullable ? withNull(mapping.schema) : mapping.schema,
    check: nullable ? (x) => `${x} === null || ${wrap(mapping.check(x))}` : mapping.check,
    expected: nullable ? `${mapping.expected} or null` : mapping.expected,
  };
}

export function planColumn(table: Table, column: Column, options: MappingOptions): ColumnPlan {
  const override = options.overrides.get(overrideKey(table.name, column.name)) ?? NO_OVERRIDE;
  const choices: MappingChoices = override.long ? { ...options.choices, long: override.long } : options.choices;
  const mapping = typeTable(choices)[column.type];
  // Kusto: every type but string may be null. dynamic's null is a JSON value like any other.
  const nullable = column.type !== "string" && override.nullable !== false;
  const row = shapeOf(column, mapping, nullable, override.schema);
  // The stream: every column may be null and absent; `nullable: false` makes it present and not null.
  const recordNullable = override.nullable !== false;
  const recordMapping = column.type === "long" ? streamTypeTable(choices) : mapping;
  const record = shapeOf(column, recordMapping, recordNullable, override.schema);
  // Built as one literal (no spreads): planning is per column, and 2,000 tables have 100,000 of them.
  const plan: Mutable<ColumnPlan> = {
    name: column.name,
    type: column.type,
    ordinal: column.ordinal,
    nullable,
    kusto: column.type,
    uses: mapping.uses,
    toBigInt: column.type === "long" && choices.long === "bigint",
    kqlLiteral: mapping.kqlLiteral,
    ts: row.ts,
    schema: row.schema,
    check: row.check,
    expected: row.expected,
    record: {
      ts: record.ts,
      schema: record.schema,
      check: record.check,
      expected: record.expected,
      nullable: recordNullable,
      optional: column.name === STREAM_DECORATION || override.nullable !== false,
      uses: recordMapping.uses,
    },
  };
  if (column.type === "long") plan.long = choices.long;
  if (row.userSchema) plan.userSchema = row.userSchema;
  return plan;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NO_OVERRIDE: ColumnOverride = {};

const streamTables = new Map<string, Pick<TypeMapping, "ts" | "schema" | "check" | "uses" | "expected">>();
/** A long column's streamed-record mapping, made once per set of choices. */
function streamTypeTable(choices: MappingChoices): Pick<TypeMapping, "ts" | "schema" | "check" | "uses" | "expected"> {
  const key = `${choices.long}/${choices.formats}`;
  let made = streamTables.get(key);
  if (made === undefined) streamTables.set(key, (made = { ...typeTable(choices).long, ...streamLongMapping(choices.long) }));
  return made;
}

/** Parenthesised when `&&` appears outside parentheses (inside `||`, a `||` chain needs none). */
function wrap(expr: string): string {
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '"') i = expr.indexOf('"', i + 1);
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && ch === "&" && expr[i + 1] === "&") return `(${expr})`;
  }
  return expr;
}

export function planTable(table: Table, options: MappingOptions): TablePlan {
  return {
    table,
    columns: table.columns.map((c) => planColumn(table, c, options)),
    unknownColumns: options.unknownColumns,
    missingColumns: options.missingColumns ?? "report",
    unsafeLongs: options.unsafeLongs ?? "warn",
  };
}

/** A column of a streamed record's properties: the table's, or MachineGroup where the stream adds it. */
export interface RecordColumnPlan {
  readonly name: string;
  readonly kusto: string;
  readonly ordinal: number;
  readonly shape: ShapePlan;
  readonly userSchema?: { [key: string]: unknown };
  /** The stream adds this column (MachineGroup); the table has no such column. */
  readonly decoration: boolean;
  /** A record may lack it, and one that does is reported (drift): every optional column but MachineGroup. */
  readonly driftWhenAbsent: boolean;
  /** For a long column: how its values are read. */
  readonly long?: LongMode;
}

const DECORATION_SHAPE: ShapePlan = {
  nullable: true,
  optional: true,
  ts: "string | null",
  schema: { type: ["string", "null"] },
  check: (x) => `${x} === null || typeof ${x} === "string"`,
  uses: [],
  expected: "string or null (the device group the stream adds to device events)",
};

/** The columns of a streamed record's properties, in order: the table's, then MachineGroup when the table has none. */
export function recordColumns(plan: TablePlan): RecordColumnPlan[] {
  const out: RecordColumnPlan[] = plan.columns.map((c) => ({
    name: c.name,
    kusto: c.kusto,
    ordinal: c.ordinal,
    shape: c.record,
    ...(c.userSchema ? { userSchema: c.userSchema } : {}),
    decoration: false,
    driftWhenAbsent: c.record.optional && c.name !== STREAM_DECORATION,
    ...(c.long ? { long: c.long } : {}),
  }));
  if (!plan.columns.some((c) => c.name === STREAM_DECORATION)) {
    out.push({ name: STREAM_DECORATION, kusto: "string", ordinal: plan.columns.length, shape: DECORATION_SHAPE, decoration: true, driftWhenAbsent: false });
  }
  return out;
}
