import { type TableQuery } from "../runtime/query.js";
import type { KqlgenAwkwardNames } from "../tables/KqlgenAwkwardNames.js";
/** The Kusto type of each column of KqlgenAwkwardNames. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly "Device Name": "string";
    readonly "dash-name": "string";
    readonly "1stColumn": "int";
    readonly where: "string";
    readonly project: "long";
    readonly class: "bool";
    readonly default: "dynamic";
    readonly Größe: "real";
    readonly 名前: "string";
    readonly LogonId: "long";
    readonly LogonID: "string";
    readonly "dotted.name": "guid";
    readonly "quote'and\"double": "string";
    readonly "back\\slash": "timespan";
    readonly "slash/and~tilde": "decimal";
};
/**
 * The table KqlgenAwkwardNames as the start of a typed KQL query: `KqlgenAwkwardNamesKql.where(...).project(...)`.
 * `KqlgenAwkwardNamesKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const KqlgenAwkwardNamesKql: TableQuery<KqlgenAwkwardNames, typeof columns>;
export {};
