import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceTvmSecureConfigurationAssessment, as JSON. */
export interface DeviceTvmSecureConfigurationAssessment {
    /** Kusto type `string`; column 0. */
    DeviceId: string;
    /** Kusto type `string`; column 1. */
    DeviceName: string;
    /** Kusto type `string`; column 2. */
    OSPlatform: string;
    /** Kusto type `datetime`, may be null; column 3. */
    Timestamp: string | null;
    /** Kusto type `string`; column 4. */
    ConfigurationId: string;
    /** Kusto type `string`; column 5. */
    ConfigurationCategory: string;
    /** Kusto type `string`; column 6. */
    ConfigurationSubcategory: string;
    /** Kusto type `real`, may be null; column 7. */
    ConfigurationImpact: number | "NaN" | "Infinity" | "-Infinity" | null;
    /** Kusto type `bool`, may be null; column 8. */
    IsCompliant: boolean | null;
    /** Kusto type `bool`, may be null; column 9. */
    IsApplicable: boolean | null;
    /** Kusto type `dynamic`, may be null; column 10. */
    Context: unknown;
    /** Kusto type `bool`, may be null; column 11. */
    IsExpectedUserImpact: boolean | null;
}
/** The table DeviceTvmSecureConfigurationAssessment: its columns in ordinal order, with their Kusto types. */
export declare const DeviceTvmSecureConfigurationAssessmentTable: {
    readonly name: "DeviceTvmSecureConfigurationAssessment";
    readonly columns: readonly [{
        readonly name: "DeviceId";
        readonly type: "string";
        readonly ordinal: 0;
        readonly nullable: false;
    }, {
        readonly name: "DeviceName";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "OSPlatform";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "ConfigurationId";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "ConfigurationCategory";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "ConfigurationSubcategory";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "ConfigurationImpact";
        readonly type: "real";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "IsCompliant";
        readonly type: "bool";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "IsApplicable";
        readonly type: "bool";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "Context";
        readonly type: "dynamic";
        readonly ordinal: 10;
        readonly nullable: true;
    }, {
        readonly name: "IsExpectedUserImpact";
        readonly type: "bool";
        readonly ordinal: 11;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a DeviceTvmSecureConfigurationAssessment row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceTvmSecureConfigurationAssessment(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceTvmSecureConfigurationAssessment row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceTvmSecureConfigurationAssessment(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceTvmSecureConfigurationAssessment row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceTvmSecureConfigurationAssessment: RowValidator<DeviceTvmSecureConfigurationAssessment>;
/** Whether a value is a valid DeviceTvmSecureConfigurationAssessment row (stops at the first invalid column). */
export declare function isDeviceTvmSecureConfigurationAssessment(value: unknown): value is DeviceTvmSecureConfigurationAssessment;
