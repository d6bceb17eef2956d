import { type TableQuery } from "../runtime/query.js";
import type { AlertEvidence } from "../tables/AlertEvidence.js";
/** The Kusto type of each column of AlertEvidence. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly AlertId: "string";
    readonly Title: "string";
    readonly Categories: "string";
    readonly AttackTechniques: "string";
    readonly ServiceSource: "string";
    readonly DetectionSource: "string";
    readonly EntityType: "string";
    readonly EvidenceRole: "string";
    readonly EvidenceDirection: "string";
    readonly FileName: "string";
    readonly FolderPath: "string";
    readonly SHA1: "string";
    readonly SHA256: "string";
    readonly FileSize: "long";
    readonly ThreatFamily: "string";
    readonly RemoteIP: "string";
    readonly RemoteUrl: "string";
    readonly AccountName: "string";
    readonly AccountDomain: "string";
    readonly AccountSid: "string";
    readonly AccountObjectId: "string";
    readonly AccountUpn: "string";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly LocalIP: "string";
    readonly NetworkMessageId: "string";
    readonly EmailSubject: "string";
    readonly Application: "string";
    readonly ApplicationId: "int";
    readonly OAuthApplicationId: "string";
    readonly ProcessCommandLine: "string";
    readonly RegistryKey: "string";
    readonly RegistryValueName: "string";
    readonly RegistryValueData: "string";
    readonly AdditionalFields: "string";
    readonly Severity: "string";
    readonly CloudResource: "string";
    readonly CloudPlatform: "string";
    readonly ResourceType: "string";
    readonly ResourceID: "string";
    readonly SubscriptionId: "string";
};
/**
 * The table AlertEvidence as the start of a typed KQL query: `AlertEvidenceKql.where(...).project(...)`.
 * `AlertEvidenceKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const AlertEvidenceKql: TableQuery<AlertEvidence, typeof columns>;
export {};
