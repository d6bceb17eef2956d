import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table KqlgenAllTypes, as JSON. */
export interface KqlgenAllTypes {
    /** Kusto type `string`; column 0. */
    StringCol: string;
    /** Kusto type `bool`, may be null; column 1. */
    BoolCol: boolean | null;
    /** Kusto type `int`, may be null; column 2. */
    IntCol: number | null;
    /** Kusto type `long`, may be null; column 3. */
    LongCol: number | null;
    /** Kusto type `real`, may be null; column 4. */
    RealCol: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `decimal`, may be null; column 5. */
    DecimalCol: string | null;
    /** Kusto type `datetime`, may be null; column 6. */
    DatetimeCol: string | null;
    /** Kusto type `timespan`, may be null; column 7. */
    TimespanCol: string | null;
    /** Kusto type `guid`, may be null; column 8. */
    GuidCol: string | null;
    /** Kusto type `dynamic`, may be null; column 9. */
    DynamicCol: unknown;
}
/** The table KqlgenAllTypes: its columns in ordinal order, with their Kusto types. */
export declare const KqlgenAllTypesTable: {
    readonly name: "KqlgenAllTypes";
    readonly columns: readonly [{
        readonly name: "StringCol";
        readonly type: "string";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "BoolCol";
        readonly type: "bool";
        readonly ordinal: 1;
        readonly nullable: true;
    }, {
        readonly name: "IntCol";
        readonly type: "int";
        readonly ordinal: 2;
        readonly nullable: true;
    }, {
        readonly name: "LongCol";
        readonly type: "long";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "RealCol";
        readonly type: "real";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "DecimalCol";
        readonly type: "decimal";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "DatetimeCol";
        readonly type: "datetime";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "TimespanCol";
        readonly type: "timespan";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "GuidCol";
        readonly type: "guid";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "DynamicCol";
        readonly type: "dynamic";
        readonly ordinal: 9;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a KqlgenAllTypes row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidKqlgenAllTypes(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a KqlgenAllTypes row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkKqlgenAllTypes(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a KqlgenAllTypes row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateKqlgenAllTypes: RowValidator<KqlgenAllTypes>;
/** Whether a value is a valid KqlgenAllTypes row (stops at the first invalid column). */
export declare function isKqlgenAllTypes(value: unknown): value is KqlgenAllTypes;
