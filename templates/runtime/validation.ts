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
}

export interface Valid<T> {
  readonly ok: true;
  readonly value: T;
  readonly errors: undefined;
  /** Columns the row carries that its schema does not know (drift). Computed when first read. */
  readonly unknownColumns: readonly string[];
  /**
   * Columns of the table the row lacks (drift; streamed records only, where a
   * record older than a column lacks it). Computed when first read.
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
}

export function knownColumns(names: readonly string[]): KnownColumns {
  const set: Record<string, true> = Object.create(null);
  for (const n of names) set[n] = true;
  return { names: set, count: names.length };
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The keys of `row` that are not known columns. When the caller knows every
 * known column is present (a valid row), counting keys settles it cheaply.
 */
export function unknownColumnsOf(row: object, known: KnownColumns, allKnownPresent = false): readonly string[] {
  if (allKnownPresent) {
    let n = 0;
    for (const _ in row) n++;
    if (n === known.count) return NONE;
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
  count = Infinity,
): readonly string[] {
  if (optional === undefined || count === 0) return NONE;
  let absent: string[] | undefined;
  for (let i = optional.length - 1; i >= 0; i--) {
    const c = optional[i]!;
    if (ownValue(row, c) === undefined && (absent ??= []).push(c) === count) break;
  }
  return absent === undefined ? NONE : absent.reverse();
}

class ValidRow<T> implements Valid<T> {
  declare readonly ok: true;
  declare readonly errors: undefined;
  #unknown: readonly string[] | undefined;
  constructor(
    readonly value: T,
    private readonly known: KnownColumns,
    /** Columns that may be absent (streamed records): key counting cannot settle unknown columns then. */
    private readonly optional?: readonly string[],
  ) {}
  get unknownColumns(): readonly string[] {
    return (this.#unknown ??= unknownColumnsOf(this.value as object, this.known, this.optional === undefined));
  }
  get missingColumns(): readonly string[] {
    return absentColumns(this.value as Record<string, unknown>, this.optional);
  }
}
Object.defineProperty(ValidRow.prototype, "ok", { value: true });
Object.defineProperty(ValidRow.prototype, "errors", { value: undefined });

class InvalidRow implements Invalid {
  declare readonly ok: false;
  declare readonly value: undefined;
  #unknown: readonly string[] | undefined;
  constructor(
    readonly errors: readonly ValidationError[],
    private readonly row: unknown,
    private readonly known: KnownColumns,
    private readonly optional?: readonly string[],
  ) {}
  get unknownColumns(): readonly string[] {
    return (this.#unknown ??= isRecord(this.row) ? unknownColumnsOf(this.row, this.known) : NONE);
  }
  get missingColumns(): readonly string[] {
    return isRecord(this.row) ? absentColumns(this.row, this.optional) : NONE;
  }
}
Object.defineProperty(InvalidRow.prototype, "ok", { value: false });
Object.defineProperty(InvalidRow.prototype, "value", { value: undefined });

export function valid<T>(value: T, known: KnownColumns, optional?: readonly string[]): Valid<T> {
  return new ValidRow(value, known, optional);
}

export function invalid(
  errors: readonly ValidationError[],
  row: unknown,
  known: KnownColumns,
  optional?: readonly string[],
): Invalid {
  return new InvalidRow(errors, row, known, optional);
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
  const error: ValidationError =
    column === undefined
      ? { path, expected, found: describeValue(found) }
      : { path, column, expected, found: describeValue(found) };
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

/** Adds the errors of every invalid column (or only the first, when `all` is false). Unknown columns are the caller's business. */
export function collectErrors(
  row: Record<string, unknown>,
  base: string,
  errors: ValidationError[] | undefined,
  firstInvalid: FirstInvalid,
  columns: CheckedColumns,
  all = true,
  /** The first invalid column, when the caller has found it already. */
  first = firstInvalid(row, 0),
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
  let errors = first < 0 ? undefined : collectErrors(value, "", undefined, firstInvalid, columns, all, first);
  if (columns.rejectUnknown && (all || errors === undefined))
    errors = rejectUnknownColumns(value, columns.known, "", errors, all);
  // A streamed record's check counts absent columns in its result (-1 - count).
  if (columns.rejectMissing && (first < -1 || (first >= 0 && errors !== undefined && all)))
    errors = rejectMissingColumns(value, columns.optional, "", errors, all);
  if (errors !== undefined) return invalid(errors, value, columns.known, columns.optional);
  let row = value;
  if (columns.bigint.length > 0 || columns.longString !== undefined)
    row = writableRow(value, [...columns.bigint, ...(columns.longString ?? [])]);
  if (columns.bigint.length > 0) convertBigints(row, columns);
  if (columns.longString !== undefined) convertLongStrings(row, columns.longString);
  return valid(row as T, columns.known, columns.optional);
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

/** `is<Table>`: whether a value is a valid row, stopping at the first invalid column. */
export function isValidRow(value: unknown, firstInvalid: FirstInvalid, columns: CheckedColumns): boolean {
  if (!isRecord(value)) return false;
  const first = firstInvalid(value, 0);
  const ok =
    first < 0 &&
    (!columns.rejectMissing || first === -1) &&
    (!columns.rejectUnknown || unknownColumnsOf(value, columns.known, columns.optional === undefined).length === 0);
  // The guard says the row is typed: bigint (and string) longs are converted (valid rows only),
  // in place; a frozen row cannot be, and is left as it came (validate<T> returns a converted copy).
  const names = [...columns.bigint, ...(columns.longString ?? [])];
  if (ok && names.length > 0 && writableRow(value, names) === value) {
    if (columns.bigint.length > 0) convertBigints(value, columns);
    if (columns.longString !== undefined) convertLongStrings(value, columns.longString);
  }
  return ok;
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
