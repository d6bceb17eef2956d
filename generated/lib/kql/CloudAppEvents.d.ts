import { type TableQuery } from "../runtime/query.js";
import type { CloudAppEvents } from "../tables/CloudAppEvents.js";
/** The Kusto type of each column of CloudAppEvents. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly ActionType: "string";
    readonly Application: "string";
    readonly ApplicationId: "int";
    readonly AppInstanceId: "int";
    readonly AccountObjectId: "string";
    readonly AccountId: "string";
    readonly AccountDisplayName: "string";
    readonly IsAdminOperation: "bool";
    readonly DeviceType: "string";
    readonly OSPlatform: "string";
    readonly IPAddress: "string";
    readonly IsAnonymousProxy: "bool";
    readonly CountryCode: "string";
    readonly City: "string";
    readonly Isp: "string";
    readonly UserAgent: "string";
    readonly ActivityType: "string";
    readonly ActivityObjects: "dynamic";
    readonly ObjectName: "string";
    readonly ObjectType: "string";
    readonly ObjectId: "string";
    readonly ReportId: "string";
    readonly AccountType: "string";
    readonly IsExternalUser: "bool";
    readonly IsImpersonated: "bool";
    readonly IPTags: "dynamic";
    readonly IPCategory: "string";
    readonly UserAgentTags: "dynamic";
    readonly RawEventData: "dynamic";
    readonly AdditionalFields: "dynamic";
    readonly LastSeenForUser: "dynamic";
    readonly UncommonForUser: "dynamic";
    readonly AuditSource: "string";
    readonly SessionData: "dynamic";
    readonly OAuthAppId: "string";
};
/**
 * The table CloudAppEvents as the start of a typed KQL query: `CloudAppEventsKql.where(...).project(...)`.
 * `CloudAppEventsKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const CloudAppEventsKql: TableQuery<CloudAppEvents, typeof columns>;
export {};
