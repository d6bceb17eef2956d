import { KqlText } from "./literals.js";
import { Query, type Fields, type Row } from "./query.js";
/** The time range of a query (the SDK's QueryTimeInterval): a duration such as "P1D", and/or start and end. */
export type QueryTimeInterval = {
    startTime: Date;
    endTime: Date;
} | {
    startTime: Date;
    duration: string;
} | {
    duration: string;
    endTime: Date;
} | {
    duration: string;
};
/** A table of a query result, as the SDK returns it (LogsTable). */
export interface LogsTableLike {
    name: string;
    columnDescriptors: {
        name: string;
        type: string;
    }[];
    rows: unknown[][];
}
/** A query result, as the SDK returns it (LogsQueryResult: Success or PartialFailure). */
export interface LogsQueryResultLike {
    status: string;
    tables?: LogsTableLike[];
    partialTables?: LogsTableLike[];
    partialError?: {
        code: string;
        message: string;
    };
    statistics?: Record<string, any>;
    visualization?: Record<string, any>;
}
/** The options `queryWorkspace` takes (LogsQueryOptions). */
export interface LogsQueryOptionsLike {
    additionalWorkspaces?: string[];
    serverTimeoutInSeconds?: number;
    includeQueryStatistics?: boolean;
    includeVisualization?: boolean;
    requestOptions?: object;
    abortSignal?: object;
    tracingOptions?: object;
    onResponse?: (...args: any[]) => void;
}
/** What runQuery needs of a LogsQueryClient (from @azure/monitor-query-logs). */
export interface LogsQueryClientLike {
    queryWorkspace(workspaceId: string, query: string, timespan: QueryTimeInterval, options?: LogsQueryOptionsLike): Promise<LogsQueryResultLike>;
}
export interface RunQueryOptions extends LogsQueryOptionsLike {
    /** The time range the service applies on top of the query's own filters (required by the service). */
    timespan: QueryTimeInterval;
    /** Return the rows of a partial result (with `partialError`) instead of throwing. */
    allowPartial?: boolean;
    /**
     * Check the result's columns against the builder query's: a missing column, or one of another
     * Kusto type, throws (the schema drifted). Default true; columns the query does not know are kept.
     */
    strictColumns?: boolean;
}
export interface QueryResult<R> {
    /** The rows of the primary result table, in the documented representation (see runQuery). */
    readonly rows: R[];
    /** The result's columns, as the service reported them. */
    readonly columns: readonly {
        readonly name: string;
        readonly type: string;
    }[];
    /** Set when the result is partial (only with allowPartial). */
    readonly partialError?: {
        readonly code: string;
        readonly message: string;
    };
    /** long values past ±2^53 in the result: already rounded by JSON parsing in the SDK. */
    readonly roundedLongs: number;
    readonly statistics?: Record<string, any>;
    readonly visualization?: Record<string, any>;
}
/**
 * Runs a query with a LogsQueryClient (`new LogsQueryClient(credential)` of @azure/monitor-query-logs)
 * and returns the primary table's rows, typed by the query.
 *
 * Rows follow the package's row representation: datetimes are ISO 8601 strings (the SDK turns them
 * into Dates first, so digits past the millisecond are lost: `2024-05-01T12:00:00.123Z`), dynamic
 * values are parsed JSON (null stays null), reals may be "NaN"/"Infinity"/"-Infinity", decimals,
 * timespans and guids are strings, and long columns of a table configured as `string` or `bigint`
 * are converted — but every long arrives as a JSON number, so values past ±2^53 are already
 * rounded (counted in `roundedLongs`). A partial result throws a KqlResultError unless
 * `allowPartial` is set.
 */
export declare function runQuery<F extends Fields>(client: LogsQueryClientLike, workspaceId: string, query: Query<F>, options: RunQueryOptions): Promise<QueryResult<Row<F>>>;
export declare function runQuery<R = Record<string, unknown>>(client: LogsQueryClientLike, workspaceId: string, query: KqlText, options: RunQueryOptions): Promise<QueryResult<R>>;
