import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table GoldenProcess (defender-advanced-hunting), as JSON. */
export interface GoldenProcess {
    /** Kusto type `datetime`; column 0. */
    Timestamp: string;
    /** Kusto type `string`; column 1. */
    ProcessCommandLine: string;
    /** Kusto type `long`, may be null; column 2. */
    ProcessId: bigint | null;
    /** Kusto type `string`; column 3. */
    MachineGroup: string;
}
/** The table GoldenProcess: its columns in ordinal order, with their Kusto types. */
export declare const GoldenProcessTable: {
    readonly name: "GoldenProcess";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "ProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "ProcessId";
        readonly type: "long";
        readonly ordinal: 2;
        readonly nullable: true;
    }, {
        readonly name: "MachineGroup";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a GoldenProcess row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidGoldenProcess(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a GoldenProcess row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkGoldenProcess(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a GoldenProcess row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateGoldenProcess: RowValidator<GoldenProcess>;
/** Whether a value is a valid GoldenProcess row (stops at the first invalid column). */
export declare function isGoldenProcess(value: unknown): value is GoldenProcess;
