import { type TableQuery } from "../runtime/query.js";
import type { GoldenAlert } from "../tables/GoldenAlert.js";
/** The Kusto type of each column of GoldenAlert. */
declare const columns: {
    readonly AlertId: "string";
    readonly Severity: "string";
    readonly FirstSeen: "datetime";
};
/**
 * The table GoldenAlert as the start of a typed KQL query: `GoldenAlertKql.where(...).project(...)`.
 * `GoldenAlertKql.col["AlertId"]` is a typed column reference; the row type follows the query.
 */
export declare const GoldenAlertKql: TableQuery<GoldenAlert, typeof columns>;
export {};
