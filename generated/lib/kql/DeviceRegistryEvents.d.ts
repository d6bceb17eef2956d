import { type TableQuery } from "../runtime/query.js";
import type { DeviceRegistryEvents } from "../tables/DeviceRegistryEvents.js";
/** The Kusto type of each column of DeviceRegistryEvents. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly ActionType: "string";
    readonly RegistryKey: "string";
    readonly RegistryValueType: "string";
    readonly RegistryValueName: "string";
    readonly RegistryValueData: "string";
    readonly PreviousRegistryKey: "string";
    readonly PreviousRegistryValueName: "string";
    readonly PreviousRegistryValueData: "string";
    readonly InitiatingProcessAccountDomain: "string";
    readonly InitiatingProcessAccountName: "string";
    readonly InitiatingProcessAccountSid: "string";
    readonly InitiatingProcessAccountUpn: "string";
    readonly InitiatingProcessAccountObjectId: "string";
    readonly InitiatingProcessSHA1: "string";
    readonly InitiatingProcessSHA256: "string";
    readonly InitiatingProcessMD5: "string";
    readonly InitiatingProcessFileName: "string";
    readonly InitiatingProcessFileSize: "long";
    readonly InitiatingProcessVersionInfoCompanyName: "string";
    readonly InitiatingProcessVersionInfoProductName: "string";
    readonly InitiatingProcessVersionInfoProductVersion: "string";
    readonly InitiatingProcessVersionInfoInternalFileName: "string";
    readonly InitiatingProcessVersionInfoOriginalFileName: "string";
    readonly InitiatingProcessVersionInfoFileDescription: "string";
    readonly InitiatingProcessId: "long";
    readonly InitiatingProcessCommandLine: "string";
    readonly InitiatingProcessCreationTime: "datetime";
    readonly InitiatingProcessFolderPath: "string";
    readonly InitiatingProcessParentId: "long";
    readonly InitiatingProcessParentFileName: "string";
    readonly InitiatingProcessParentCreationTime: "datetime";
    readonly InitiatingProcessIntegrityLevel: "string";
    readonly InitiatingProcessTokenElevation: "string";
    readonly ReportId: "long";
    readonly AppGuardContainerId: "string";
    readonly InitiatingProcessSessionId: "long";
    readonly IsInitiatingProcessRemoteSession: "bool";
    readonly InitiatingProcessRemoteSessionDeviceName: "string";
    readonly InitiatingProcessRemoteSessionIP: "string";
};
/**
 * The table DeviceRegistryEvents as the start of a typed KQL query: `DeviceRegistryEventsKql.where(...).project(...)`.
 * `DeviceRegistryEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceRegistryEventsKql: TableQuery<DeviceRegistryEvents, typeof columns>;
export {};
