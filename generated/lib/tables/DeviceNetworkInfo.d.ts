import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table DeviceNetworkInfo (defender-advanced-hunting), as JSON. */
export interface DeviceNetworkInfo {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    DeviceId: string;
    /** Kusto type `string`; column 2. */
    DeviceName: string;
    /** Kusto type `string`; column 3. */
    NetworkAdapterName: string;
    /** Kusto type `string`; column 4. */
    MacAddress: string;
    /** Kusto type `string`; column 5. */
    NetworkAdapterType: string;
    /** Kusto type `string`; column 6. */
    NetworkAdapterStatus: string;
    /** Kusto type `string`; column 7. */
    TunnelType: string;
    /** Kusto type `string`; column 8. */
    ConnectedNetworks: string;
    /** Kusto type `string`; column 9. */
    DnsAddresses: string;
    /** Kusto type `string`; column 10. */
    IPv4Dhcp: string;
    /** Kusto type `string`; column 11. */
    IPv6Dhcp: string;
    /** Kusto type `string`; column 12. */
    DefaultGateways: string;
    /** Kusto type `string`; column 13. */
    IPAddresses: string;
    /** Kusto type `long`, may be null; column 14. */
    ReportId: number | null;
    /** Kusto type `string`; column 15. */
    NetworkAdapterVendor: string;
}
/** The table DeviceNetworkInfo: its columns in ordinal order, with their Kusto types. */
export declare const DeviceNetworkInfoTable: {
    readonly name: "DeviceNetworkInfo";
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
        readonly name: "NetworkAdapterName";
        readonly type: "string";
        readonly ordinal: 3;
        readonly nullable: false;
    }, {
        readonly name: "MacAddress";
        readonly type: "string";
        readonly ordinal: 4;
        readonly nullable: false;
    }, {
        readonly name: "NetworkAdapterType";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "NetworkAdapterStatus";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "TunnelType";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "ConnectedNetworks";
        readonly type: "string";
        readonly ordinal: 8;
        readonly nullable: false;
    }, {
        readonly name: "DnsAddresses";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "IPv4Dhcp";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "IPv6Dhcp";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "DefaultGateways";
        readonly type: "string";
        readonly ordinal: 12;
        readonly nullable: false;
    }, {
        readonly name: "IPAddresses";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "ReportId";
        readonly type: "long";
        readonly ordinal: 14;
        readonly nullable: true;
    }, {
        readonly name: "NetworkAdapterVendor";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a DeviceNetworkInfo row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidDeviceNetworkInfo(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a DeviceNetworkInfo row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkDeviceNetworkInfo(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a DeviceNetworkInfo row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateDeviceNetworkInfo: RowValidator<DeviceNetworkInfo>;
/** Whether a value is a valid DeviceNetworkInfo row (stops at the first invalid column). */
export declare function isDeviceNetworkInfo(value: unknown): value is DeviceNetworkInfo;
