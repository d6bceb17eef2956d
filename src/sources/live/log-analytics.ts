/**
 * Log Analytics through `@azure/monitor-query-logs`: one `<Table> | getschema`
 * query per table, and the workspace metadata API to list every table. The
 * answers are read by the same reader as saved Log Analytics responses
 * (src/sources/log-analytics.ts).
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { LogsQueryClient } from "@azure/monitor-query-logs";
import { quoteIdentifier } from "../../model/kusto-names.js";
import type { RawTable } from "../../model/schema.js";
import { show } from "../../model/show.js";
import { readLogAnalytics } from "../log-analytics.js";
import { LiveError, readLiveAnswer, type ServiceContext } from "./errors.js";
import { BoundedHttpClient, JsonServiceClient, unreadableAnswerPolicy, USER_AGENT_PREFIX } from "./http.js";
import { withRetries, type RetryOptions } from "./retry.js";

export interface LiveSourceOptions {
  readonly credential: TokenCredential;
  /** Service address, used verbatim (`/v1` included for Log Analytics). */
  readonly endpoint: string;
  readonly scope: string;
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly tenant?: string;
  readonly agent?: Agent;
  /** The largest answer read (default MAX_ANSWER_BYTES). */
  readonly maxAnswerBytes?: number;
}

/** getschema does not depend on the data: the shortest time range keeps the query cheap. */
const TIMESPAN = { duration: "P1D" };

export class LogAnalyticsSource {
  private readonly client: LogsQueryClient;
  private readonly metadataClient: JsonServiceClient;
  readonly label: string;

  constructor(
    private readonly workspace: string,
    private readonly options: LiveSourceOptions,
  ) {
    this.label = `Log Analytics workspace ${workspace}`;
    this.client = new LogsQueryClient(options.credential, {
      endpoint: options.endpoint,
      // The client ignores `audience`: the scope decides the cloud.
      credentials: { scopes: [options.scope] },
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: unreadableAnswerPolicy, position: "perCall" }],
      userAgentOptions: { userAgentPrefix: USER_AGENT_PREFIX },
      httpClient: new BoundedHttpClient(options.maxAnswerBytes),
      ...(options.agent ? { agent: options.agent } : {}),
    });
    this.metadataClient = new JsonServiceClient({
      credential: options.credential,
      scopes: [options.scope],
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.maxAnswerBytes ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
    });
  }

  private context(what: string, table?: string): ServiceContext {
    return {
      service: "Log Analytics",
      target: `workspace ${this.workspace}`,
      what,
      ...(table !== undefined ? { table } : {}),
      scope: this.options.scope,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.tenant ? { tenant: this.options.tenant } : {}),
    };
  }

  /** Every table the workspace's metadata lists, sorted. */
  async listTables(): Promise<string[]> {
    const ctx = this.context("the workspace metadata");
    const url = `${this.options.endpoint}/workspaces/${encodeURIComponent(this.workspace)}/metadata`;
    const json = await withRetries(() => this.metadataClient.send({ method: "GET", url, timeoutMs: this.options.timeoutMs }), ctx, this.options.retry);
    if (!Array.isArray(json.tables)) {
      throw new LiveError("bad-response", `Log Analytics sent workspace metadata without a "tables" list for workspace ${this.workspace}: expected {"tables":[{"name":...}]}`);
    }
    const names = new Set<string>();
    for (const t of json.tables) {
      const name = typeof t === "object" && t !== null ? (t as Record<string, unknown>).name : undefined;
      if (typeof name === "string" && name !== "") names.add(name);
    }
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** One table's schema, as `<Table> | getschema` returns it. */
  async getschema(table: string): Promise<RawTable> {
    const ctx = this.context(`the getschema query for table ${table}`, table);
    const query = `${quoteIdentifier(table)} | getschema`;
    const result = await withRetries(
      () => this.client.queryWorkspace(this.workspace, query, TIMESPAN, { requestOptions: { timeout: this.options.timeoutMs } }),
      ctx,
      this.options.retry,
    );
    if (result.status === "PartialFailure") {
      const error = result.partialError;
      const why = [error?.code, error?.message].filter(Boolean).join(": ");
      throw new LiveError(
        "partial",
        `Log Analytics returned only part of the result for ${ctx.what}${why ? ` (${why})` : ""}: kqlgen does not save half a schema; try again`,
        table,
      );
    }
    if (result.status !== "Success") {
      throw new LiveError("bad-response", `Log Analytics answered ${ctx.what} with status ${show((result as { status?: unknown }).status)}: expected "Success"`, table);
    }
    // The SDK's result, back in the wire shape the saved-response reader knows.
    const json = { tables: result.tables.map((t) => ({ name: t.name, columns: t.columnDescriptors, rows: t.rows })) };
    const raw = readLiveAnswer(() => readLogAnalytics(json, { file: this.label, text: "", nameFromFile: table }), ctx);
    return { ...raw, platform: "log-analytics" };
  }
}
