import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table KqlgenTypeAliases, as JSON. */
export interface KqlgenTypeAliases {
    /** Kusto type `string`; column 0. */
    AliasString: string;
    /** Kusto type `bool`, may be null; column 1. */
    AliasBooleanLower: boolean | null;
    /** Kusto type `bool`, may be null; column 2. */
    AliasBoolean: boolean | null;
    /** Kusto type `bool`, may be null; column 3. */
    AliasBool: boolean | null;
    /** Kusto type `int`, may be null; column 4. */
    AliasInt32: number | null;
    /** Kusto type `int`, may be null; column 5. */
    AliasInt: number | null;
    /** Kusto type `int`, may be null; column 6. */
    AliasInt16: number | null;
    /** Kusto type `int`, may be null; column 7. */
    AliasUint8: number | null;
    /** Kusto type `long`, may be null; column 8. */
    AliasInt64: number | null;
    /** Kusto type `long`, may be null; column 9. */
    AliasInt64Lower: number | null;
    /** Kusto type `long`, may be null; column 10. */
    AliasLong: number | null;
    /** Kusto type `long`, may be null; column 11. */
    AliasUint64: number | null;
    /** Kusto type `real`, may be null; column 12. */
    AliasDouble: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `real`, may be null; column 13. */
    AliasDoubleLower: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `real`, may be null; column 14. */
    AliasFloat: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `real`, may be null; column 15. */
    AliasReal: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `decimal`, may be null; column 16. */
    AliasDecimal: string | null;
    /** Kusto type `datetime`, may be null; column 17. */
    AliasDateTime: string | null;
    /** Kusto type `datetime`, may be null; column 18. */
    AliasDatetimeMixed: string | null;
    /** Kusto type `datetime`, may be null; column 19. */
    AliasDate: string | null;
    /** Kusto type `timespan`, may be null; column 20. */
    AliasTimeSpan: string | null;
    /** Kusto type `timespan`, may be null; column 21. */
    AliasTime: string | null;
    /** Kusto type `guid`, may be null; column 22. */
    AliasGuid: string | null;
    /** Kusto type `guid`, may be null; column 23. */
    AliasUuid: string | null;
    /** Kusto type `guid`, may be null; column 24. */
    AliasUniqueid: string | null;
    /** Kusto type `dynamic`, may be null; column 25. */
    AliasDynamic: unknown;
    /** Kusto type `dynamic`, may be null; column 26. */
    AliasObject: unknown;
    /** Kusto type `datetime`, may be null; column 27. */
    AliasUpperDatetime: string | null;
    /** Kusto type `string`; column 28. */
    AliasOddString: string;
    /** Kusto type `guid`, may be null; column 29. */
    AliasUpperGuid: string | null;
    /** Kusto type `timespan`, may be null; column 30. */
    AliasOddTimespan: string | null;
}
/** The table KqlgenTypeAliases: its columns in ordinal order, with their Kusto types. */
export declare const KqlgenTypeAliasesTable: {
    readonly name: "KqlgenTypeAliases";
    readonly columns: readonly [{
        readonly name: "AliasString";
        readonly type: "string";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "AliasBooleanLower";
        readonly type: "bool";
        readonly ordinal: 1;
        readonly nullable: true;
    }, {
        readonly name: "AliasBoolean";
        readonly type: "bool";
        readonly ordinal: 2;
        readonly nullable: true;
    }, {
        readonly name: "AliasBool";
        readonly type: "bool";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "AliasInt32";
        readonly type: "int";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "AliasInt";
        readonly type: "int";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "AliasInt16";
        readonly type: "int";
        readonly ordinal: 6;
        readonly nullable: true;
    }, {
        readonly name: "AliasUint8";
        readonly type: "int";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "AliasInt64";
        readonly type: "long";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "AliasInt64Lower";
        readonly type: "long";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "AliasLong";
        readonly type: "long";
        readonly ordinal: 10;
        readonly nullable: true;
    }, {
        readonly name: "AliasUint64";
        readonly type: "long";
        readonly ordinal: 11;
        readonly nullable: true;
    }, {
        readonly name: "AliasDouble";
        readonly type: "real";
        readonly ordinal: 12;
        readonly nullable: true;
    }, {
        readonly name: "AliasDoubleLower";
        readonly type: "real";
        readonly ordinal: 13;
        readonly nullable: true;
    }, {
        readonly name: "AliasFloat";
        readonly type: "real";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "AliasReal";
        readonly type: "real";
        readonly ordinal: 15;
        readonly nullable: true;
    }, {
        readonly name: "AliasDecimal";
        readonly type: "decimal";
        readonly ordinal: 16;
        readonly nullable: true;
    }, {
        readonly name: "AliasDateTime";
        readonly type: "datetime";
        readonly ordinal: 17;
        readonly nullable: true;
    }, {
        readonly name: "AliasDatetimeMixed";
        readonly type: "datetime";
        readonly ordinal: 18;
        readonly nullable: true;
    }, {
        readonly name: "AliasDate";
        readonly type: "datetime";
        readonly ordinal: 19;
        readonly nullable: true;
    }, {
        readonly name: "AliasTimeSpan";
        readonly type: "timespan";
        readonly ordinal: 20;
        readonly nullable: true;
    }, {
        readonly name: "AliasTime";
        readonly type: "timespan";
        readonly ordinal: 21;
        readonly nullable: true;
    }, {
        readonly name: "AliasGuid";
        readonly type: "guid";
        readonly ordinal: 22;
        readonly nullable: true;
    }, {
        readonly name: "AliasUuid";
        readonly type: "guid";
        readonly ordinal: 23;
        readonly nullable: true;
    }, {
        readonly name: "AliasUniqueid";
        readonly type: "guid";
        readonly ordinal: 24;
        readonly nullable: true;
    }, {
        readonly name: "AliasDynamic";
        readonly type: "dynamic";
        readonly ordinal: 25;
        readonly nullable: true;
    }, {
        readonly name: "AliasObject";
        readonly type: "dynamic";
        readonly ordinal: 26;
        readonly nullable: true;
    }, {
        readonly name: "AliasUpperDatetime";
        readonly type: "datetime";
        readonly ordinal: 27;
        readonly nullable: true;
    }, {
        readonly name: "AliasOddString";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "AliasUpperGuid";
        readonly type: "guid";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "AliasOddTimespan";
        readonly type: "timespan";
        readonly ordinal: 30;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a KqlgenTypeAliases row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidKqlgenTypeAliases(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a KqlgenTypeAliases row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkKqlgenTypeAliases(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a KqlgenTypeAliases row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateKqlgenTypeAliases: RowValidator<KqlgenTypeAliases>;
/** Whether a value is a valid KqlgenTypeAliases row (stops at the first invalid column). */
export declare function isKqlgenTypeAliases(value: unknown): value is KqlgenTypeAliases;
