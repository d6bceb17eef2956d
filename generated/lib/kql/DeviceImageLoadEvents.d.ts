import { type TableQuery } from "../runtime/query.js";
import type { DeviceImageLoadEvents } from "../tables/DeviceImageLoadEvents.js";
/** The Kusto type of each column of DeviceImageLoadEvents. */
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
    readonly FileSize: "long";
    readonly InitiatingProcessAccountDomain: "string";
    readonly InitiatingProcessAccountName: "string";
    readonly InitiatingProcessAccountSid: "string";
    readonly InitiatingProcessAccountUpn: "string";
    readonly InitiatingProcessAccountObjectId: "string";
    readonly InitiatingProcessIntegrityLevel: "string";
    readonly InitiatingProcessTokenElevation: "string";
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
    readonly ReportId: "long";
    readonly AppGuardContainerId: "string";
    readonly InitiatingProcessSessionId: "long";
    readonly IsInitiatingProcessRemoteSession: "bool";
    readonly InitiatingProcessRemoteSessionDeviceName: "string";
    readonly InitiatingProcessRemoteSessionIP: "string";
};
/**
 * The table DeviceImageLoadEvents as the start of a typed KQL query: `DeviceImageLoadEventsKql.where(...).project(...)`.
 * `DeviceImageLoadEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceImageLoadEventsKql: TableQuery<DeviceImageLoadEvents, typeof columns>;
export {};
