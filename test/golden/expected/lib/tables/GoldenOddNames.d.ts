import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table GoldenOddNames, as JSON. */
export interface GoldenOddNames {
    /** Kusto type `long`, may be null; column 0. */
    LogonId: number | null;
    /** Kusto type `string`; column 1. */
    LogonID: string;
    /** Kusto type `string`; column 2. */
    "Device Name": string;
    /** Kusto type `string`; column 3. */
    where: string;
    /** Kusto type `int`, may be null; column 4. */
    class: number | null;
    /** Kusto type `real`, may be null; column 5. */
    Größe: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `datetime`, may be null; column 6. */
    名前: string | null;
    /** Kusto type `guid`, may be null; column 7. */
    "a/b~c": string | null;
    /** Kusto type `bool`, may be null; column 8. */
    'quote"s': boolean | null;
    /** Kusto type `timespan`, may be null; column 9. */
    "1st": string | null;
}
/** The table GoldenOddNames: its columns in ordinal order, with their Kusto types. */
export declare const GoldenOddNamesTable: {
    readonly name: "GoldenOddNames";
    readonly columns: readonly [{
        readonly name: "LogonId";
        readonly type: "long";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "LogonID";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "Device Name";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "where";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "class";
        readonly type: "int";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "Größe";
        readonly type: "real";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "名前";
        readonly type: "datetime";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "a/b~c";
        readonly type: "guid";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "quote\"s";
        readonly type: "bool";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "1st";
        readonly type: "timespan";
        readonly ordinal: 9;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a GoldenOddNames row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidGoldenOddNames(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a GoldenOddNames row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkGoldenOddNames(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a GoldenOddNames row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateGoldenOddNames: RowValidator<GoldenOddNames>;
/** Whether a value is a valid GoldenOddNames row (stops at the first invalid column). */
export declare function isGoldenOddNames(value: unknown): value is GoldenOddNames;
