import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceEvents, as JSON. */
export interface DeviceEvents {
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
    /** Kusto type `long`, may be null; column 9. */
    FileSize: number | null;
    /** Kusto type `string`; column 10. */
    AccountDomain: string;
    /** Kusto type `string`; column 11. */
    AccountName: string;
    /** Kusto type `string`; column 12. */
    AccountSid: string;
    /** Kusto type `string`; column 13. */
    RemoteUrl: string;
    /** Kusto type `string`; column 14. */
    RemoteDeviceName: string;
    /** Kusto type `long`, may be null; column 15. */
    ProcessId: number | null;
    /** Kusto type `string`; column 16. */
    ProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 17. */
    ProcessCreationTime: string | null;
    /** Kusto type `string`; column 18. */
    ProcessTokenElevation: string;
    /** Kusto type `long`, may be null; column 19. */
    LogonId: number | null;
    /** Kusto type `string`; column 20. */
    RegistryKey: string;
    /** Kusto type `string`; column 21. */
    RegistryValueName: string;
    /** Kusto type `string`; column 22. */
    RegistryValueData: string;
    /** Kusto type `string`; column 23. */
    RemoteIP: string;
    /** Kusto type `int`, may be null; column 24. */
    RemotePort: number | null;
    /** Kusto type `string`; column 25. */
    LocalIP: string;
    /** Kusto type `int`, may be null; column 26. */
    LocalPort: number | null;
    /** Kusto type `string`; column 27. */
    FileOriginUrl: string;
    /** Kusto type `string`; column 28. */
    FileOriginIP: string;
    /** Kusto type `string`; column 29. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 30. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 31. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 32. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 33. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 34. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `long`, may be null; column 35. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 36. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 37. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 38. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 39. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 40. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 41. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 42. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `string`; column 43. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 44. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 45. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 46. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 47. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 48. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 49. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `string`; column 50. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `datetime`, may be null; column 51. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `long`, may be null; column 52. */
    InitiatingProcessLogonId: number | null;
    /** Kusto type `long`, may be null; column 53. */
    ReportId: number | null;
    /** Kusto type `string`; column 54. */
    AppGuardContainerId: string;
    /** Kusto type `string`; column 55. */
    AdditionalFields: string;
    /** Kusto type `long`, may be null; column 56. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 57. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 58. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 59. */
    InitiatingProcessRemoteSessionIP: string;
    /** Kusto type `long`, may be null; column 60. */
    CreatedProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 61. */
    IsProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 62. */
    ProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 63. */
    ProcessRemoteSessionIP: string;
}
/** The table DeviceEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceEventsTable: {
    readonly name: "DeviceEvents";
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
        readonly name: "FileSize";
        readonly type: "long";
        readonly ordinal: 9;
        readonly nullable: true;
    }, {
        readonly name: "AccountDomain";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "AccountName";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "AccountSid";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "RemoteUrl";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "RemoteDeviceName";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "ProcessId";
        readonly type: "long";
        readonly ordinal: 15;
        readonly nullable: true;
    }, {
        readonly name: "ProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "ProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 17;
        readonly nullable: true;
    }, {
        readonly name: "ProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "LogonId";
        readonly type: "long";
        readonly ordinal: 19;
        readonly nullable: true;
    }, {
        readonly name: "RegistryKey";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueName";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueData";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "RemoteIP";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "RemotePort";
        readonly type: "int";
        readonly ordinal: 24;
        readonly nullable: true;
    }, {
        readonly name: "LocalIP";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "LocalPort";
        readonly type: "int";
        readonly ordinal: 26;
        readonly nullable: true;
    }, {
        readonly name: "FileOriginUrl";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "FileOriginIP";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 29;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 33;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 35;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 36;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 37;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 39;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 40;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 41;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 42;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 43;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 44;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 45;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 46;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 47;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 48;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 49;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 50;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 51;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessLogonId";
        readonly type: "long";
        readonly ordinal: 52;
        readonly nullable: true;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 53;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 54;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 55;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 56;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 57;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 58;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 59;
        readonly nullable: false;
    }, {
        readonly name: "CreatedProcessSessionId";
        readonly type: "long";
        readonly ordinal: 60;
        readonly nullable: true;
    }, {
        readonly name: "IsProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 61;
        readonly nullable: true;
    }, {
        readonly name: "ProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 62;
        readonly nullable: false;
    }, {
        readonly name: "ProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 63;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceEvents: RowValidator<DeviceEvents>;
/** Whether a value is a valid DeviceEvents row (stops at the first invalid column). */
export declare function isDeviceEvents(value: unknown): value is DeviceEvents;
