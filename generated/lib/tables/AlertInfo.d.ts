import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table AlertInfo (defender-advanced-hunting), as JSON. */
export interface AlertInfo {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    AlertId: string;
    /** Kusto type `string`; column 2. */
    Title: string;
    /** Kusto type `string`; column 3. */
    Category: string;
    /** Kusto type `string`; column 4. */
    Severity: string;
    /** Kusto type `string`; column 5. */
    ServiceSource: string;
    /** Kusto type `string`; column 6. */
    DetectionSource: string;
    /** Kusto type `string`; column 7. */
    AttackTechniques: string;
}
/** The table AlertInfo: its columns in ordinal order, with their Kusto types. */
export declare const AlertInfoTable: {
    readonly name: "AlertInfo";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "AlertId";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "Title";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "Category";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "Severity";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "ServiceSource";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "DetectionSource";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "AttackTechniques";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a AlertInfo row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidAlertInfo(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a AlertInfo row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkAlertInfo(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a AlertInfo row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateAlertInfo: RowValidator<AlertInfo>;
/** Whether a value is a valid AlertInfo row (stops at the first invalid column). */
export declare function isAlertInfo(value: unknown): value is AlertInfo;
