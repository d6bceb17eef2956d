import { type TableQuery } from "../runtime/query.js";
import type { DeviceInfo } from "../tables/DeviceInfo.js";
/** The Kusto type of each column of DeviceInfo. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly ClientVersion: "string";
    readonly PublicIP: "string";
    readonly OSArchitecture: "string";
    readonly OSPlatform: "string";
    readonly OSBuild: "long";
    readonly IsAzureADJoined: "bool";
    readonly JoinType: "string";
    readonly AadDeviceId: "string";
    readonly LoggedOnUsers: "string";
    readonly RegistryDeviceTag: "string";
    readonly OSVersion: "string";
    readonly MachineGroup: "string";
    readonly ReportId: "long";
    readonly OnboardingStatus: "string";
    readonly AdditionalFields: "string";
    readonly DeviceCategory: "string";
    readonly DeviceType: "string";
    readonly DeviceSubtype: "string";
    readonly Model: "string";
    readonly Vendor: "string";
    readonly OSDistribution: "string";
    readonly OSVersionInfo: "string";
    readonly MergedDeviceIds: "string";
    readonly MergedToDeviceId: "string";
    readonly IsInternetFacing: "bool";
    readonly SensorHealthState: "string";
    readonly IsExcluded: "bool";
    readonly ExclusionReason: "string";
    readonly ExposureLevel: "string";
    readonly AssetValue: "string";
    readonly DeviceManualTags: "string";
    readonly DeviceDynamicTags: "string";
    readonly ConnectivityType: "string";
    readonly HostDeviceId: "string";
    readonly AzureResourceId: "string";
    readonly AwsResourceName: "string";
    readonly GcpFullResourceName: "string";
};
/**
 * The table DeviceInfo as the start of a typed KQL query: `DeviceInfoKql.where(...).project(...)`.
 * `DeviceInfoKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceInfoKql: TableQuery<DeviceInfo, typeof columns>;
export {};
