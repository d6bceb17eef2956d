/**
 * `kqlgen pull`'s engine: checks the request, signs in, asks the service for
 * each table's schema with bounded concurrency, and returns one checked schema
 * set — or a PullError naming every failure. It writes nothing: writing
 * snapshots is src/output/snapshots.ts's job, after every table succeeded.
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import { InputError, InputProblem } from "../../model/errors.js";
import { quote, safeText } from "../../model/show.js";
import { buildSchemaSet, isPlainIdentifier, type Platform, type RawTable, type SchemaSet } from "../../model/schema.js";
import { CLOUD_SETTINGS, CLOUDS, type Cloud, type CloudName } from "./cloud.js";
import { createCredential } from "./credential.js";
import { LiveError, redactSecrets } from "./errors.js";
import { rememberEnvironmentSecrets, rememberSecret } from "./redact.js";
import { AzureLogger } from "@azure/logger";
import { format } from "node:util";
import { GraphHuntingSource } from "./graph.js";
import { LogAnalyticsSource, type LiveSourceOptions } from "./log-analytics.js";
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, PULL_SOURCES, type PullSource } from "./options.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry.js";

export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, PULL_SOURCES, type PullSource } from "./options.js";

export interface PullOptions {
  readonly source?: PullSource;
  /** Log Analytics workspace ID (a GUID). */
  readonly workspace?: string;
  readonly tables?: readonly string[];
  /** Every table the workspace metadata lists (Log Analytics only). */
  readonly all?: boolean;
  readonly cloud?: CloudName;
  /** Overrides the service address of the cloud. */
  readonly endpoint?: string;
  readonly tenant?: string;
  readonly timeoutMs?: number;
  readonly concurrency?: number;
  readonly retry?: Partial<RetryOptions>;
  /** Default: DefaultAzureCredential for the tenant and cloud. */
  readonly credential?: TokenCredential;
  /** HTTPS agent for every request (tests: one trusting their loopback certificate). */
  readonly agent?: Agent;
  /** The largest answer read, after decompression (default MAX_ANSWER_BYTES, 64 MB). */
  readonly maxAnswerBytes?: number;
  /** Called as each table arrives. */
  readonly onTable?: (progress: TableProgress) => void;
}

export interface TableProgress {
  readonly table: string;
  readonly columns: number;
  /** Tables done so far, this one included. */
  readonly done: number;
  readonly total: number;
}

export interface PullResult {
  readonly schema: SchemaSet;
  readonly platform: Platform;
  /** "Log Analytics workspace <id>" or "Microsoft Graph runHuntingQuery". */
  readonly from: string;
}

/** A pull that failed: every failure, each naming its table where it has one. */
export class PullError extends Error {
  constructor(
    readonly failures: readonly LiveError[],
    /** Tables whose schema was asked for. */
    readonly total: number,
  ) {
    super(failures.map((f) => f.message).join("\n"));
    this.name = "PullError";
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

interface Resolved {
  readonly source: PullSource;
  readonly cloud: Cloud;
  readonly endpoint: string;
  readonly scope: string;
  readonly tables?: string[];
}

/** Checks a pull request's options: every problem is bad usage (exit 2), reported before anything is sent. */
export function resolvePullOptions(options: PullOptions): Resolved {
  const problems: InputProblem[] = [];
  const add = (at: string, message: string) => problems.push(new InputProblem({ at }, message));
  const source = options.source ?? "log-analytics";
  if (!(PULL_SOURCES as readonly string[]).includes(source)) add("--source", `source ${quote(String(source), 80)} is not known: expected ${PULL_SOURCES.join(" or ")}`);
  const cloudName = options.cloud ?? "public";
  if (!(CLOUDS as readonly string[]).includes(cloudName)) add("--cloud", `cloud ${quote(String(cloudName), 80)} is not known: expected ${CLOUDS.join(", ")}`);
  const cloud = CLOUD_SETTINGS[cloudName] ?? CLOUD_SETTINGS.public;

  if (source === "log-analytics") {
    if (options.workspace === undefined) add("--workspace", "no workspace given: expected --workspace <id> (the Workspace ID, a GUID, from the workspace's Overview page)");
    else if (!GUID.test(options.workspace)) add("--workspace", `workspace ${quote(String(options.workspace), 80)} is not a Workspace ID: expected a GUID such as 00000000-0000-0000-0000-000000000000 (the workspace's Overview page shows it)`);
  } else if (source === "graph") {
    if (options.workspace !== undefined) add("--workspace", "--workspace is for Log Analytics: --source graph queries Defender advanced hunting and takes no workspace");
    if (options.all) add("--all", "--all lists a Log Analytics workspace's tables: with --source graph, name the tables with --tables");
  }

  let tables: string[] | undefined;
  if (options.all && options.tables !== undefined) add("--tables", "--tables and --all both given: expected one of them");
  else if (!options.all) {
    if (options.tables === undefined) add("--tables", "no tables given: expected --tables <Table,Table,...>" + (source === "log-analytics" ? " or --all" : ""));
    else {
      const names = options.tables.map((t) => t.trim()).filter((t) => t !== "");
      if (names.length === 0) add("--tables", "--tables names no table: expected --tables <Table,Table,...>");
      for (const name of names) {
        if (!isPlainIdentifier(name)) add("--tables", `table name ${quote(String(name), 80)} is not a valid table identifier: expected letters, digits and "_", not starting with a digit`);
      }
      tables = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
  }

  let endpoint = source === "graph" ? cloud.graphEndpoint : cloud.logAnalyticsEndpoint;
  if (options.endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.endpoint);
    } catch {
      url = undefined;
    }
    if (url && (url.username !== "" || url.password !== "")) {
      // Never echoed: the part before "@" is a user name and password.
      add("--endpoint", `endpoint https://${url.username ? "<user>" : ""}${url.password ? ":<password>" : ""}@${safeText(url.host)}… carries a user name or password: refused (they would be sent to the service and written to logs); give the address alone, e.g. ${endpoint}`);
    } else if (!url || url.protocol !== "https:") {
      add("--endpoint", `endpoint ${quote(options.endpoint, 120)} is not an https:// URL: expected the service address, e.g. ${endpoint} (the Azure SDK sends tokens over HTTPS only)`);
    } else if (url.search !== "" || url.hash !== "") {
      add("--endpoint", `endpoint ${quote(`${url.origin}${url.pathname}`, 120)} has a query or fragment (?… or #…): expected the service address alone, e.g. ${endpoint}`);
    } else endpoint = options.endpoint.replace(/\/+$/, "");
  }
  if (options.tenant !== undefined && !TENANT.test(options.tenant)) {
    add("--tenant", `tenant ${quote(String(options.tenant), 80)} is not a tenant ID or domain: expected a GUID or a name such as contoso.onmicrosoft.com`);
  }
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) add("--concurrency", `concurrency ${concurrency} is not valid: expected a whole number from 1 to 16`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 3_600_000) add("--timeout", `timeout ${timeoutMs / 1000} s is not valid: expected seconds, more than 0 and at most 3600`);

  if (problems.length > 0) throw new InputError(problems);
  const scope = source === "graph" ? cloud.graphScope : cloud.logAnalyticsScope;
  return { source, cloud, endpoint, scope, ...(tables ? { tables } : {}) };
}

/** Runs `worker` over `items`, at most `limit` at a time; stops starting new ones once `stop()` says so. */
async function pool<T>(items: readonly string[], limit: number, worker: (item: string) => Promise<T>, stop: () => boolean): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < items.length && !stop()) {
      const item = items[next++]!;
      await worker(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
}

/**
 * Failures worth showing: every table-only failure (unknown tables...), and of
 * the failures that stop a pull (sign-in, access, throttling...) one per kind,
 * since they repeat for every table.
 */
function reportable(failures: readonly LiveError[]): LiveError[] {
  const sorted = [...failures].sort((a, b) => ((a.table ?? "") < (b.table ?? "") ? -1 : (a.table ?? "") > (b.table ?? "") ? 1 : 0));
  const seenKinds = new Set<string>();
  return sorted.filter((f) => {
    if (!f.stopsPull) return true;
    if (seenKinds.has(f.kind)) return false;
    seenKinds.add(f.kind);
    return true;
  });
}

/**
 * The Azure SDK's own logs (AZURE_LOG_LEVEL): they print response headers
 * as the service sent them, tokens a service echoes included. Every line goes
 * through the same redaction as kqlgen's messages, control characters escaped.
 */
function redactSdkLogs(): void {
  AzureLogger.log = (...args: unknown[]) => {
    process.stderr.write(`${safeText(redactSecrets(format(...args)), true)}\n`);
  };
}

/** Pulls the schemas. Throws InputError for bad usage, PullError when the service or sign-in fails. */
export async function pullSchemas(options: PullOptions): Promise<PullResult> {
  const resolved = resolvePullOptions(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };

  let credential: TokenCredential;
  try {
    credential = options.credential ?? createCredential({ cloud: resolved.cloud, ...(options.tenant ? { tenant: options.tenant } : {}) });
  } catch (e) {
    if (e instanceof LiveError) throw new PullError([e], 0);
    throw e;
  }
  redactSdkLogs();
  // Every token the credential hands out is remembered, so that no message or log line can show it (or a piece of it).
  rememberEnvironmentSecrets();
  const inner = credential;
  credential = {
    getToken: async (scopes, getTokenOptions) => {
      const token = await inner.getToken(scopes, getTokenOptions);
      rememberSecret(token?.token);
      return token;
    },
  };
  const sourceOptions: LiveSourceOptions = {
    credential,
    ...(options.maxAnswerBytes ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
    endpoint: resolved.endpoint,
    scope: resolved.scope,
    timeoutMs,
    retry,
    ...(options.tenant ? { tenant: options.tenant } : {}),
    ...(options.agent ? { agent: options.agent } : {}),
  };

  let getschema: (table: string) => Promise<RawTable>;
  let tables: string[];
  let from: string;
  let platform: Platform;
  if (resolved.source === "graph") {
    const graph = new GraphHuntingSource(sourceOptions);
    getschema = (t) => graph.getschema(t);
    tables = resolved.tables!;
    from = graph.label;
    platform = "defender-advanced-hunting";
  } else {
    const la = new LogAnalyticsSource(options.workspace!, sourceOptions);
    getschema = (t) => la.getschema(t);
    from = la.label;
    platform = "log-analytics";
    if (options.all) {
      try {
        tables = await la.listTables();
      } catch (e) {
        if (e instanceof LiveError) throw new PullError([e], 0);
        throw e;
      }
      if (tables.length === 0) throw new PullError([new LiveError("bad-response", `the metadata of ${from} lists no tables: nothing to pull`)], 0);
      const odd = tables.filter((t) => !isPlainIdentifier(t));
      if (odd.length > 0) {
        throw new PullError(
          odd.map((t) => new LiveError("bad-response", `the metadata of ${from} lists table ${quote(t, 80)}, which is not a valid table identifier (letters, digits and "_"): kqlgen cannot name it`, t)),
          tables.length,
        );
      }
    } else tables = resolved.tables!;
  }

  const raws = new Map<string, RawTable>();
  const failures: LiveError[] = [];
  let done = 0;
  await pool(
    tables,
    concurrency,
    async (table) => {
      try {
        const raw = await getschema(table);
        raws.set(table, raw);
        done++;
        options.onTable?.({ table, columns: raw.columns.length, done, total: tables.length });
      } catch (e) {
        if (!(e instanceof LiveError)) throw e;
        failures.push(e);
      }
    },
    () => failures.some((f) => f.stopsPull),
  );
  if (failures.length > 0) throw new PullError(reportable(failures), tables.length);

  let schema: SchemaSet;
  try {
    schema = buildSchemaSet(tables.map((t) => raws.get(t)!));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new PullError(
      e.problems.map((p) => new LiveError("bad-response", `${from} answered with a schema kqlgen cannot use: ${p}`, p.location.table)),
      tables.length,
    );
  }
  return { schema, platform, from };
}
