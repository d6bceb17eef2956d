import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceProcessEvents (defender-advanced-hunting), as JSON. */
export interface DeviceProcessEvents {
    /** Kusto type `datetime`; column 0. */
    Timestamp: string;
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
    /** Kusto type `long`, may be null; column 9. */
    FileSize: number | null;
    /** Kusto type `string`; column 10. */
    ProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 11. */
    ProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 12. */
    ProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 13. */
    ProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 14. */
    ProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 15. */
    ProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 16. */
    ProcessId: number | null;
    /** Kusto type `string`; column 17. */
    ProcessCommandLine: string;
    /** Kusto type `string`; column 18. */
    ProcessIntegrityLevel: string;
    /** Kusto type `string`; column 19. */
    ProcessTokenElevation: string;
    /** Kusto type `datetime`, may be null; column 20. */
    ProcessCreationTime: string | null;
    /** Kusto type `string`; column 21. */
    AccountDomain: string;
    /** Kusto type `string`; column 22. */
    AccountName: string;
    /** Kusto type `string`; column 23. */
    AccountSid: string;
    /** Kusto type `string`; column 24. */
    AccountUpn: string;
    /** Kusto type `string`; column 25. */
    AccountObjectId: string;
    /** Kusto type `long`, may be null; column 26. */
    LogonId: number | null;
    /** Kusto type `string`; column 27. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 28. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 29. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 30. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 31. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `long`, may be null; column 32. */
    InitiatingProcessLogonId: number | null;
    /** Kusto type `string`; column 33. */
    InitiatingProcessIntegrityLevel: string;
    /** Kusto type `string`; column 34. */
    InitiatingProcessTokenElevation: string;
    /** Kusto type `string`; column 35. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 36. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 37. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 38. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 39. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 40. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 41. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 42. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 43. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 44. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 45. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 46. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 47. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 48. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 49. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `long`, may be null; column 50. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `string`; column 51. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `datetime`, may be null; column 52. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `string`; column 53. */
    InitiatingProcessSignerType: string;
    /** Kusto type `string`; column 54. */
    InitiatingProcessSignatureStatus: string;
    /** Kusto type `long`, may be null; column 55. */
    ReportId: number | null;
    /** Kusto type `string`; column 56. */
    AppGuardContainerId: string;
    /** Kusto type `string`; column 57. */
    AdditionalFields: string;
    /** Kusto type `long`, may be null; column 58. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 59. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 60. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 61. */
    InitiatingProcessRemoteSessionIP: string;
    /** Kusto type `long`, may be null; column 62. */
    CreatedProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 63. */
    IsProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 64. */
    ProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 65. */
    ProcessRemoteSessionIP: string;
}
/** The table DeviceProcessEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceProcessEventsTable: {
    readonly name: "DeviceProcessEvents";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: false;
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
        readonly name: "FileSize";
        readonly type: "long";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "ProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "ProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "ProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "ProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "ProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "ProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "ProcessId";
        readonly type: "long";
        readonly ordinal: 16;
        readonly nullable: true;
    }, {
        readonly name: "ProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "ProcessIntegrityLevel";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "ProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "ProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 20;
        readonly nullable: true;
    }, {
        readonly name: "AccountDomain";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "AccountName";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "AccountSid";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "AccountUpn";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "AccountObjectId";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "LogonId";
        readonly type: "long";
        readonly ordinal: 26;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 29;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessLogonId";
        readonly type: "long";
        readonly ordinal: 32;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessIntegrityLevel";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 36;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 37;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 39;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 40;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 41;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 42;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 43;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 44;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 45;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 46;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 47;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 48;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 49;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 50;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 51;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 52;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessSignerType";
        readonly type: "string";
        readonly ordinal: 53;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSignatureStatus";
        readonly type: "string";
        readonly ordinal: 54;
        readonly nullable: false;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 55;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 56;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 57;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 58;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 59;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 60;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 61;
        readonly nullable: false;
    }, {
        readonly name: "CreatedProcessSessionId";
        readonly type: "long";
        readonly ordinal: 62;
        readonly nullable: true;
    }, {
        readonly name: "IsProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 63;
        readonly nullable: true;
    }, {
        readonly name: "ProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 64;
        readonly nullable: false;
    }, {
        readonly name: "ProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 65;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceProcessEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceProcessEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceProcessEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceProcessEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceProcessEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceProcessEvents: RowValidator<DeviceProcessEvents>;
/** Whether a value is a valid DeviceProcessEvents row (stops at the first invalid column). */
export declare function isDeviceProcessEvents(value: unknown): value is DeviceProcessEvents;
