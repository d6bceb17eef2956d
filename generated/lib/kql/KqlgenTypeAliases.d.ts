import { type TableQuery } from "../runtime/query.js";
import type { KqlgenTypeAliases } from "../tables/KqlgenTypeAliases.js";
/** The Kusto type of each column of KqlgenTypeAliases. */
declare const columns: {
    readonly AliasString: "string";
    readonly AliasBooleanLower: "bool";
    readonly AliasBoolean: "bool";
    readonly AliasBool: "bool";
    readonly AliasInt32: "int";
    readonly AliasInt: "int";
    readonly AliasInt16: "int";
    readonly AliasUint8: "int";
    readonly AliasInt64: "long";
    readonly AliasInt64Lower: "long";
    readonly AliasLong: "long";
    readonly AliasUint64: "long";
    readonly AliasDouble: "real";
    readonly AliasDoubleLower: "real";
    readonly AliasFloat: "real";
    readonly AliasReal: "real";
    readonly AliasDecimal: "decimal";
    readonly AliasDateTime: "datetime";
    readonly AliasDatetimeMixed: "datetime";
    readonly AliasDate: "datetime";
    readonly AliasTimeSpan: "timespan";
    readonly AliasTime: "timespan";
    readonly AliasGuid: "guid";
    readonly AliasUuid: "guid";
    readonly AliasUniqueid: "guid";
    readonly AliasDynamic: "dynamic";
    readonly AliasObject: "dynamic";
    readonly AliasUpperDatetime: "datetime";
    readonly AliasOddString: "string";
    readonly AliasUpperGuid: "guid";
    readonly AliasOddTimespan: "timespan";
};
/**
 * The table KqlgenTypeAliases as the start of a typed KQL query: `KqlgenTypeAliasesKql.where(...).project(...)`.
 * `KqlgenTypeAliasesKql.col["AliasString"]` is a typed column reference; the row type follows the query.
 */
export declare const KqlgenTypeAliasesKql: TableQuery<KqlgenTypeAliases, typeof columns>;
export {};
