import { type TableQuery } from "../runtime/query.js";
import type { DeviceFileEvents } from "../tables/DeviceFileEvents.js";
/** The Kusto type of each column of DeviceFileEvents. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly ActionType: "string";
    readonly FileName: "string";
    readonly FolderPath: "string";
    readonly SHA1: "string";
    readonly SHA256: "string";
    readonly MD5: "string";
    readonly FileOriginUrl: "string";
    readonly FileOriginReferrerUrl: "string";
    readonly FileOriginIP: "string";
    readonly PreviousFolderPath: "string";
    readonly PreviousFileName: "string";
    readonly FileSize: "long";
    readonly InitiatingProcessAccountDomain: "string";
    readonly InitiatingProcessAccountName: "string";
    readonly InitiatingProcessAccountSid: "string";
    readonly InitiatingProcessAccountUpn: "string";
    readonly InitiatingProcessAccountObjectId: "string";
    readonly InitiatingProcessMD5: "string";
    readonly InitiatingProcessSHA1: "string";
    readonly InitiatingProcessSHA256: "string";
    readonly InitiatingProcessFolderPath: "string";
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
    readonly InitiatingProcessIntegrityLevel: "string";
    readonly InitiatingProcessTokenElevation: "string";
    readonly InitiatingProcessParentId: "long";
    readonly InitiatingProcessParentFileName: "string";
    readonly InitiatingProcessParentCreationTime: "datetime";
    readonly RequestProtocol: "string";
    readonly RequestSourceIP: "string";
    readonly RequestSourcePort: "int";
    readonly RequestAccountName: "string";
    readonly RequestAccountDomain: "string";
    readonly RequestAccountSid: "string";
    readonly ShareName: "string";
    readonly SensitivityLabel: "string";
    readonly SensitivitySubLabel: "string";
    readonly IsAzureInfoProtectionApplied: "bool";
    readonly ReportId: "long";
    readonly AppGuardContainerId: "string";
    readonly AdditionalFields: "string";
    readonly InitiatingProcessSessionId: "long";
    readonly IsInitiatingProcessRemoteSession: "bool";
    readonly InitiatingProcessRemoteSessionDeviceName: "string";
    readonly InitiatingProcessRemoteSessionIP: "string";
};
/**
 * The table DeviceFileEvents as the start of a typed KQL query: `DeviceFileEventsKql.where(...).project(...)`.
 * `DeviceFileEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceFileEventsKql: TableQuery<DeviceFileEvents, typeof columns>;
export {};
