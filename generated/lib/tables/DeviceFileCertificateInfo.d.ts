import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceFileCertificateInfo (defender-advanced-hunting), as JSON. */
export interface DeviceFileCertificateInfo {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    SHA1: string;
    /** Kusto type `bool`, may be null; column 4. */
    IsSigned: boolean | null;
    /** Kusto type `string`; column 5. */
    SignatureType: string;
    /** Kusto type `string`; column 6. */
    Signer: string;
    /** Kusto type `string`; column 7. */
    SignerHash: string;
    /** Kusto type `string`; column 8. */
    Issuer: string;
    /** Kusto type `string`; column 9. */
    IssuerHash: string;
    /** Kusto type `string`; column 10. */
    CertificateSerialNumber: string;
    /** Kusto type `string`; column 11. */
    CrlDistributionPointUrls: string;
    /** Kusto type `datetime`, may be null; column 12. */
    CertificateCreationTime: string | null;
    /** Kusto type `datetime`, may be null; column 13. */
    CertificateExpirationTime: string | null;
    /** Kusto type `datetime`, may be null; column 14. */
    CertificateCountersignatureTime: string | null;
    /** Kusto type `bool`, may be null; column 15. */
    IsTrusted: boolean | null;
    /** Kusto type `bool`, may be null; column 16. */
    IsRootSignerMicrosoft: boolean | null;
    /** Kusto type `long`, may be null; column 17. */
    ReportId: number | null;
}
/** The table DeviceFileCertificateInfo: its columns in ordinal order, with their Kusto types. */
export declare const DeviceFileCertificateInfoTable: {
    readonly name: "DeviceFileCertificateInfo";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "DeviceId";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "DeviceName";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "SHA1";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "IsSigned";
        readonly type: "bool";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "SignatureType";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "Signer";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "SignerHash";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "Issuer";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "IssuerHash";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "CertificateSerialNumber";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "CrlDistributionPointUrls";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "CertificateCreationTime";
        readonly type: "datetime";
        readonly ordinal: 12;
        readonly nullable: true;
    }, {
        readonly name: "CertificateExpirationTime";
        readonly type: "datetime";
        readonly ordinal: 13;
        readonly nullable: true;
    }, {
        readonly name: "CertificateCountersignatureTime";
        readonly type: "datetime";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "IsTrusted";
        readonly type: "bool";
        readonly ordinal: 15;
        readonly nullable: true;
    }, {
        readonly name: "IsRootSignerMicrosoft";
        readonly type: "bool";
        readonly ordinal: 16;
        readonly nullable: true;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 17;
        readonly nullable: true;
    }];
};
/**
 * The straight-line check of a DeviceFileCertificateInfo row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceFileCertificateInfo(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceFileCertificateInfo row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceFileCertificateInfo(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceFileCertificateInfo row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceFileCertificateInfo: RowValidator<DeviceFileCertificateInfo>;
/** Whether a value is a valid DeviceFileCertificateInfo row (stops at the first invalid column). */
export declare function isDeviceFileCertificateInfo(value: unknown): value is DeviceFileCertificateInfo;
