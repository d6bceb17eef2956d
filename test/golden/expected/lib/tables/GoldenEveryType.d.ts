import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table GoldenEveryType, as JSON. */
export interface GoldenEveryType {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    Name: string;
    /** Kusto type `bool`, may be null; column 2. */
    Enabled: boolean | null;
    /** Kusto type `int`, may be null; column 3. */
    Count: number | null;
    /** Kusto type `long`, may be null; column 4. */
    Bytes: number | null;
    /** Kusto type `real`, may be null; column 5. */
    Score: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `decimal`, may be null; column 6. */
    Price: string | null;
    /** Kusto type `timespan`, may be null; column 7. */
    Elapsed: string | null;
    /** Kusto type `guid`, may be null; column 8. */
    Id: string | null;
    /** Kusto type `dynamic`, may be null; column 9. */
    Extra: unknown;
    /** Kusto type `dynamic`, may be null; column 10. */
    Tags: string[] | null;
}
/** The table GoldenEveryType: its columns in ordinal order, with their Kusto types. */
export declare const GoldenEveryTypeTable: {
    readonly name: "GoldenEveryType";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "Name";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "Enabled";
        readonly type: "bool";
        readonly ordinal: 2;
        readonly nullable: true;
    }, {
        readonly name: "Count";
        readonly type: "int";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "Bytes";
        readonly type: "long";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "Score";
        readonly type: "real";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "Price";
        readonly type: "decimal";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "Elapsed";
        readonly type: "timespan";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "Id";
        readonly type: "guid";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "Extra";
        readonly type: "dynamic";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "Tags";
        readonly type: "dynamic";
        readonly ordinal: 10;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a GoldenEveryType row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidGoldenEveryType(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a GoldenEveryType row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkGoldenEveryType(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a GoldenEveryType row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateGoldenEveryType: RowValidator<GoldenEveryType>;
/** Whether a value is a valid GoldenEveryType row (stops at the first invalid column). */
export declare function isGoldenEveryType(value: unknown): value is GoldenEveryType;
