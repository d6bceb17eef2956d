import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table GoldenAlert (defender-advanced-hunting), as JSON. */
export interface GoldenAlert {
    /** Kusto type `string`; column 0. */
    AlertId: string;
    /** Kusto type `string`; column 1. */
    Severity: string;
    /** Kusto type `datetime`, may be null; column 2. */
    FirstSeen: string | null;
}
/** The table GoldenAlert: its columns in ordinal order, with their Kusto types. */
export declare const GoldenAlertTable: {
    readonly name: "GoldenAlert";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "AlertId";
        readonly type: "string";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "Severity";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "FirstSeen";
        readonly type: "datetime";
        readonly ordinal: 2;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a GoldenAlert row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidGoldenAlert(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a GoldenAlert row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkGoldenAlert(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a GoldenAlert row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateGoldenAlert: RowValidator<GoldenAlert>;
/** Whether a value is a valid GoldenAlert row (stops at the first invalid column). */
export declare function isGoldenAlert(value: unknown): value is GoldenAlert;
