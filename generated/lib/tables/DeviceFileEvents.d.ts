import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceFileEvents, as JSON. */
export interface DeviceFileEvents {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    ActionType: string;
    /** Kusto type `string`; column 4. */
    FileName: string;
    /** Kusto type `string`; column 5. */
    FolderPath: string;
    /** Kusto type `string`; column 6. */
    SHA1: string;
    /** Kusto type `string`; column 7. */
    SHA256: string;
    /** Kusto type `string`; column 8. */
    MD5: string;
    /** Kusto type `string`; column 9. */
    FileOriginUrl: string;
    /** Kusto type `string`; column 10. */
    FileOriginReferrerUrl: string;
    /** Kusto type `string`; column 11. */
    FileOriginIP: string;
    /** Kusto type `string`; column 12. */
    PreviousFolderPath: string;
    /** Kusto type `string`; column 13. */
    PreviousFileName: string;
    /** Kusto type `long`, may be null; column 14. */
    FileSize: number | null;
    /** Kusto type `string`; column 15. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 16. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 17. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 18. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 19. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `string`; column 20. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 21. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 22. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 23. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `string`; column 24. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 25. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 26. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 27. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 28. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 29. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 30. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 31. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 32. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 33. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 34. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 35. */
    InitiatingProcessIntegrityLevel: string;
    /** Kusto type `string`; column 36. */
    InitiatingProcessTokenElevation: string;
    /** Kusto type `long`, may be null; column 37. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `string`; column 38. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `datetime`, may be null; column 39. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `string`; column 40. */
    RequestProtocol: string;
    /** Kusto type `string`; column 41. */
    RequestSourceIP: string;
    /** Kusto type `int`, may be null; column 42. */
    RequestSourcePort: number | null;
    /** Kusto type `string`; column 43. */
    RequestAccountName: string;
    /** Kusto type `string`; column 44. */
    RequestAccountDomain: string;
    /** Kusto type `string`; column 45. */
    RequestAccountSid: string;
    /** Kusto type `string`; column 46. */
    ShareName: string;
    /** Kusto type `string`; column 47. */
    SensitivityLabel: string;
    /** Kusto type `string`; column 48. */
    SensitivitySubLabel: string;
    /** Kusto type `bool`, may be null; column 49. */
    IsAzureInfoProtectionApplied: boolean | null;
    /** Kusto type `long`, may be null; column 50. */
    ReportId: number | null;
    /** Kusto type `string`; column 51. */
    AppGuardContainerId: string;
    /** Kusto type `string`; column 52. */
    AdditionalFields: string;
    /** Kusto type `long`, may be null; column 53. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 54. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 55. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 56. */
    InitiatingProcessRemoteSessionIP: string;
}
/** The table DeviceFileEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceFileEventsTable: {
    readonly name: "DeviceFileEvents";
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
        readonly name: "ActionType";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "FileName";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "FolderPath";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "SHA1";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "SHA256";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "MD5";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "FileOriginUrl";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "FileOriginReferrerUrl";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "FileOriginIP";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "PreviousFolderPath";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "PreviousFileName";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "FileSize";
        readonly type: "long";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 25;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 29;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 32;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 34;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessIntegrityLevel";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 36;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 37;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 39;
        readonly nullable: true;
    }, {
        readonly name: "RequestProtocol";
        readonly type: "string";
        readonly ordinal: 40;
        readonly nullable: false;
    }, {
        readonly name: "RequestSourceIP";
        readonly type: "string";
        readonly ordinal: 41;
        readonly nullable: false;
    }, {
        readonly name: "RequestSourcePort";
        readonly type: "int";
        readonly ordinal: 42;
        readonly nullable: true;
    }, {
        readonly name: "RequestAccountName";
        readonly type: "string";
        readonly ordinal: 43;
        readonly nullable: false;
    }, {
        readonly name: "RequestAccountDomain";
        readonly type: "string";
        readonly ordinal: 44;
        readonly nullable: false;
    }, {
        readonly name: "RequestAccountSid";
        readonly type: "string";
        readonly ordinal: 45;
        readonly nullable: false;
    }, {
        readonly name: "ShareName";
        readonly type: "string";
        readonly ordinal: 46;
        readonly nullable: false;
    }, {
        readonly name: "SensitivityLabel";
        readonly type: "string";
        readonly ordinal: 47;
        readonly nullable: false;
    }, {
        readonly name: "SensitivitySubLabel";
        readonly type: "string";
        readonly ordinal: 48;
        readonly nullable: false;
    }, {
        readonly name: "IsAzureInfoProtectionApplied";
        readonly type: "bool";
        readonly ordinal: 49;
        readonly nullable: true;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 50;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 51;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 52;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 53;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 54;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 55;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 56;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceFileEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceFileEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceFileEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceFileEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceFileEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceFileEvents: RowValidator<DeviceFileEvents>;
/** Whether a value is a valid DeviceFileEvents row (stops at the first invalid column). */
export declare function isDeviceFileEvents(value: unknown): value is DeviceFileEvents;
