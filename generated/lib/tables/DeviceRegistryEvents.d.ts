import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceRegistryEvents, as JSON. */
export interface DeviceRegistryEvents {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    ActionType: string;
    /** Kusto type `string`; column 4. */
    RegistryKey: string;
    /** Kusto type `string`; column 5. */
    RegistryValueType: string;
    /** Kusto type `string`; column 6. */
    RegistryValueName: string;
    /** Kusto type `string`; column 7. */
    RegistryValueData: string;
    /** Kusto type `string`; column 8. */
    PreviousRegistryKey: string;
    /** Kusto type `string`; column 9. */
    PreviousRegistryValueName: string;
    /** Kusto type `string`; column 10. */
    PreviousRegistryValueData: string;
    /** Kusto type `string`; column 11. */
    InitiatingProcessAccountDomain: string;
    /** Kusto type `string`; column 12. */
    InitiatingProcessAccountName: string;
    /** Kusto type `string`; column 13. */
    InitiatingProcessAccountSid: string;
    /** Kusto type `string`; column 14. */
    InitiatingProcessAccountUpn: string;
    /** Kusto type `string`; column 15. */
    InitiatingProcessAccountObjectId: string;
    /** Kusto type `string`; column 16. */
    InitiatingProcessSHA1: string;
    /** Kusto type `string`; column 17. */
    InitiatingProcessSHA256: string;
    /** Kusto type `string`; column 18. */
    InitiatingProcessMD5: string;
    /** Kusto type `string`; column 19. */
    InitiatingProcessFileName: string;
    /** Kusto type `long`, may be null; column 20. */
    InitiatingProcessFileSize: number | null;
    /** Kusto type `string`; column 21. */
    InitiatingProcessVersionInfoCompanyName: string;
    /** Kusto type `string`; column 22. */
    InitiatingProcessVersionInfoProductName: string;
    /** Kusto type `string`; column 23. */
    InitiatingProcessVersionInfoProductVersion: string;
    /** Kusto type `string`; column 24. */
    InitiatingProcessVersionInfoInternalFileName: string;
    /** Kusto type `string`; column 25. */
    InitiatingProcessVersionInfoOriginalFileName: string;
    /** Kusto type `string`; column 26. */
    InitiatingProcessVersionInfoFileDescription: string;
    /** Kusto type `long`, may be null; column 27. */
    InitiatingProcessId: number | null;
    /** Kusto type `string`; column 28. */
    InitiatingProcessCommandLine: string;
    /** Kusto type `datetime`, may be null; column 29. */
    InitiatingProcessCreationTime: string | null;
    /** Kusto type `string`; column 30. */
    InitiatingProcessFolderPath: string;
    /** Kusto type `long`, may be null; column 31. */
    InitiatingProcessParentId: number | null;
    /** Kusto type `string`; column 32. */
    InitiatingProcessParentFileName: string;
    /** Kusto type `datetime`, may be null; column 33. */
    InitiatingProcessParentCreationTime: string | null;
    /** Kusto type `string`; column 34. */
    InitiatingProcessIntegrityLevel: string;
    /** Kusto type `string`; column 35. */
    InitiatingProcessTokenElevation: string;
    /** Kusto type `long`, may be null; column 36. */
    ReportId: number | null;
    /** Kusto type `string`; column 37. */
    AppGuardContainerId: string;
    /** Kusto type `long`, may be null; column 38. */
    InitiatingProcessSessionId: number | null;
    /** Kusto type `bool`, may be null; column 39. */
    IsInitiatingProcessRemoteSession: boolean | null;
    /** Kusto type `string`; column 40. */
    InitiatingProcessRemoteSessionDeviceName: string;
    /** Kusto type `string`; column 41. */
    InitiatingProcessRemoteSessionIP: string;
}
/** The table DeviceRegistryEvents: its columns in ordinal order, with their Kusto types. */
export declare const DeviceRegistryEventsTable: {
    readonly name: "DeviceRegistryEvents";
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
        readonly name: "RegistryKey";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueType";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueName";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "RegistryValueData";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "PreviousRegistryKey";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "PreviousRegistryValueName";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "PreviousRegistryValueData";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountDomain";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountName";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountSid";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountUpn";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessAccountObjectId";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA1";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSHA256";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessMD5";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileName";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessFileSize";
        readonly type: "long";
        readonly ordinal: 20;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessVersionInfoCompanyName";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductName";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoProductVersion";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoInternalFileName";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoOriginalFileName";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessVersionInfoFileDescription";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessId";
        readonly type: "long";
        readonly ordinal: 27;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessCommandLine";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessCreationTime";
        readonly type: "datetime";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessFolderPath";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentId";
        readonly type: "long";
        readonly ordinal: 31;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessParentFileName";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessParentCreationTime";
        readonly type: "datetime";
        readonly ordinal: 33;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessIntegrityLevel";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessTokenElevation";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 36;
        readonly nullable: true;
    }, {
        readonly name: "AppGuardContainerId";
        readonly type: "string";
        readonly ordinal: 37;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessSessionId";
        readonly type: "long";
        readonly ordinal: 38;
        readonly nullable: true;
    }, {
        readonly name: "IsInitiatingProcessRemoteSession";
        readonly type: "bool";
        readonly ordinal: 39;
        readonly nullable: true;
    }, {
        readonly name: "InitiatingProcessRemoteSessionDeviceName";
        readonly type: "string";
        readonly ordinal: 40;
        readonly nullable: false;
    }, {
        readonly name: "InitiatingProcessRemoteSessionIP";
        readonly type: "string";
        readonly ordinal: 41;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceRegistryEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceRegistryEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceRegistryEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceRegistryEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceRegistryEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceRegistryEvents: RowValidator<DeviceRegistryEvents>;
/** Whether a value is a valid DeviceRegistryEvents row (stops at the first invalid column). */
export declare function isDeviceRegistryEvents(value: unknown): value is DeviceRegistryEvents;
