import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table KqlgenDataTypeOnly, as JSON. */
export interface KqlgenDataTypeOnly {
    /** Kusto type `string`; column 0. */
    StringCol: string;
    /** Kusto type `bool`, may be null; column 1. */
    SByteCol: boolean | null;
    /** Kusto type `bool`, may be null; column 2. */
    BooleanCol: boolean | null;
    /** Kusto type `int`, may be null; column 3. */
    Int32Col: number | null;
    /** Kusto type `long`, may be null; column 4. */
    Int64Col: number | null;
    /** Kusto type `real`, may be null; column 5. */
    DoubleCol: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `decimal`, may be null; column 6. */
    SqlDecimalCol: string | null;
    /** Kusto type `datetime`, may be null; column 7. */
    DateTimeCol: string | null;
    /** Kusto type `timespan`, may be null; column 8. */
    TimeSpanCol: string | null;
    /** Kusto type `guid`, may be null; column 9. */
    GuidCol: string | null;
    /** Kusto type `dynamic`, may be null; column 10. */
    ObjectCol: unknown;
}
/** The table KqlgenDataTypeOnly: its columns in ordinal order, with their Kusto types. */
export declare const KqlgenDataTypeOnlyTable: {
    readonly name: "KqlgenDataTypeOnly";
    readonly columns: readonly [{
        readonly name: "StringCol";
        readonly type: "string";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "SByteCol";
        readonly type: "bool";
        readonly ordinal: 1;
        readonly nullable: true;
    }, {
        readonly name: "BooleanCol";
        readonly type: "bool";
        readonly ordinal: 2;
        readonly nullable: true;
    }, {
        readonly name: "Int32Col";
        readonly type: "int";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "Int64Col";
        readonly type: "long";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "DoubleCol";
        readonly type: "real";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "SqlDecimalCol";
        readonly type: "decimal";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "DateTimeCol";
        readonly type: "datetime";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "TimeSpanCol";
        readonly type: "timespan";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "GuidCol";
        readonly type: "guid";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "ObjectCol";
        readonly type: "dynamic";
        readonly ordinal: 10;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a KqlgenDataTypeOnly row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidKqlgenDataTypeOnly(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a KqlgenDataTypeOnly row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkKqlgenDataTypeOnly(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a KqlgenDataTypeOnly row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateKqlgenDataTypeOnly: RowValidator<KqlgenDataTypeOnly>;
/** Whether a value is a valid KqlgenDataTypeOnly row (stops at the first invalid column). */
export declare function isKqlgenDataTypeOnly(value: unknown): value is KqlgenDataTypeOnly;
