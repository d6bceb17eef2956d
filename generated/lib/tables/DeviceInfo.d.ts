import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceInfo, as JSON. */
export interface DeviceInfo {
    /** Kusto type `datetime`; column 0. */
    Timestamp: string;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    ClientVersion: string;
    /** Kusto type `string`; column 4. */
    PublicIP: string;
    /** Kusto type `string`; column 5. */
    OSArchitecture: string;
    /** Kusto type `string`; column 6. */
    OSPlatform: string;
    /** Kusto type `long`, may be null; column 7. */
    OSBuild: number | null;
    /** Kusto type `bool`, may be null; column 8. */
    IsAzureADJoined: boolean | null;
    /** Kusto type `string`; column 9. */
    JoinType: string;
    /** Kusto type `string`; column 10. */
    AadDeviceId: string;
    /** Kusto type `string`; column 11. */
    LoggedOnUsers: string;
    /** Kusto type `string`; column 12. */
    RegistryDeviceTag: string;
    /** Kusto type `string`; column 13. */
    OSVersion: string;
    /** Kusto type `string`; column 14. */
    MachineGroup: string;
    /** Kusto type `long`, may be null; column 15. */
    ReportId: number | null;
    /** Kusto type `string`; column 16. */
    OnboardingStatus: string;
    /** Kusto type `string`; column 17. */
    AdditionalFields: string;
    /** Kusto type `string`; column 18. */
    DeviceCategory: string;
    /** Kusto type `string`; column 19. */
    DeviceType: string;
    /** Kusto type `string`; column 20. */
    DeviceSubtype: string;
    /** Kusto type `string`; column 21. */
    Model: string;
    /** Kusto type `string`; column 22. */
    Vendor: string;
    /** Kusto type `string`; column 23. */
    OSDistribution: string;
    /** Kusto type `string`; column 24. */
    OSVersionInfo: string;
    /** Kusto type `string`; column 25. */
    MergedDeviceIds: string;
    /** Kusto type `string`; column 26. */
    MergedToDeviceId: string;
    /** Kusto type `bool`, may be null; column 27. */
    IsInternetFacing: boolean | null;
    /** Kusto type `string`; column 28. */
    SensorHealthState: string;
    /** Kusto type `bool`, may be null; column 29. */
    IsExcluded: boolean | null;
    /** Kusto type `string`; column 30. */
    ExclusionReason: string;
    /** Kusto type `string`; column 31. */
    ExposureLevel: string;
    /** Kusto type `string`; column 32. */
    AssetValue: string;
    /** Kusto type `string`; column 33. */
    DeviceManualTags: string;
    /** Kusto type `string`; column 34. */
    DeviceDynamicTags: string;
    /** Kusto type `string`; column 35. */
    ConnectivityType: string;
    /** Kusto type `string`; column 36. */
    HostDeviceId: string;
    /** Kusto type `string`; column 37. */
    AzureResourceId: string;
    /** Kusto type `string`; column 38. */
    AwsResourceName: string;
    /** Kusto type `string`; column 39. */
    GcpFullResourceName: string;
}
/** The table DeviceInfo: its columns in ordinal order, with their Kusto types. */
export declare const DeviceInfoTable: {
    readonly name: "DeviceInfo";
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
        readonly name: "ClientVersion";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "PublicIP";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "OSArchitecture";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "OSPlatform";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "OSBuild";
        readonly type: "long";
        readonly ordinal: 7;
        readonly nullable: true;
    }, {
        readonly name: "IsAzureADJoined";
        readonly type: "bool";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "JoinType";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "AadDeviceId";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "LoggedOnUsers";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "RegistryDeviceTag";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "OSVersion";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "MachineGroup";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 15;
        readonly nullable: true;
    }, {
        readonly name: "OnboardingStatus";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "DeviceCategory";
        readonly type: "string";
        readonly ordinal: 18;
        readonly nullable: false;
    }, {
        readonly name: "DeviceType";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "DeviceSubtype";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "Model";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "Vendor";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "OSDistribution";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "OSVersionInfo";
        readonly type: "string";
        readonly ordinal: 24;
        readonly nullable: false;
    }, {
        readonly name: "MergedDeviceIds";
        readonly type: "string";
        readonly ordinal: 25;
        readonly nullable: false;
    }, {
        readonly name: "MergedToDeviceId";
        readonly type: "string";
        readonly ordinal: 26;
        readonly nullable: false;
    }, {
        readonly name: "IsInternetFacing";
        readonly type: "bool";
        readonly ordinal: 27;
        readonly nullable: true;
    }, {
        readonly name: "SensorHealthState";
        readonly type: "string";
        readonly ordinal: 28;
        readonly nullable: false;
    }, {
        readonly name: "IsExcluded";
        readonly type: "bool";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "ExclusionReason";
        readonly type: "string";
        readonly ordinal: 30;
        readonly nullable: false;
    }, {
        readonly name: "ExposureLevel";
        readonly type: "string";
        readonly ordinal: 31;
        readonly nullable: false;
    }, {
        readonly name: "AssetValue";
        readonly type: "string";
        readonly ordinal: 32;
        readonly nullable: false;
    }, {
        readonly name: "DeviceManualTags";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "DeviceDynamicTags";
        readonly type: "string";
        readonly ordinal: 34;
        readonly nullable: false;
    }, {
        readonly name: "ConnectivityType";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }, {
        readonly name: "HostDeviceId";
        readonly type: "string";
        readonly ordinal: 36;
        readonly nullable: false;
    }, {
        readonly name: "AzureResourceId";
        readonly type: "string";
        readonly ordinal: 37;
        readonly nullable: false;
    }, {
        readonly name: "AwsResourceName";
        readonly type: "string";
        readonly ordinal: 38;
        readonly nullable: false;
    }, {
        readonly name: "GcpFullResourceName";
        readonly type: "string";
        readonly ordinal: 39;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceInfo row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceInfo(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceInfo row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceInfo(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceInfo row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceInfo: RowValidator<DeviceInfo>;
/** Whether a value is a valid DeviceInfo row (stops at the first invalid column). */
export declare function isDeviceInfo(value: unknown): value is DeviceInfo;
