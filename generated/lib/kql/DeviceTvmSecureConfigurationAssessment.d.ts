import { type TableQuery } from "../runtime/query.js";
import type { DeviceTvmSecureConfigurationAssessment } from "../tables/DeviceTvmSecureConfigurationAssessment.js";
/** The Kusto type of each column of DeviceTvmSecureConfigurationAssessment. */
declare const columns: {
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly OSPlatform: "string";
    readonly Timestamp: "datetime";
    readonly ConfigurationId: "string";
    readonly ConfigurationCategory: "string";
    readonly ConfigurationSubcategory: "string";
    readonly ConfigurationImpact: "real";
    readonly IsCompliant: "bool";
    readonly IsApplicable: "bool";
    readonly Context: "dynamic";
    readonly IsExpectedUserImpact: "bool";
};
/**
 * The table DeviceTvmSecureConfigurationAssessment as the start of a typed KQL query: `DeviceTvmSecureConfigurationAssessmentKql.where(...).project(...)`.
 * `DeviceTvmSecureConfigurationAssessmentKql.col["DeviceId"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceTvmSecureConfigurationAssessmentKql: TableQuery<DeviceTvmSecureConfigurationAssessment, typeof columns>;
export {};
