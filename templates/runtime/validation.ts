// Runtime of a kqlgen-generated package: validation results and errors.

/** One reason a value does not match its schema. */
export interface ValidationError {
  /** JSON Pointer to the offending value, e.g. "/Timestamp" or "/records/3/properties/Timestamp". */
  readonly path: string;
  /** The column the error is about, when it is about one. */
  readonly column?: string;
  /** What was expected, with the Kusto type, e.g. "datetime (ISO 8601 UTC string) or null". */
  readonly expected: string;
  /** What was found, e.g. `missing`, `number 5`, `string "yesterday"`. */
  readonly found: string;
  /** The error in one readable line: `/Timestamp: expected datetime (ISO 8601 UTC string) or null, found number 5`. */
  readonly message: string;
}

/** The readable line of an error (its `message`). */
export function errorMessage(path: string, expected: string, found: string): string {
  return `${path === "" ? "the value" : path}: expected ${expected}, found ${found}`;
}

export interface Valid<T> {
  readonly ok: true;
  readonly value: T;
  readonly errors: undefined;
  /** Columns the row carries that its schema does not know (drift). */
  readonly unknownColumns: readonly string[];
  /**
   * Columns of the table the row lacks (drift; streamed records only, where a
   * record older than a column lacks it).
   */
  readonly missingColumns: readonly string[];
}

export interface Invalid {
  readonly ok: false;
  readonly value: undefined;
  readonly errors: readonly ValidationError[];
  readonly unknownColumns: readonly string[];
  readonly missingColumns: readonly string[];
}

export type ValidationResult<T> = Valid<T> | Invalid;

/** The columns of a table, for finding the ones a row carries that the table does not know. */
export interface KnownColumns {
  readonly names: Readonly<Record<string, true>>;
  readonly count: number;
  /** MachineGroup is among them (a streamed record's, where it may be absent). */
  readonly decoration: boolean;
}

export function knownColumns(names: readonly string[]): KnownColumns {
  const set: Record<string, true> = Object.create(null);
  for (const n of names) set[n] = true;
  return { names: set, count: names.length, decoration: set[DECORATION] === true };
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The keys of `row` that are not known columns. When the caller knows how
 * many known columns the row has (`present`: a valid row), counting keys
 * settles it cheaply.
 */
export function unknownColumnsOf(row: object, known: KnownColumns, present?: number): readonly string[] {
  if (present !== undefined) {
    let n = 0;
    for (const _ in row) n++;
    if (n === present) return NONE;
  }
  let unknown: string[] | undefined;
  for (const k in row) if (known.names[k] !== true) (unknown ??= []).push(k);
  return unknown ?? NONE;
}

/**
 * The columns of `row` among `optional` that it lacks, in column order. With
 * `count` (how many are absent, when the caller knows), the search runs from
 * the last column back and stops at the last absent one: the columns a record
 * lacks are mostly the table's newest, at its end.
 */
export function absentColumns(
  row: Record<string, unknown>,
  optional: readonly string[] | undefined,
  count: number = Infinity,
): readonly string[] {
  if (optional === undefined || count === 0) return NONE;
  let absent: string[] | undefined;
  for (let i = optional.length - 1; i >= 0; i--) {
    const c = optional[i]!;
    if (ownValue(row, c) === undefined && (absent ??= []).push(c) === count) break;
  }
  return absent === undefined ? NONE : absent.reverse();
}

/**
 * Where a streamed record's check writes the index of each column it counts
 * absent, in column order: the first (absent count) entries are the last
 * check's. An index past the end is not written (a typed array ignores it);
 * the columns are then found by reading the row again.
 */
export const ABSENT_AT: Int32Array = new Int32Array(1024);

/** The last list of absent columns a table named, kept because records mostly repeat it (the same newest columns lacking). */
export interface AbsentMemo {
  at: Int32Array;
  names: readonly string[];
}

export function absentMemo(): AbsentMemo {
  return { at: new Int32Array(0), names: NONE };
}

/**
 * The names of the `count` columns the last streamed-record check counted
 * absent (from ABSENT_AT, indexes into `columns`), in column order; undefined
 * when there were too many to note. The list is the memo's when it repeats,
 * so repeated lists cost no allocation and are counted as one run.
 */
export function absentNames(
  columns: readonly { readonly name: string }[],
  count: number,
  memo: AbsentMemo,
): readonly string[] | undefined {
  if (count === 0) return NONE;
  if (count > ABSENT_AT.length) return undefined;
  const last = memo.at;
  if (last.length === count) {
    let i = 0;
    while (i < count && ABSENT_AT[i] === last[i]) i++;
    if (i === count) return memo.names;
  }
  const at = ABSENT_AT.slice(0, count);
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(columns[at[i]!]!.name);
  memo.at = at;
  memo.names = Object.freeze(names);
  return memo.names;
}

/** The column the streaming API adds to every event's properties (optional and nullable: absent on non-device tables, null on alerts). */
export const DECORATION = "MachineGroup";

/**
 * How many known columns a valid streamed record has: all but the `absent`
 * ones its check counted and, when it lacks it, MachineGroup (never counted).
 */
export function presentColumns(row: Record<string, unknown>, known: KnownColumns, absent: number): number {
  // (A plain read: no object inherits a MachineGroup property.)
  return known.count - absent - (known.decoration && row.MachineGroup === undefined ? 1 : 0);
}

/**
 * Results are plain data: they survive spread, structuredClone, JSON.stringify
 * and console.log as they are (no class, no getter). `missing`: a streamed
 * record's absent columns, when the caller has them already.
 */
export function valid<T>(
  value: T,
  known: KnownColumns,
  optional?: readonly string[],
  missing?: readonly string[],
): Valid<T> {
  const row = value as Record<string, unknown>;
  // How many known columns the row has, when that is known: every one of a query row's; a streamed record's but its absent ones.
  const present =
    optional === undefined
      ? known.count
      : missing === undefined
        ? undefined
        : presentColumns(row, known, missing.length);
  return {
    ok: true,
    value,
    errors: undefined,
    unknownColumns: unknownColumnsOf(row, known, present),
    missingColumns: missing ?? absentColumns(row, optional),
  };
}

export function invalid(
  errors: readonly ValidationError[],
  row: unknown,
  known: KnownColumns,
  optional?: readonly string[],
): Invalid {
  const record = isRecord(row);
  return {
    ok: false,
    value: undefined,
    errors,
    unknownColumns: record ? unknownColumnsOf(row, known) : NONE,
    missingColumns: record ? absentColumns(row, optional) : NONE,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short, bounded description of a value for error messages. */
export function describeValue(x: unknown): string {
  switch (typeof x) {
    case "undefined":
      return "missing";
    case "string":
      return x.length > 60 ? `string ${JSON.stringify(x.slice(0, 60))}…` : `string ${JSON.stringify(x)}`;
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof x} ${String(x)}`;
    case "object":
      return x === null ? "null" : Array.isArray(x) ? `array of ${x.length}` : "object";
    default:
      return typeof x;
  }
}

/** Appends an error, creating the list on the first one. */
export function addError(
  errors: ValidationError[] | undefined,
  path: string,
  column: string | undefined,
  expected: string,
  found: unknown,
): ValidationError[] {
  const text = describeValue(found);
  const message = errorMessage(path, expected, text);
  const error: ValidationError =
    column === undefined ? { path, expected, found: text, message } : { path, column, expected, found: text, message };
  if (errors === undefined) return [error];
  errors.push(error);
  return errors;
}

/** A compiled JSON Schema validator (Ajv standalone) for a dynamic column. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: readonly SchemaError[] | null };

/** What a validator needs of a column to report it: name, JSON Pointer, expectation. */
export interface CheckedColumn {
  readonly name: string;
  readonly pointer: string;
  readonly expected: string;
  /** The configured JSON Schema's validator, for a dynamic column that has one. */
  readonly schema?: SchemaValidator;
}

/** The columns of a table as its validator reports them, with the table's known names. */
export type CheckedColumns = readonly CheckedColumn[] & {
  readonly known: KnownColumns;
  /** Columns the table does not know are errors (config `unknownColumns: "error"`). */
  readonly rejectUnknown: boolean;
  /** Names of the long columns read as bigint (config `long: "bigint"`): converted once a row is valid. */
  readonly bigint: readonly string[];
  /**
   * Streamed records only: the columns that may be absent (drift), listed in
   * `missingColumns`; undefined for query rows, where every column is present.
   */
  readonly optional?: readonly string[];
  /** Absent columns are errors (config `missingColumns: "error"`). */
  readonly rejectMissing?: boolean;
  /** Names of the long columns read as decimal strings in a streamed record: numbers are converted once a row is valid. */
  readonly longString?: readonly string[];
  /** Streamed records: the last absent columns named (see `absentNames`). */
  readonly absent: AbsentMemo;
};

export function checkedColumns(
  infos: readonly ColumnInfo[],
  expected: readonly string[],
  options: {
    readonly rejectUnknown?: boolean;
    readonly schemas?: Readonly<Record<number, SchemaValidator>>;
    readonly bigint?: readonly number[];
    /** Streamed records: the indexes of the columns whose absence is drift. */
    readonly optional?: readonly number[];
    readonly rejectMissing?: boolean;
    /** Streamed records: long columns read as decimal strings. */
    readonly longString?: readonly number[];
    /** Names a row may carry beyond the columns (MachineGroup on a streamed record). */
    readonly alsoKnown?: readonly string[];
  } = {},
): CheckedColumns {
  const list: CheckedColumn[] = infos.map((c, i) => {
    const column = { name: c.name, pointer: `/${pointerToken(c.name)}`, expected: expected[i] ?? c.type };
    const schema = options.schemas?.[i];
    return schema ? { ...column, schema } : column;
  });
  const names = infos.map((c) => c.name);
  for (const n of options.alsoKnown ?? []) if (!names.includes(n)) names.push(n);
  return Object.assign(list, {
    known: knownColumns(names),
    rejectUnknown: options.rejectUnknown === true,
    bigint: (options.bigint ?? []).map((i) => infos[i]!.name),
    ...(options.optional ? { optional: options.optional.map((i) => infos[i]!.name) } : {}),
    ...(options.rejectMissing ? { rejectMissing: true } : {}),
    ...(options.longString?.length ? { longString: options.longString.map((i) => infos[i]!.name) } : {}),
    absent: absentMemo(),
  });
}

/** A column's value: own properties only (`constructor` is not Object's constructor). */
export function ownValue(row: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(row, name) ? row[name] : undefined;
}

/**
 * The row the conversions of a valid row may write to: the row itself, or,
 * when it is frozen (or the columns are read-only), a copy of its own
 * properties. The input is then left as it came.
 */
export function writableRow(row: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const writable =
    !Object.isFrozen(row) && names.every((n) => Object.getOwnPropertyDescriptor(row, n)?.writable !== false);
  if (writable) return row;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(row))
    Object.defineProperty(copy, k, { value: row[k], enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Converts the bigint columns of a valid row in place (numbers and digit
 * strings become bigint). Only valid rows are converted: a rejected row is
 * left as it came.
 */
export function convertBigints(row: Record<string, unknown>, columns: { readonly bigint: readonly string[] }): void {
  for (const name of columns.bigint) {
    const x = row[name];
    if (typeof x === "number" || typeof x === "string") row[name] = BigInt(x);
  }
}

/**
 * Converts the numbers of long columns read as decimal strings (streamed
 * records, config `long: "string"`) in place. A number beyond ±2^53 has been
 * rounded by whoever parsed it: its digits are those of the double it became.
 */
export function convertLongStrings(row: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    const x = row[name];
    if (typeof x === "number") row[name] = Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
  }
}

/**
 * The generated straight-line check of a table: the index of the first invalid
 * column at or after `from`, or -1. Columns before `from` are checked again
 * but never reported, so a valid row pays nothing for being resumable, and one
 * function serves "is it valid", "first error" and "every error".
 */
export type FirstInvalid = (row: Record<string, unknown>, from: number) => number;

/**
 * What a streamed record's check subtracts from its result when a long column
 * holds a number beyond ±2^53: a valid record's result is -1 - (absent
 * columns) - (this, or 0), so a parser looks for such longs only in the
 * records that have one.
 */
export const LARGE_LONG = 0x1000000;

/** How many columns a valid streamed record lacks, from its check's (negative) result. */
export function absentCount(first: number): number {
  return (-1 - first) & (LARGE_LONG - 1);
}

/** Adds the errors of every invalid column (or only the first, when `all` is false). Unknown columns are the caller's business. */
export function collectErrors(
  row: Record<string, unknown>,
  base: string,
  errors: ValidationError[] | undefined,
  firstInvalid: FirstInvalid,
  columns: CheckedColumns,
  all = true,
  /** The first invalid column, when the caller has found it already. */
  first: number = firstInvalid(row, 0),
): ValidationError[] | undefined {
  for (let i = first; i >= 0; i = firstInvalid(row, i + 1)) {
    const column = columns[i]!;
    const x = ownValue(row, column.name);
    errors =
      column.schema && x !== undefined
        ? addSchemaErrors(errors, base + column.pointer, column.name, column.schema.errors, x)
        : addError(errors, base + column.pointer, column.name, column.expected, x);
    if (!all) return errors;
  }
  return errors;
}

export interface ValidateOptions {
  /** false: stop at the first error (cheapest way to reject). Default true: report every error. */
  readonly allErrors?: boolean;
}

/** `validate<Table>`: the typed row, or its errors. */
export function validateRow<T>(
  value: unknown,
  table: string,
  firstInvalid: FirstInvalid,
  columns: CheckedColumns,
  options?: ValidateOptions,
): ValidationResult<T> {
  if (!isRecord(value)) return invalid(rowError(table, value), value, columns.known, columns.optional);
  const all = options?.allErrors !== false;
  const first = firstInvalid(value, 0);
  // A valid streamed record's absent columns, named from what its check noted (before anything checks again).
  const missing =
    first < 0 && columns.optional !== undefined ? absentNames(columns, absentCount(first), columns.absent) : undefined;
  let errors = first < 0 ? undefined : collectErrors(value, "", undefined, firstInvalid, columns, all, first);
  if (columns.rejectUnknown && (all || errors === undefined))
    errors = rejectUnknownColumns(value, columns.known, "", errors, all);
  // A streamed record's check counts absent columns in its result (-1 - count).
  if (columns.rejectMissing && (first < 0 ? absentCount(first) > 0 : errors !== undefined && all))
    errors = rejectMissingColumns(value, columns.optional, "", errors, all);
  if (errors !== undefined) return invalid(errors, value, columns.known, columns.optional);
  let row = value;
  if (columns.bigint.length > 0 || columns.longString !== undefined)
    row = writableRow(value, [...columns.bigint, ...(columns.longString ?? [])]);
  if (columns.bigint.length > 0) convertBigints(row, columns);
  if (columns.longString !== undefined) convertLongStrings(row, columns.longString);
  return valid(row as T, columns.known, columns.optional, missing);
}

/** What an absent column's error says it expected (config `missingColumns: "error"`). */
export const MISSING_EXPECTED = "the column (absent columns are errors in this package: mapping.missingColumns)";

/** Adds an error for every absent column, for tables configured to reject them. */
export function rejectMissingColumns(
  row: Record<string, unknown>,
  optional: readonly string[] | undefined,
  base: string,
  errors: ValidationError[] | undefined,
  all = true,
): ValidationError[] | undefined {
  for (const c of absentColumns(row, optional)) {
    errors = addError(errors, `${base}/${pointerToken(c)}`, c, MISSING_EXPECTED, undefined);
    if (!all) break;
  }
  return errors;
}

/**
 * `is<Table>`: whether a value is a valid row as it is, stopping at the first
 * invalid column. It never changes the value: a bigint column (config
 * `long: "bigint"`) must hold a bigint (or null) already — `validate<Table>`
 * is what converts numbers and digit strings.
 */
export function isValidRow(value: unknown, firstInvalid: FirstInvalid, columns: CheckedColumns): boolean {
  if (!isRecord(value)) return false;
  const first = firstInvalid(value, 0);
  if (first >= 0) return false;
  // A streamed record's check counts absent columns in its result (-1 - count).
  if (columns.rejectMissing && absentCount(first) !== 0) return false;
  if (columns.rejectUnknown) {
    const present =
      columns.optional === undefined ? columns.known.count : presentColumns(value, columns.known, absentCount(first));
    if (unknownColumnsOf(value, columns.known, present).length > 0) return false;
  }
  for (const name of columns.bigint) {
    const x = value[name];
    if (x !== null && x !== undefined && typeof x !== "bigint") return false;
  }
  // A long read as a string must be a string already (validate<Table>Event converts numbers).
  for (const name of columns.longString ?? []) {
    const x = value[name];
    if (x !== null && x !== undefined && typeof x !== "string") return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Standard Schema (https://standardschema.dev): the interface, as its spec asks libraries to copy it.

/** The Standard Schema interface (v1). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** A JSON Pointer's reference tokens, unescaped: "/a~1b/0" → ["a/b", "0"]. */
function pointerPath(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `validate<Table>`: a function, and a Standard Schema (`validate<Table>["~standard"].validate(value)`). */
export type RowValidator<T> = ((value: unknown, options?: ValidateOptions) => ValidationResult<T>) &
  StandardSchemaV1<unknown, T>;

/** Makes a table's `validate<Table>`. */
export function rowValidator<T>(table: string, firstInvalid: FirstInvalid, columns: CheckedColumns): RowValidator<T> {
  const validate = (value: unknown, options?: ValidateOptions): ValidationResult<T> =>
    validateRow<T>(value, table, firstInvalid, columns, options);
  const standard: StandardSchemaV1.Props<unknown, T> = {
    version: 1,
    vendor: "kqlgen",
    validate(value: unknown): StandardSchemaV1.Result<T> {
      const result = validateRow<T>(value, table, firstInvalid, columns);
      return result.ok
        ? { value: result.value }
        : { issues: result.errors.map((e) => ({ message: e.message, path: pointerPath(e.path) })) };
    },
  };
  return Object.assign(validate, { "~standard": standard });
}

/** The error of a row that is not an object at all. */
export function rowError(table: string, value: unknown): ValidationError[] {
  return addError(undefined, "", undefined, `object (a ${table} row)`, value);
}

/** RFC 6901 escaping of one JSON Pointer reference token. */
export function pointerToken(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Adds an error for every unknown column, for tables configured to reject them. */
export function rejectUnknownColumns(
  row: Record<string, unknown>,
  known: KnownColumns,
  base: string,
  errors: ValidationError[] | undefined,
  all = true,
): ValidationError[] | undefined {
  for (const k of unknownColumnsOf(row, known)) {
    errors = addError(
      errors,
      `${base}/${pointerToken(k)}`,
      k,
      "no such column (unknown columns are errors in this package)",
      row[k],
    );
    if (!all) break;
  }
  return errors;
}

/** The Kusto scalar types. */
export type KustoType =
  "string" | "bool" | "int" | "long" | "real" | "decimal" | "datetime" | "timespan" | "guid" | "dynamic";

export interface ColumnInfo {
  readonly name: string;
  readonly type: KustoType;
  /** 0-based position, as getschema's ColumnOrdinal. */
  readonly ordinal: number;
  /** Whether the value may be null in a query row (every Kusto type but string, unless configured otherwise). In a streamed record every column may be null unless configured otherwise. */
  readonly nullable: boolean;
}

export interface TableInfo {
  readonly name: string;
  readonly platform?: "defender-advanced-hunting" | "log-analytics";
  readonly columns: readonly ColumnInfo[];
}

/** The first error a compiled JSON Schema validator (Ajv standalone) reported for a dynamic column. */
interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
  readonly data?: unknown;
}

/** Adds the errors of a dynamic column's configured JSON Schema. */
export function addSchemaErrors(
  errors: ValidationError[] | undefined,
  path: string,
  column: string,
  schemaErrors: readonly SchemaError[] | null | undefined,
  value: unknown,
): ValidationError[] {
  if (!schemaErrors || schemaErrors.length === 0) {
    return addError(errors, path, column, "dynamic matching the configured JSON Schema", value);
  }
  for (const e of schemaErrors) {
    errors = addError(
      errors,
      path + e.instancePath,
      column,
      `dynamic matching the configured JSON Schema (${e.message ?? "invalid"})`,
      e.data,
    );
  }
  return errors!;
}
