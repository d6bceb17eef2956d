import { type TableQuery } from "../runtime/query.js";
import type { KqlgenAllTypes } from "../tables/KqlgenAllTypes.js";
/** The Kusto type of each column of KqlgenAllTypes. */
declare const columns: {
    readonly StringCol: "string";
    readonly BoolCol: "bool";
    readonly IntCol: "int";
    readonly LongCol: "long";
    readonly RealCol: "real";
    readonly DecimalCol: "decimal";
    readonly DatetimeCol: "datetime";
    readonly TimespanCol: "timespan";
    readonly GuidCol: "guid";
    readonly DynamicCol: "dynamic";
};
/**
 * The table KqlgenAllTypes as the start of a typed KQL query: `KqlgenAllTypesKql.where(...).project(...)`.
 * `KqlgenAllTypesKql.col["StringCol"]` is a typed column reference; the row type follows the query.
 */
export declare const KqlgenAllTypesKql: TableQuery<KqlgenAllTypes, typeof columns>;
export {};
