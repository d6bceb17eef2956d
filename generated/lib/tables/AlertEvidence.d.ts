import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table AlertEvidence, as JSON. */
export interface AlertEvidence {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    AlertId: string;
    /** Kusto type `string`; column 2. */
    Title: string;
    /** Kusto type `string`; column 3. */
    Categories: string;
    /** Kusto type `string`; column 4. */
    AttackTechniques: string;
    /** Kusto type `string`; column 5. */
    ServiceSource: string;
    /** Kusto type `string`; column 6. */
    DetectionSource: string;
    /** Kusto type `string`; column 7. */
    EntityType: string;
    /** Kusto type `string`; column 8. */
    EvidenceRole: string;
    /** Kusto type `string`; column 9. */
    EvidenceDirection: string;
    /** Kusto type `string`; column 10. */
    FileName: string;
    /** Kusto type `string`; column 11. */
    FolderPath: string;
    /** Kusto type `string`; column 12. */
    SHA1: string;
    /** Kusto type `string`; column 13. */
    SHA256: string;
    /** Kusto type `long`, may be null; column 14. */
    FileSize: number | null;
    /** Kusto type `string`; column 15. */
    ThreatFamily: string;
    /** Kusto type `string`; column 16. */
    RemoteIP: string;
    /** Kusto type `string`; column 17. */
    RemoteUrl: string;
    /** Kusto type `string`; column 18. */
    AccountName: string;
    /** Kusto type `string`; column 19. */
    AccountDomain: string;
    /** Kusto type `string`; column 20. */
    AccountSid: string;
    /** Kusto type `string`; column 21. */
    AccountObjectId: string;
    /** Kusto type `string`; column 22. */
    AccountUpn: string;
    /** Kusto type `string`; column 23. */
    DeviceId: string;
    /** Kusto type `string`; column 24. */
    DeviceName: string;
    /** Kusto type `string`; column 25. */
    LocalIP: string;
    /** Kusto type `string`; column 26. */
    NetworkMessageId: string;
    /** Kusto type `string`; column 27. */
    EmailSubject: string;
    /** Kusto type `string`; column 28. */
    Application: string;
    /** Kusto type `int`, may be null; column 29. */
    ApplicationId: number | null;
    /** Kusto type `string`; column 30. */
    OAuthApplicationId: string;
    /** Kusto type `string`; column 31. */
    ProcessCommandLine: string;
    /** Kusto type `string`; column 32. */
    RegistryKey: string;
    /** Kusto type `string`; column 33. */
    RegistryValueName: string;
    /** Kusto type `string`; column 34. */
    RegistryValueData: string;
    /** Kusto type `string`; column 35. */
    AdditionalFields: string;
    /** Kusto type `string`; column 36. */
    Severity: string;
    /** Kusto type `string`; column 37. */
    CloudResource: string;
    /** Kusto type `string`; column 38. */
    CloudPlatform: string;
    /** Kusto type `string`; column 39. */
    ResourceType: string;
    /** Kusto type `string`; column 40. */
    ResourceID: string;
    /** Kusto type `string`; column 41. */
    SubscriptionId: string;
}
/** The table AlertEvidence: its columns in ordinal order, with their Kusto types. */
export declare const AlertEvidenceTable: {
    readonly name: "AlertEvidence";
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
        readonly name: "Categories";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "AttackTechniques";
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
        readonly name: "EntityType";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "EvidenceRole";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "EvidenceDirection";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "FileName";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "FolderPath";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "SHA1";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "SHA256";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "FileSize";
        readonly type: "long";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "ThreatFamily";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "RemoteIP";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "RemoteUrl";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "AccountName";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "AccountDomain";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "AccountSid";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "AccountObjectId";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "AccountUpn";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "DeviceId";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "DeviceName";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "LocalIP";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "NetworkMessageId";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "EmailSubject";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "Application";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "ApplicationId";
        readonly type: "int";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "OAuthApplicationId";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "ProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "RegistryKey";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueName";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueData";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "Severity";
        readonly type: "string";
        readonly ordinal: 36;
        readonly nullable: false;
    }, {
        readonly name: "CloudResource";
        readonly type: "string";
        readonly ordinal: 37;
        readonly nullable: false;
    }, {
        readonly name: "CloudPlatform";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "ResourceType";
        readonly type: "string";
        readonly ordinal: 39;
        readonly nullable: false;
    }, {
        readonly name: "ResourceID";
        readonly type: "string";
        readonly ordinal: 40;
        readonly nullable: false;
    }, {
        readonly name: "SubscriptionId";
        readonly type: "string";
        readonly ordinal: 41;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a AlertEvidence row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidAlertEvidence(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a AlertEvidence row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkAlertEvidence(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a AlertEvidence row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateAlertEvidence: RowValidator<AlertEvidence>;
/** Whether a value is a valid AlertEvidence row (stops at the first invalid column). */
export declare function isAlertEvidence(value: unknown): value is AlertEvidence;
