import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table KqlgenAwkwardNames, as JSON. */
export interface KqlgenAwkwardNames {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    "Device Name": string;
    /** Kusto type `string`; column 2. */
    "dash-name": string;
    /** Kusto type `int`, may be null; column 3. */
    "1stColumn": number | null;
    /** Kusto type `string`; column 4. */
    where: string;
    /** Kusto type `long`, may be null; column 5. */
    project: number | null;
    /** Kusto type `bool`, may be null; column 6. */
    class: boolean | null;
    /** Kusto type `dynamic`, may be null; column 7. */
    default: unknown;
    /** Kusto type `real`, may be null; column 8. */
    Größe: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `string`; column 9. */
    名前: string;
    /** Kusto type `long`, may be null; column 10. */
    LogonId: number | null;
    /** Kusto type `string`; column 11. */
    LogonID: string;
    /** Kusto type `guid`, may be null; column 12. */
    "dotted.name": string | null;
    /** Kusto type `string`; column 13. */
    "quote'and\"double": string;
    /** Kusto type `timespan`, may be null; column 14. */
    "back\\slash": string | null;
    /** Kusto type `decimal`, may be null; column 15. */
    "slash/and~tilde": string | null;
}
/** The table KqlgenAwkwardNames: its columns in ordinal order, with their Kusto types. */
export declare const KqlgenAwkwardNamesTable: {
    readonly name: "KqlgenAwkwardNames";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "Device Name";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "dash-name";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "1stColumn";
        readonly type: "int";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "where";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "project";
        readonly type: "long";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "class";
        readonly type: "bool";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "default";
        readonly type: "dynamic";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "Größe";
        readonly type: "real";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "名前";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "LogonId";
        readonly type: "long";
        readonly ordinal: 10;
        readonly nullable: true;
    }, {
        readonly name: "LogonID";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "dotted.name";
        readonly type: "guid";
        readonly ordinal: 12;
        readonly nullable: true;
    }, {
        readonly name: "quote'and\"double";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "back\\slash";
        readonly type: "timespan";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "slash/and~tilde";
        readonly type: "decimal";
        readonly ordinal: 15;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a KqlgenAwkwardNames row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidKqlgenAwkwardNames(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a KqlgenAwkwardNames row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkKqlgenAwkwardNames(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a KqlgenAwkwardNames row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateKqlgenAwkwardNames: RowValidator<KqlgenAwkwardNames>;
/** Whether a value is a valid KqlgenAwkwardNames row (stops at the first invalid column). */
export declare function isKqlgenAwkwardNames(value: unknown): value is KqlgenAwkwardNames;
