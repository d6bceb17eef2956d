// Runtime of a kqlgen-generated package: `runQuery` over a LogsQueryClient of
// @azure/monitor-query-logs. The SDK is typed structurally here: it is an optional peer, never imported.

import { KqlResultError, KqlText, describe, plainDigits } from "./literals.js";
import { Query, type Fields, type LongMode, type Row } from "./query.js";

// ---------------------------------------------------------------------------------------------
// Running queries: a LogsQueryClient of @azure/monitor-query-logs, typed by its shape

/** The time range of a query (the SDK's QueryTimeInterval): a duration such as "P1D", and/or start and end. */
export type QueryTimeInterval =
  | { startTime: Date; endTime: Date }
  | { startTime: Date; duration: string }
  | { duration: string; endTime: Date }
  | { duration: string };

/** A table of a query result, as the SDK returns it (LogsTable). */
export interface LogsTableLike {
  name: string;
  columnDescriptors: { name: string; type: string }[];
  rows: unknown[][];
}

/** A query result, as the SDK returns it (LogsQueryResult: Success or PartialFailure). */
export interface LogsQueryResultLike {
  status: string;
  tables?: LogsTableLike[];
  partialTables?: LogsTableLike[];
  partialError?: { code: string; message: string };
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
  queryWorkspace(
    workspaceId: string,
    query: string,
    timespan: QueryTimeInterval,
    options?: LogsQueryOptionsLike,
  ): Promise<LogsQueryResultLike>;
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
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Set when the result is partial (only with allowPartial). */
  readonly partialError?: { readonly code: string; readonly message: string };
  /** long values past ±2^53 in the result: already rounded by JSON parsing in the SDK. */
  readonly roundedLongs: number;
  readonly statistics?: Record<string, any>;
  readonly visualization?: Record<string, any>;
}

function convertValue(
  type: string | undefined,
  long: LongMode | undefined,
  value: unknown,
  where: () => string,
): unknown {
  if (value === null || value === undefined) return value ?? null;
  switch (type) {
    case "datetime":
      if (value instanceof Date) {
        if (isNaN(value.getTime()))
          throw new KqlResultError(`${where()}: the SDK returned an invalid Date`, "InvalidValue");
        return value.toISOString();
      }
      return value;
    case "long":
      if (typeof value === "number" && long === "string")
        return Number.isInteger(value) ? BigInt(value).toString() : String(value);
      if (typeof value === "number" && long === "bigint") return Number.isInteger(value) ? BigInt(value) : value;
      if (typeof value === "string" && long === "bigint" && /^-?\d+$/.test(value)) return BigInt(value);
      if (typeof value === "string" && long !== "bigint" && long !== "string" && /^-?\d+$/.test(value))
        return Number(value);
      return value;
    case "bool":
      return value === 1 ? true : value === 0 ? false : value;
    case "decimal":
      return typeof value === "number" ? plainDigits(value) : value;
    default:
      return value;
  }
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
export function runQuery<F extends Fields>(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: Query<F>,
  options: RunQueryOptions,
): Promise<QueryResult<Row<F>>>;
export function runQuery<R = Record<string, unknown>>(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: KqlText,
  options: RunQueryOptions,
): Promise<QueryResult<R>>;
export async function runQuery(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: KqlText,
  options: RunQueryOptions,
): Promise<QueryResult<Record<string, unknown>>> {
  if (!(query instanceof KqlText)) {
    throw new TypeError(
      `runQuery takes a builder query or kql\`...\` text, got ${describe(query)} (for trusted text, use trustedKql(text))`,
    );
  }
  if (!options || typeof options !== "object" || !options.timespan) {
    throw new TypeError('runQuery needs options.timespan, e.g. { timespan: { duration: "P1D" } }');
  }
  const { timespan, allowPartial = false, strictColumns = true, ...sdkOptions } = options;
  const result = await client.queryWorkspace(workspaceId, query.kql, timespan, sdkOptions);
  let tables = result.tables;
  let partialError: QueryResult<unknown>["partialError"];
  if (result.status === "PartialFailure") {
    const error = result.partialError ?? { code: "PartialError", message: "the service returned partial results" };
    if (!allowPartial) {
      throw new KqlResultError(
        `the query returned partial results (${error.code}: ${error.message}); pass allowPartial: true to accept them`,
        error.code || "PartialError",
      );
    }
    partialError = { code: error.code, message: error.message };
    tables = result.partialTables;
  } else if (result.status !== "Success") {
    throw new KqlResultError(`the query failed (status ${JSON.stringify(result.status)})`, String(result.status));
  }
  const table = tables?.[0];
  const descriptors = table?.columnDescriptors ?? [];
  const expected = query instanceof Query ? query.columns : [];
  if (strictColumns && table && expected.length) {
    const problems: string[] = [];
    for (const c of expected) {
      const got = descriptors.find((d) => d.name === c.name);
      if (!got) problems.push(`column ${JSON.stringify(c.name)} is missing`);
      else if (got.type && got.type !== c.type)
        problems.push(`column ${JSON.stringify(c.name)} is ${got.type}, expected ${c.type}`);
    }
    if (problems.length) {
      throw new KqlResultError(
        `the result's columns do not match the query's: ${problems.join("; ")}. ` +
          "The table's schema has drifted from the one this package was generated from: regenerate it, or pass strictColumns: false",
        "ColumnMismatch",
      );
    }
  }
  const longs = new Map(expected.filter((c) => c.long).map((c) => [c.name, c.long]));
  let roundedLongs = 0;
  const rows = (table?.rows ?? []).map((raw, r) => {
    const row: Record<string, unknown> = {};
    descriptors.forEach((d, i) => {
      const value = raw[i];
      if (d.type === "long" && typeof value === "number" && !Number.isSafeInteger(value)) roundedLongs++;
      const converted = convertValue(
        d.type,
        longs.get(d.name),
        value,
        () => `row ${r}, column ${JSON.stringify(d.name)}`,
      );
      if (d.name === "__proto__")
        Object.defineProperty(row, d.name, { value: converted, enumerable: true, writable: true, configurable: true });
      else row[d.name] = converted;
    });
    return row;
  });
  return {
    rows,
    columns: descriptors.map((d) => ({ name: d.name, type: d.type })),
    ...(partialError ? { partialError } : {}),
    roundedLongs,
    ...(result.statistics ? { statistics: result.statistics } : {}),
    ...(result.visualization ? { visualization: result.visualization } : {}),
  };
}
