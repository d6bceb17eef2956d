import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceNetworkEvents, as JSON. */
export interface DeviceNetworkEvents {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    ActionType: string;
    /** Kusto type `string`; column 4. */
    RemoteIP: string;
    /** Kusto type `int`, may be null; column 5. */
    RemotePort: number | null;
    /** Kusto type `string`; column 6. */
    RemoteUrl: string;
    /** Kusto type `string`; column 7. */
    LocalIP: string;
    /** Kusto type `int`, may be null; column 8. */
    LocalPort: number | null;
    /** Kusto type `string`; column 9. */
    Protocol: string;
    /** Kusto type `string`; column 10. */
    LocalIPType: string;
    /** Kusto type `string`; column 11. */
    RemoteIPType: string;
    /** Kusto type `string`; column 12. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 13. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 14. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 15. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 16. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 17. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 18. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 19. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 20. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 21. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 22. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 23. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 24. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 25. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 26. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `string`; column 27. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `long`, may be null; column 28. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `datetime`, may be null; column 29. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `string`; column 30. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 31. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 32. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 33. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 34. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `string`; column 35. */
    InitiatingProcessIntegrityLevel: string;
    /** Kusto type `string`; column 36. */
    InitiatingProcessTokenElevation: string;
    /** Kusto type `long`, may be null; column 37. */
    ReportId: number | null;
    /** Kusto type `string`; column 38. */
    AppGuardContainerId: string;
    /** Kusto type `string`; column 39. */
    AdditionalFields: string;
    /** Kusto type `long`, may be null; column 40. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 41. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 42. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 43. */
    InitiatingProcessRemoteSessionIP: string;
}
/** The table DeviceNetworkEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceNetworkEventsTable: {
    readonly name: "DeviceNetworkEvents";
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
        readonly name: "RemoteIP";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "RemotePort";
        readonly type: "int";
        readonly ordinal: 5;
        readonly nullable: true;
    }, {
        readonly name: "RemoteUrl";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "LocalIP";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "LocalPort";
        readonly type: "int";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "Protocol";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "LocalIPType";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "RemoteIPType";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 16;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 23;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 25;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 28;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
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
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 37;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 39;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 40;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 41;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 42;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 43;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceNetworkEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceNetworkEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceNetworkEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceNetworkEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceNetworkEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceNetworkEvents: RowValidator<DeviceNetworkEvents>;
/** Whether a value is a valid DeviceNetworkEvents row (stops at the first invalid column). */
export declare function isDeviceNetworkEvents(value: unknown): value is DeviceNetworkEvents;
