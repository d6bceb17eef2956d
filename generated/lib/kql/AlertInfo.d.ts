import { type TableQuery } from "../runtime/query.js";
import type { AlertInfo } from "../tables/AlertInfo.js";
/** The Kusto type of each column of AlertInfo. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly AlertId: "string";
    readonly Title: "string";
    readonly Category: "string";
    readonly Severity: "string";
    readonly ServiceSource: "string";
    readonly DetectionSource: "string";
    readonly AttackTechniques: "string";
};
/**
 * The table AlertInfo as the start of a typed KQL query: `AlertInfoKql.where(...).project(...)`.
 * `AlertInfoKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const AlertInfoKql: TableQuery<AlertInfo, typeof columns>;
export {};
