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
export declare function errorMessage(path: string, expected: string, found: string): string;
export interface Valid<T> {
    readonly ok: true;
    readonly value: T;
    readonly errors: undefined;
    /** Columns the row carries that its schema does not know (drift). */
    readonly unknownColumns: readonly string[];
}
export interface Invalid {
    readonly ok: false;
    readonly value: undefined;
    readonly errors: readonly ValidationError[];
    readonly unknownColumns: readonly string[];
}
export type ValidationResult<T> = Valid<T> | Invalid;
/** The columns of a table, for finding the ones a row carries that the table does not know. */
export interface KnownColumns {
    readonly names: Readonly<Record<string, true>>;
    readonly count: number;
}
export declare function knownColumns(names: readonly string[]): KnownColumns;
/**
 * The keys of `row` that are not known columns. When the caller knows every
 * known column is present (a valid row), counting keys settles it cheaply.
 */
export declare function unknownColumnsOf(row: object, known: KnownColumns, allKnownPresent?: boolean): readonly string[];
/**
 * Results are plain data: they survive spread, structuredClone, JSON.stringify
 * and console.log as they are (no class, no getter).
 */
export declare function valid<T>(value: T, known: KnownColumns): Valid<T>;
export declare function invalid(errors: readonly ValidationError[], row: unknown, known: KnownColumns): Invalid;
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/** A short, bounded description of a value for error messages. */
export declare function describeValue(x: unknown): string;
/** Appends an error, creating the list on the first one. */
export declare function addError(errors: ValidationError[] | undefined, path: string, column: string | undefined, expected: string, found: unknown): ValidationError[];
/** A compiled JSON Schema validator (Ajv standalone) for a dynamic column. */
export type SchemaValidator = ((data: unknown) => boolean) & {
    errors?: readonly SchemaError[] | null;
};
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
};
export declare function checkedColumns(infos: readonly ColumnInfo[], expected: readonly string[], options?: {
    readonly rejectUnknown?: boolean;
    readonly schemas?: Readonly<Record<number, SchemaValidator>>;
    readonly bigint?: readonly number[];
}): CheckedColumns;
/**
 * Converts the bigint columns of a valid row in place (numbers and digit
 * strings become bigint). Only valid rows are converted: a rejected row is
 * left as it came.
 */
export declare function convertBigints(row: Record<string, unknown>, columns: {
    readonly bigint: readonly string[];
}): void;
/**
 * The generated straight-line check of a table: the index of the first invalid
 * column at or after `from`, or -1. Columns before `from` are checked again
 * but never reported, so a valid row pays nothing for being resumable, and one
 * function serves "is it valid", "first error" and "every error".
 */
export type FirstInvalid = (row: Record<string, unknown>, from: number) => number;
/** Adds the errors of every invalid column (or only the first, when `all` is false). Unknown columns are the caller's business. */
export declare function collectErrors(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, firstInvalid: FirstInvalid, columns: CheckedColumns, all?: boolean, 
/** The first invalid column, when the caller has found it already. */
first?: number): ValidationError[] | undefined;
export interface ValidateOptions {
    /** false: stop at the first error (cheapest way to reject). Default true: report every error. */
    readonly allErrors?: boolean;
}
/** `validate<Table>`: the typed row, or its errors. */
export declare function validateRow<T>(value: unknown, table: string, firstInvalid: FirstInvalid, columns: CheckedColumns, options?: ValidateOptions): ValidationResult<T>;
/**
 * `is<Table>`: whether a value is a valid row as it is, stopping at the first
 * invalid column. It never changes the value: a bigint column (config
 * `long: "bigint"`) must hold a bigint (or null) already — `validate<Table>`
 * is what converts numbers and digit strings.
 */
export declare function isValidRow(value: unknown, firstInvalid: FirstInvalid, columns: CheckedColumns): boolean;
/** The Standard Schema interface (v1). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
    readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
    interface Props<Input = unknown, Output = Input> {
        readonly version: 1;
        readonly vendor: string;
        readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
        readonly types?: Types<Input, Output> | undefined;
    }
    type Result<Output> = SuccessResult<Output> | FailureResult;
    interface SuccessResult<Output> {
        readonly value: Output;
        readonly issues?: undefined;
    }
    interface FailureResult {
        readonly issues: ReadonlyArray<Issue>;
    }
    interface Issue {
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
    }
    interface PathSegment {
        readonly key: PropertyKey;
    }
    interface Types<Input = unknown, Output = Input> {
        readonly input: Input;
        readonly output: Output;
    }
    type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
    type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}
/** `validate<Table>`: a function, and a Standard Schema (`validate<Table>["~standard"].validate(value)`). */
export type RowValidator<T> = ((value: unknown, options?: ValidateOptions) => ValidationResult<T>) & StandardSchemaV1<unknown, T>;
/** Makes a table's `validate<Table>`. */
export declare function rowValidator<T>(table: string, firstInvalid: FirstInvalid, columns: CheckedColumns): RowValidator<T>;
/** The error of a row that is not an object at all. */
export declare function rowError(table: string, value: unknown): ValidationError[];
/** RFC 6901 escaping of one JSON Pointer reference token. */
export declare function pointerToken(name: string): string;
/** Adds an error for every unknown column, for tables configured to reject them. */
export declare function rejectUnknownColumns(row: Record<string, unknown>, known: KnownColumns, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/** The Kusto scalar types. */
export type KustoType = "string" | "bool" | "int" | "long" | "real" | "decimal" | "datetime" | "timespan" | "guid" | "dynamic";
export interface ColumnInfo {
    readonly name: string;
    readonly type: KustoType;
    /** 0-based position, as getschema's ColumnOrdinal. */
    readonly ordinal: number;
    /** Whether the value may be null (every Kusto type but string, unless configured otherwise). */
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
export declare function addSchemaErrors(errors: ValidationError[] | undefined, path: string, column: string, schemaErrors: readonly SchemaError[] | null | undefined, value: unknown): ValidationError[];
export {};
