import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceLogonEvents (defender-advanced-hunting), as JSON. */
export interface DeviceLogonEvents {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    ActionType: string;
    /** Kusto type `string`; column 4. */
    LogonType: string;
    /** Kusto type `string`; column 5. */
    AccountDomain: string;
    /** Kusto type `string`; column 6. */
    AccountName: string;
    /** Kusto type `string`; column 7. */
    AccountSid: string;
    /** Kusto type `string`; column 8. */
    Protocol: string;
    /** Kusto type `string`; column 9. */
    FailureReason: string;
    /** Kusto type `bool`, may be null; column 10. */
    IsLocalAdmin: boolean | null;
    /** Kusto type `long`, may be null; column 11. */
    LogonId: number | null;
    /** Kusto type `string`; column 12. */
    RemoteDeviceName: string;
    /** Kusto type `string`; column 13. */
    RemoteIP: string;
    /** Kusto type `string`; column 14. */
    RemoteIPType: string;
    /** Kusto type `int`, may be null; column 15. */
    RemotePort: number | null;
    /** Kusto type `string`; column 16. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 17. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 18. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 19. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 20. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `string`; column 21. */
    InitiatingProcessIntegrityLevel: string;
    /** Kusto type `string`; column 22. */
    InitiatingProcessTokenElevation: string;
    /** Kusto type `string`; column 23. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 24. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 25. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 26. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 27. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 28. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 29. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 30. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 31. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 32. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 33. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 34. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 35. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 36. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 37. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `long`, may be null; column 38. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `string`; column 39. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `datetime`, may be null; column 40. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `long`, may be null; column 41. */
    ReportId: number | null;
    /** Kusto type `string`; column 42. */
    AppGuardContainerId: string;
    /** Kusto type `string`; column 43. */
    AdditionalFields: string;
    /** Kusto type `long`, may be null; column 44. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 45. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 46. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 47. */
    InitiatingProcessRemoteSessionIP: string;
}
/** The table DeviceLogonEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceLogonEventsTable: {
    readonly name: "DeviceLogonEvents";
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
        readonly name: "ActionType";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "LogonType";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "AccountDomain";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "AccountName";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "AccountSid";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "Protocol";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "FailureReason";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "IsLocalAdmin";
        readonly type: "bool";
        readonly ordinal: 10;
        readonly nullable: true;
    }, {
        readonly name: "LogonId";
        readonly type: "long";
        readonly ordinal: 11;
        readonly nullable: true;
    }, {
        readonly name: "RemoteDeviceName";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "RemoteIP";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "RemoteIPType";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "RemotePort";
        readonly type: "int";
        readonly ordinal: 15;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessIntegrityLevel";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 27;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 29;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 34;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 36;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 37;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 38;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 39;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 40;
        readonly nullable: true;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 41;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 42;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 43;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 44;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 45;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 46;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 47;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceLogonEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceLogonEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceLogonEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceLogonEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceLogonEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceLogonEvents: RowValidator<DeviceLogonEvents>;
/** Whether a value is a valid DeviceLogonEvents row (stops at the first invalid column). */
export declare function isDeviceLogonEvents(value: unknown): value is DeviceLogonEvents;
