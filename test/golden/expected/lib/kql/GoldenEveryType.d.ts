import { type TableQuery } from "../runtime/query.js";
import type { GoldenEveryType } from "../tables/GoldenEveryType.js";
/** The Kusto type of each column of GoldenEveryType. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly Name: "string";
    readonly Enabled: "bool";
    readonly Count: "int";
    readonly Bytes: "long";
    readonly Score: "real";
    readonly Price: "decimal";
    readonly Elapsed: "timespan";
    readonly Id: "guid";
    readonly Extra: "dynamic";
    readonly Tags: "dynamic";
};
/**
 * The table GoldenEveryType as the start of a typed KQL query: `GoldenEveryTypeKql.where(...).project(...)`.
 * `GoldenEveryTypeKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const GoldenEveryTypeKql: TableQuery<GoldenEveryType, typeof columns>;
export {};
