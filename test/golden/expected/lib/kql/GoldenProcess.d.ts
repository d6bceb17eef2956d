import { type TableQuery } from "../runtime/query.js";
import type { GoldenProcess } from "../tables/GoldenProcess.js";
/** The Kusto type of each column of GoldenProcess. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly ProcessCommandLine: "string";
    readonly ProcessId: "long";
    readonly MachineGroup: "string";
};
/**
 * The table GoldenProcess as the start of a typed KQL query: `GoldenProcessKql.where(...).project(...)`.
 * `GoldenProcessKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const GoldenProcessKql: TableQuery<GoldenProcess, typeof columns>;
export {};
