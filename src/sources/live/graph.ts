/**
 * Defender advanced hunting through Microsoft Graph `runHuntingQuery`
 * (`POST {graph}/security/runHuntingQuery`): how a tenant without a Log
 * Analytics workspace reaches the hunting tables. Answers are read by the same
 * reader as saved Graph responses (src/sources/graph.ts).
 */
import { quoteIdentifier } from "../../model/kusto-names.js";
import type { RawTable } from "../../model/schema.js";
import { looksLikeGraph, readGraph } from "../graph.js";
import { LiveError, readLiveAnswer, type ServiceContext } from "./errors.js";
import { JsonServiceClient } from "./http.js";
import type { LiveSourceOptions } from "./log-analytics.js";
import { withRetries } from "./retry.js";

export class GraphHuntingSource {
  private readonly client: JsonServiceClient;
  readonly label = "Microsoft Graph runHuntingQuery";

  constructor(private readonly options: LiveSourceOptions) {
    this.client = new JsonServiceClient({
      credential: options.credential,
      scopes: [options.scope],
      ...(options.agent ? { agent: options.agent } : {}),
      ...(options.maxAnswerBytes ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
    });
  }

  async getschema(table: string): Promise<RawTable> {
    const ctx: ServiceContext = {
      service: "Microsoft Graph",
      target: "advanced hunting (runHuntingQuery)",
      what: `the getschema query for table ${table}`,
      table,
      scope: this.options.scope,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.tenant ? { tenant: this.options.tenant } : {}),
    };
    const body = { Query: `${quoteIdentifier(table)} | getschema`, Timespan: "P1D" };
    const url = `${this.options.endpoint}/security/runHuntingQuery`;
    const json = await withRetries(() => this.client.send({ method: "POST", url, body, timeoutMs: this.options.timeoutMs }), ctx, this.options.retry);
    if (!looksLikeGraph(json)) {
      throw new LiveError("bad-response", `Microsoft Graph answered ${ctx.what} without "schema" and "results": expected a runHuntingQuery result`, table);
    }
    return readLiveAnswer(() => readGraph(json, { file: this.label, text: "", nameFromFile: table }), ctx);
  }
}
