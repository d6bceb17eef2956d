import { type TableQuery } from "../runtime/query.js";
import type { DeviceLogonEvents } from "../tables/DeviceLogonEvents.js";
/** The Kusto type of each column of DeviceLogonEvents. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly ActionType: "string";
    readonly LogonType: "string";
    readonly AccountDomain: "string";
    readonly AccountName: "string";
    readonly AccountSid: "string";
    readonly Protocol: "string";
    readonly FailureReason: "string";
    readonly IsLocalAdmin: "bool";
    readonly LogonId: "long";
    readonly RemoteDeviceName: "string";
    readonly RemoteIP: "string";
    readonly RemoteIPType: "string";
    readonly RemotePort: "int";
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
    readonly AdditionalFields: "string";
    readonly InitiatingProcessSessionId: "long";
    readonly IsInitiatingProcessRemoteSession: "bool";
    readonly InitiatingProcessRemoteSessionDeviceName: "string";
    readonly InitiatingProcessRemoteSessionIP: "string";
};
/**
 * The table DeviceLogonEvents as the start of a typed KQL query: `DeviceLogonEventsKql.where(...).project(...)`.
 * `DeviceLogonEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceLogonEventsKql: TableQuery<DeviceLogonEvents, typeof columns>;
export {};
