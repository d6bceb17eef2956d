import { type TableQuery } from "../runtime/query.js";
import type { KqlgenDataTypeOnly } from "../tables/KqlgenDataTypeOnly.js";
/** The Kusto type of each column of KqlgenDataTypeOnly. */
declare const columns: {
    readonly StringCol: "string";
    readonly SByteCol: "bool";
    readonly BooleanCol: "bool";
    readonly Int32Col: "int";
    readonly Int64Col: "long";
    readonly DoubleCol: "real";
    readonly SqlDecimalCol: "decimal";
    readonly DateTimeCol: "datetime";
    readonly TimeSpanCol: "timespan";
    readonly GuidCol: "guid";
    readonly ObjectCol: "dynamic";
};
/**
 * The table KqlgenDataTypeOnly as the start of a typed KQL query: `KqlgenDataTypeOnlyKql.where(...).project(...)`.
 * `KqlgenDataTypeOnlyKql.col["StringCol"]` is a typed column reference; the row type follows the query.
 */
export declare const KqlgenDataTypeOnlyKql: TableQuery<KqlgenDataTypeOnly, typeof columns>;
export {};
