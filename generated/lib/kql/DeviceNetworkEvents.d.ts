import { type TableQuery } from "../runtime/query.js";
import type { DeviceNetworkEvents } from "../tables/DeviceNetworkEvents.js";
/** The Kusto type of each column of DeviceNetworkEvents. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly ActionType: "string";
    readonly RemoteIP: "string";
    readonly RemotePort: "int";
    readonly RemoteUrl: "string";
    readonly LocalIP: "string";
    readonly LocalPort: "int";
    readonly Protocol: "string";
    readonly LocalIPType: "string";
    readonly RemoteIPType: "string";
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
    readonly InitiatingProcessParentFileName: "string";
    readonly InitiatingProcessParentId: "long";
    readonly InitiatingProcessParentCreationTime: "datetime";
    readonly InitiatingProcessAccountDomain: "string";
    readonly InitiatingProcessAccountName: "string";
    readonly InitiatingProcessAccountSid: "string";
    readonly InitiatingProcessAccountUpn: "string";
    readonly InitiatingProcessAccountObjectId: "string";
    readonly InitiatingProcessIntegrityLevel: "string";
    readonly InitiatingProcessTokenElevation: "string";
    readonly ReportId: "long";
    readonly AppGuardContainerId: "string";
    readonly AdditionalFields: "string";
    readonly InitiatingProcessSessionId: "long";
    readonly IsInitiatingProcessRemoteSession: "bool";
    readonly InitiatingProcessRemoteSessionDeviceName: "string";
    readonly InitiatingProcessRemoteSessionIP: "string";
};
/**
 * The table DeviceNetworkEvents as the start of a typed KQL query: `DeviceNetworkEventsKql.where(...).project(...)`.
 * `DeviceNetworkEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceNetworkEventsKql: TableQuery<DeviceNetworkEvents, typeof columns>;
export {};
