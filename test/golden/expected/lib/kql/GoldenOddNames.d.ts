import { type TableQuery } from "../runtime/query.js";
import type { GoldenOddNames } from "../tables/GoldenOddNames.js";
/** The Kusto type of each column of GoldenOddNames. */
declare const columns: {
    readonly LogonId: "long";
    readonly LogonID: "string";
    readonly "Device Name": "string";
    readonly where: "string";
    readonly class: "int";
    readonly Größe: "real";
    readonly 名前: "datetime";
    readonly "a/b~c": "guid";
    readonly 'quote"s': "bool";
    readonly "1st": "timespan";
};
/**
 * The table GoldenOddNames as the start of a typed KQL query: `GoldenOddNamesKql.where(...).project(...)`.
 * `GoldenOddNamesKql.col["LogonId"]` is a typed column reference; the row type follows the query.
 */
export declare const GoldenOddNamesKql: TableQuery<GoldenOddNames, typeof columns>;
export {};
