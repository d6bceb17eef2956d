import { type TableQuery } from "../runtime/query.js";
import type { DeviceNetworkInfo } from "../tables/DeviceNetworkInfo.js";
/** The Kusto type of each column of DeviceNetworkInfo. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly NetworkAdapterName: "string";
    readonly MacAddress: "string";
    readonly NetworkAdapterType: "string";
    readonly NetworkAdapterStatus: "string";
    readonly TunnelType: "string";
    readonly ConnectedNetworks: "string";
    readonly DnsAddresses: "string";
    readonly IPv4Dhcp: "string";
    readonly IPv6Dhcp: "string";
    readonly DefaultGateways: "string";
    readonly IPAddresses: "string";
    readonly ReportId: "long";
    readonly NetworkAdapterVendor: "string";
};
/**
 * The table DeviceNetworkInfo as the start of a typed KQL query: `DeviceNetworkInfoKql.where(...).project(...)`.
 * `DeviceNetworkInfoKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceNetworkInfoKql: TableQuery<DeviceNetworkInfo, typeof columns>;
export {};
