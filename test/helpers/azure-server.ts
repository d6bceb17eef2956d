/**
 * A loopback HTTPS server that speaks the wire formats `kqlgen pull` talks to:
 * the Log Analytics query API (`POST /v1/workspaces/{id}/query`), its metadata
 * API (`GET /v1/workspaces/{id}/metadata`) and Microsoft Graph
 * `runHuntingQuery` (`POST /graph/v1.0/security/runHuntingQuery`). It serves
 * `getschema` results for the tables it is given (the project's fixtures by
 * default), checks the bearer token's audience like the real services, can
 * inject every failure a user meets (401, 403, unknown table, 429 with and
 * without Retry-After, 5xx JSON and HTML, partial results, no answer at all),
 * and records every request: path, body, the token's audience, the attempt.
 *
 * The certificate is a throwaway self-signed one made at start (never saved
 * in the repository): the Azure SDK never sends a bearer token over plain
 * HTTP. In-process clients trust it through `agent`; a subprocess through
 * NODE_EXTRA_CA_CERTS=`caFile`.
 *
 * Also here: a fake `az` (Azure CLI) for AzureCliCredential, which prints what
 * `az account get-access-token` prints and logs what it was asked for.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { Command } from "commander";
import selfsigned from "selfsigned";
import { registerPull } from "../../src/cli/commands/pull.js";
import { InputError } from "../../src/model/errors.js";
import type { Table } from "../../src/model/schema.js";
import { readSchemaDir } from "../../src/sources/index.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export { ALL_SCHEMAS, FIXTURES, TEST_SCHEMAS } from "./fixtures.js";
import { ALL_SCHEMAS } from "./fixtures.js";
export const DEFENDER_TABLES = path.resolve(REPO, "..", "shared", "defender-tables");

// ---------------------------------------------------------------- temp folders

const tmpDirs: string[] = [];

/** A fresh folder under test/.tmp/ (git-ignored); removed by `removeTmpDirs`. */
export async function tmpDir(prefix: string): Promise<string> {
  const root = path.join(REPO, "test", ".tmp");
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, `${prefix}-`));
  tmpDirs.push(dir);
  return dir;
}

export async function removeTmpDirs(): Promise<void> {
  while (tmpDirs.length) await rm(tmpDirs.pop()!, { recursive: true, force: true });
}

// ---------------------------------------------------------------- Defender tables

/** A Defender table as the portal's advanced hunting has it (from ../shared/defender-tables). */
export async function portalTable(name: string): Promise<Table> {
  const json = JSON.parse(await readFile(path.join(DEFENDER_TABLES, `${name}.json`), "utf8")) as { table: string; columns: [string, string][] };
  return {
    name: json.table,
    platform: "defender-advanced-hunting",
    columns: json.columns.map(([n, type], ordinal) => ({ name: n, type: type as Table["columns"][number]["type"], ordinal })),
  };
}

/**
 * The same table as Log Analytics / Sentinel has it (shared/notes/kusto.md):
 * TenantId first, AdditionalFields typed dynamic, MachineGroup on Device*
 * tables, and SourceSystem, TimeGenerated, Type, _BilledSize, _IsBillable.
 */
export function logAnalyticsVersion(portal: Table): Table {
  const cols: { name: string; type: Table["columns"][number]["type"] }[] = [
    { name: "TenantId", type: "string" },
    ...portal.columns.map((c) => ({ name: c.name, type: c.name === "AdditionalFields" ? ("dynamic" as const) : c.type })),
  ];
  if (portal.name.startsWith("Device") && !cols.some((c) => c.name === "MachineGroup")) cols.push({ name: "MachineGroup", type: "string" });
  cols.push(
    { name: "SourceSystem", type: "string" },
    { name: "TimeGenerated", type: "datetime" },
    { name: "Type", type: "string" },
    { name: "_BilledSize", type: "real" },
    { name: "_IsBillable", type: "string" },
  );
  return { name: portal.name, platform: "log-analytics", columns: cols.map((c, ordinal) => ({ ...c, ordinal })) };
}

// ---------------------------------------------------------------- wire formats

const DOTNET: Record<string, string> = {
  string: "System.String",
  bool: "System.SByte",
  int: "System.Int32",
  long: "System.Int64",
  real: "System.Double",
  decimal: "System.Data.SqlTypes.SqlDecimal",
  datetime: "System.DateTime",
  timespan: "System.TimeSpan",
  guid: "System.Guid",
  dynamic: "System.Object",
};

/** `<T> | getschema` as the Log Analytics query API answers it. */
export function logAnalyticsBody(table: Table): object {
  return {
    tables: [
      {
        name: "PrimaryResult",
        columns: [
          { name: "ColumnName", type: "string" },
          { name: "ColumnOrdinal", type: "int" },
          { name: "DataType", type: "string" },
          { name: "ColumnType", type: "string" },
        ],
        rows: table.columns.map((c) => [c.name, c.ordinal, DOTNET[c.type], c.type]),
      },
    ],
  };
}

/** `<T> | getschema` as Graph runHuntingQuery answers it. */
export function graphBody(table: Table): object {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults",
    schema: [
      { name: "ColumnName", type: "String" },
      { name: "ColumnOrdinal", type: "Int32" },
      { name: "DataType", type: "String" },
      { name: "ColumnType", type: "String" },
    ],
    results: table.columns.map((c) => ({ ColumnName: c.name, ColumnOrdinal: c.ordinal, DataType: DOTNET[c.type], ColumnType: c.type })),
  };
}

/** The workspace metadata API's answer (tables with their columns; other sections trimmed). */
export function metadataBody(workspace: string, tables: readonly Table[]): object {
  return {
    tables: tables.map((t) => ({
      id: `t/${t.name}`,
      name: t.name,
      timespanColumn: t.columns.some((c) => c.name === "TimeGenerated") ? "TimeGenerated" : "Timestamp",
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
    })),
    workspaces: [{ id: workspace, resourceId: `/subscriptions/0/resourcegroups/rg/providers/microsoft.operationalinsights/workspaces/ws`, name: "ws", region: "westeurope", related: { tables: tables.map((t) => `t/${t.name}`) } }],
  };
}

/** The table a `<T> | getschema` query names (bare or `['...']`), or undefined. */
export function tableOfQuery(query: string): string | undefined {
  const m = /^\s*(.+?)\s*\|\s*getschema\s*$/s.exec(query);
  if (!m) return undefined;
  const name = m[1]!;
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  // ['...'] or ["..."]: the inside is a string literal with its escapes.
  const b = /^\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]$/s.exec(name);
  if (!b) return undefined;
  return (b[1] ?? b[2])!.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e,
  );
}

// ---------------------------------------------------------------- faults

export type Api = "query" | "metadata" | "graph";

export interface Fault {
  /** Which API it answers (default: any). */
  readonly api?: Api;
  /** Which table's query it answers (default: any). */
  readonly table?: string;
  /** How many requests it answers before it is used up (default: all). */
  readonly times?: number;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** JSON body (object) or raw text. */
  readonly body?: object | string;
  /** Never answer (for --timeout). */
  readonly hang?: boolean;
  /** Answer 200 with the schema and an `error` object: a partial result. */
  readonly partial?: boolean;
  /** Answer with an error message that quotes the request's Authorization header (a careless service). */
  readonly echoAuthorization?: boolean;
  /** Wait this long before answering normally (to make requests overlap). */
  readonly delayMs?: number;
  /** Answer 200 with a body of this many bytes (a JSON start, then blanks), streamed as the client reads. */
  readonly hugeBody?: number;
  /** With hugeBody: send it gzip-compressed (`content-encoding: gzip`): a small answer that inflates to hugeBody bytes. */
  readonly gzip?: boolean;
  /** Send the headers and the start of the body, then nothing more (a stalled answer). */
  readonly stallBody?: boolean;
  /** Send the answer one byte every this many ms (a slow drip). */
  readonly dripMs?: number;
  /** Answer 401 with a message quoting the request's token in two halves on two lines, as an opaque token (no "Bearer"). */
  readonly echoTokenSplit?: boolean;
  /** Answer 400 with the token in a response header and the body's message. */
  readonly echoTokenHeader?: boolean;
}

export const faults = {
  throttled: (retryAfterSeconds?: number, more: Partial<Fault> = {}): Fault => ({
    status: 429,
    ...(retryAfterSeconds !== undefined ? { headers: { "retry-after": String(retryAfterSeconds) } } : {}),
    body: { error: { code: "TooManyRequests", message: "Too many requests. Please retry after some time." } },
    ...more,
  }),
  html: (status = 502, more: Partial<Fault> = {}): Fault => ({
    status,
    headers: { "content-type": "text/html" },
    body: `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>`,
    ...more,
  }),
  serverError: (status = 500, more: Partial<Fault> = {}): Fault => ({
    status,
    body: { error: { code: "InternalServerError", message: "An internal error occurred while processing the query" } },
    ...more,
  }),
  unauthorized: (more: Partial<Fault> = {}): Fault => ({
    status: 401,
    body: { error: { code: "InvalidAuthenticationToken", message: "The access token is invalid: the token is from the wrong tenant" } },
    ...more,
  }),
  forbiddenLogAnalytics: (more: Partial<Fault> = {}): Fault => ({
    status: 403,
    body: { error: { code: "InsufficientAccessError", message: "The provided credentials have insufficient access to perform the requested operation" } },
    ...more,
  }),
  forbiddenGraph: (more: Partial<Fault> = {}): Fault => ({
    api: "graph",
    status: 403,
    body: { error: { code: "Forbidden", message: "Missing application roles. API required roles: ThreatHunting.Read.All." } },
    ...more,
  }),
  partial: (more: Partial<Fault> = {}): Fault => ({ partial: true, ...more }),
  hang: (more: Partial<Fault> = {}): Fault => ({ hang: true, ...more }),
};

// ---------------------------------------------------------------- the server

export interface RecordedRequest {
  readonly api: Api | "other";
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly workspace?: string;
  readonly query?: string;
  readonly table?: string;
  /** The `aud` claim of the bearer token (the scope the client asked for, without /.default). */
  readonly audience?: string;
  readonly token?: string;
  /** 1 for the first request of this API and table, 2 for the first retry... */
  readonly attempt: number;
  readonly userAgent?: string;
}

export interface AzureServerOptions {
  /** Log Analytics workspaces and their tables (default: one workspace with every fixture table). */
  readonly workspaces?: ReadonlyMap<string, readonly Table[]>;
  /** Tables of Defender advanced hunting for Graph (default: every fixture table). */
  readonly hunting?: readonly Table[];
  /** Audience the Log Analytics API accepts (default the public cloud's). */
  readonly logAnalyticsAudience?: string;
  readonly graphAudience?: string;
}

export const WORKSPACE = "6f1c2a4e-0b9d-4c3e-8f7a-1d2e3f4a5b6c";

export class AzureServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: { fault: Fault; left: number }[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly hanging: ServerResponse[] = [];
  private inFlight = 0;
  /** The most requests the server was answering at once. */
  maxInFlight = 0;
  workspaces = new Map<string, readonly Table[]>();
  hunting: readonly Table[] = [];
  logAnalyticsAudience = "https://api.loganalytics.io";
  /** Accept tokens that are not JWTs (opaque tokens, as some identity providers issue) for any audience. */
  acceptOpaqueTokens = false;
  graphAudience = "https://graph.microsoft.com";

  private constructor(
    private readonly server: https.Server,
    readonly url: string,
    readonly ca: string,
    readonly caFile: string,
    readonly agent: https.Agent,
    private readonly dir: string,
  ) {}

  static async start(options: AzureServerOptions = {}): Promise<AzureServer> {
    const pems = await selfsigned.generate([{ name: "commonName", value: "127.0.0.1" }], {
      keyType: "ec",
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: true },
        { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
      ],
    });
    const dir = await tmpDir("azure-server");
    const caFile = path.join(dir, "ca.pem");
    await writeFile(caFile, pems.cert);
    let self: AzureServer | undefined;
    const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => void self!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const agent = new https.Agent({ ca: pems.cert, keepAlive: false });
    self = new AzureServer(server, `https://127.0.0.1:${port}`, pems.cert, caFile, agent, dir);
    const fixtures = options.workspaces && options.hunting ? undefined : (await readSchemaDir(ALL_SCHEMAS)).tables;
    self.workspaces = new Map(options.workspaces ?? [[WORKSPACE, fixtures!]]);
    self.hunting = options.hunting ?? fixtures!;
    if (options.logAnalyticsAudience) self.logAnalyticsAudience = options.logAnalyticsAudience;
    if (options.graphAudience) self.graphAudience = options.graphAudience;
    return self;
  }

  /** The Log Analytics endpoint to give the client (`/v1` included). */
  get logAnalyticsEndpoint(): string {
    return `${this.url}/v1`;
  }

  get graphEndpoint(): string {
    return `${this.url}/graph/v1.0`;
  }

  inject(...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Forgets recorded requests and faults (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.attempts.clear();
    this.maxInFlight = 0;
  }

  /** Requests of one API (and table). */
  requestsFor(api: Api, table?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.api === api && (table === undefined || r.table === table));
  }

  async close(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A 200 answer of `bytes` bytes (a JSON start, then blanks), or gzip of it; written as fast as the client reads, stopped when it hangs up. */
  private async sendHuge(res: ServerResponse, bytes: number, gzip: boolean): Promise<void> {
    const head = Buffer.from('{"tables":[{"name":"PrimaryResult","columns":[],"rows":[');
    if (gzip) {
      const body = await gzipBomb(bytes);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-encoding": "gzip", "content-length": String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": String(bytes) });
    res.write(head);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    for (let left = bytes - head.length; left > 0 && !res.destroyed; left -= chunk.length) {
      const ok = res.write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      if (!ok) await new Promise<void>((resolve) => { res.once("drain", resolve); res.once("close", resolve); });
    }
    if (!res.destroyed) res.end();
  }

  private takeFault(api: Api, table: string | undefined): Fault | undefined {
    for (const f of this.faults) {
      if (f.left <= 0) continue;
      if (f.fault.api !== undefined && f.fault.api !== api) continue;
      if (f.fault.table !== undefined && f.fault.table !== table) continue;
      f.left--;
      return f.fault;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on("close", () => this.inFlight--);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    const url = new URL(req.url ?? "/", this.url);
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
    const audience = token ? decodeAudience(token) : undefined;

    let api: Api | "other" = "other";
    let workspace: string | undefined;
    let query: string | undefined;
    let m: RegExpExecArray | null;
    if (req.method === "POST" && (m = /^\/v1\/workspaces\/([^/]+)\/query$/.exec(url.pathname))) {
      api = "query";
      workspace = decodeURIComponent(m[1]!);
      query = (body as { query?: string })?.query;
    } else if (req.method === "GET" && (m = /^\/v1\/workspaces\/([^/]+)\/metadata$/.exec(url.pathname))) {
      api = "metadata";
      workspace = decodeURIComponent(m[1]!);
    } else if (req.method === "POST" && url.pathname === "/graph/v1.0/security/runHuntingQuery") {
      api = "graph";
      query = (body as { Query?: string })?.Query;
    }
    const table = query !== undefined ? tableOfQuery(query) : undefined;
    const key = `${api}/${workspace ?? ""}/${table ?? ""}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    this.requests.push({
      api,
      method: req.method ?? "",
      path: url.pathname,
      body,
      ...(workspace !== undefined ? { workspace } : {}),
      ...(query !== undefined ? { query } : {}),
      ...(table !== undefined ? { table } : {}),
      ...(audience !== undefined ? { audience } : {}),
      ...(token !== undefined ? { token } : {}),
      attempt,
      ...(typeof req.headers["user-agent"] === "string" ? { userAgent: req.headers["user-agent"] } : {}),
    });

    const send = (status: number, payload: object | string, headers: Record<string, string> = {}) => {
      const isText = typeof payload === "string";
      res.writeHead(status, { "content-type": isText ? "text/plain" : "application/json; charset=utf-8", ...headers });
      res.end(isText ? payload : JSON.stringify(payload));
    };

    if (api === "other") return send(404, { error: { code: "PathNotFoundError", message: `The requested path does not exist: ${url.pathname}` } });

    // The services check the token before anything else.
    const expected = api === "graph" ? this.graphAudience : this.logAnalyticsAudience;
    if (!token) return send(401, { error: { code: "AuthorizationRequiredError", message: "Valid authentication was not provided" } });
    if (audience !== expected && !(this.acceptOpaqueTokens && !token.includes("."))) {
      return send(401, { error: { code: "InvalidAuthenticationToken", message: `The audience '${audience}' is invalid: expected ${expected}` } });
    }

    const fault = this.takeFault(api, table);
    if (fault?.hang) {
      this.hanging.push(res);
      return;
    }
    if (fault?.hugeBody !== undefined) return void this.sendHuge(res, fault.hugeBody, fault.gzip === true);
    if (fault?.stallBody) {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.write('{"tables":[{"name":"PrimaryResult","columns":[');
      this.hanging.push(res);
      return;
    }
    if (fault?.dripMs !== undefined) {
      const text = JSON.stringify(api === "graph" ? graphBody(this.hunting[0]!) : logAnalyticsBody([...this.workspaces.values()][0]![0]!));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      this.hanging.push(res);
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i >= text.length) {
          clearInterval(timer);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(text[i++]!);
      }, fault.dripMs);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (fault?.echoTokenSplit && token) {
      const half = Math.floor(token.length / 2);
      return send(401, { error: { code: "InvalidAuthenticationToken", message: `The token could not be validated. Received:\n${token.slice(0, half)}\n${token.slice(half)}\nRetry with a new token.` } });
    }
    if (fault?.echoTokenHeader && token) {
      return send(400, { error: { code: "BadRequest", message: `Rejected credential ${token.split(".")[2]} for this request` } }, { "x-ms-echo-credential": token, "www-authenticate": `Bearer error="invalid_token", token="${token}"` });
    }
    if (fault?.echoAuthorization) {
      return send(fault.status ?? 400, { error: { code: "BadRequest", message: `Request with header Authorization: ${auth} could not be processed` } });
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status !== undefined) return send(fault.status, fault.body ?? "", fault.headers);

    if (api === "metadata") {
      const tables = this.workspaces.get(workspace!);
      if (!tables) return send(404, { error: { code: "WorkspaceNotFoundError", message: `Workspace ${workspace} could not be found` } });
      return send(200, metadataBody(workspace!, tables));
    }
    if (table === undefined) return send(400, { error: { code: "BadArgumentError", message: "The request had some invalid properties: the query is not `<Table> | getschema`" } });
    const tables = api === "graph" ? this.hunting : this.workspaces.get(workspace!);
    if (!tables) return send(404, { error: { code: "WorkspaceNotFoundError", message: `Workspace ${workspace} could not be found` } });
    const found = tables.find((t) => t.name === table);
    if (!found) {
      const message = `'getschema' operator: Failed to resolve table or column expression named '${table}'`;
      return api === "graph"
        ? send(400, { error: { code: "BadRequest", message, innerError: { date: "2026-01-01T00:00:00", "request-id": "00000000-0000-0000-0000-000000000001" } } })
        : send(400, {
            error: {
              message: "The request had some invalid properties",
              code: "BadArgumentError",
              correlationId: "00000000-0000-0000-0000-000000000002",
              innererror: { code: "SemanticError", message: "A semantic error occurred.", innererror: { code: "SEM0100", message } },
            },
          });
    }
    const answer = api === "graph" ? graphBody(found) : logAnalyticsBody(found);
    if (fault?.partial) {
      return send(200, { ...answer, error: { code: "PartialError", message: "There were some errors when processing your query.", details: [{ code: "EngineError", message: "Query execution has exceeded the allowed limits" }] } });
    }
    return send(200, answer, fault?.headers ?? {});
  }
}

/** A gzip member holding `bytes` bytes of blanks: made once per size (a 1 GB bomb is about 1 MB). */
const bombs = new Map<number, Promise<Buffer>>();
export function gzipBomb(bytes: number): Promise<Buffer> {
  let b = bombs.get(bytes);
  if (!b) {
    b = (async () => {
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const parts: Buffer[] = [];
      const z = zlib.createGzip({ level: 9, memLevel: 9 });
      z.on("data", (d: Buffer) => parts.push(d));
      const ended = new Promise<void>((resolve, reject) => {
        z.on("end", resolve);
        z.on("error", reject);
      });
      for (let left = bytes; left > 0; left -= chunk.length) {
        if (!z.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => z.once("drain", r));
      }
      z.end();
      await ended;
      return Buffer.concat(parts);
    })();
    bombs.set(bytes, b);
  }
  return b;
}

// ---------------------------------------------------------------- tokens and a fake `az`

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

/** A JWT-shaped fake token for an audience: what the fake `az` hands out. */
export function fakeToken(audience: string, tenant = "72f988bf-0000-0000-0000-000000000000"): string {
  const header = base64url(JSON.stringify({ alg: "none", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ aud: audience, tid: tenant, iss: `https://sts.windows.net/${tenant}/`, scp: "user_impersonation", exp: Math.floor(Date.now() / 1000) + 3600 }));
  return `${header}.${payload}.${randomBytes(24).toString("base64url")}`;
}

/** The `aud` claim of a (fake) JWT. */
export function decodeAudience(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { aud?: unknown };
    return typeof payload.aud === "string" ? payload.aud : undefined;
  } catch {
    return undefined;
  }
}

export interface FakeAz {
  /** Folder to put first on PATH. */
  readonly binDir: string;
  /** Every call, in order: its arguments. */
  calls(): Promise<string[][]>;
  /** Every token it handed out. */
  tokens(): Promise<string[]>;
  /** Environment for a process that should find this `az`. */
  env(mode?: "ok" | "login"): Record<string, string>;
}

/**
 * Writes a fake `az` into a fresh folder. Called as AzureCliCredential calls it
 * (`az account get-access-token --output json --resource <r> [--tenant <t>]`)
 * it prints a token for the resource; with FAKE_AZ_MODE=login it fails the way
 * az does when nobody signed in. Each call is logged (arguments, token).
 */
export async function writeFakeAz(): Promise<FakeAz> {
  const binDir = await tmpDir("fake-az");
  const log = path.join(binDir, "az-calls.jsonl");
  const script = `#!${process.execPath}
const fs = require("node:fs");
const crypto = require("node:crypto");
const args = process.argv.slice(2);
const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const b64 = (s) => Buffer.from(s).toString("base64url");
if (process.env.FAKE_AZ_MODE === "login") {
  fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, token: null }) + "\\n");
  process.stderr.write("ERROR: Please run 'az login' to setup account.\\n");
  process.exit(1);
}
const resource = arg("--resource") || arg("--scope");
const opaque = process.env.FAKE_AZ_TOKENS === "opaque";
const tenant = arg("--tenant") || "72f988bf-0000-0000-0000-000000000000";
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = opaque ? "Kq" + crypto.randomBytes(36).toString("base64url") : b64(JSON.stringify({ alg: "none", typ: "JWT" })) + "." +
  b64(JSON.stringify({ aud: resource, tid: tenant, iss: "https://sts.windows.net/" + tenant + "/", scp: "user_impersonation", exp })) + "." +
  crypto.randomBytes(24).toString("base64url");
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, token }) + "\\n");
const d = new Date(exp * 1000);
const pad = (n) => String(n).padStart(2, "0");
const expiresOn = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + ".000000";
process.stdout.write(JSON.stringify({ accessToken: token, expiresOn, expires_on: exp, subscription: "00000000-0000-0000-0000-00000000cafe", tenant, tokenType: "Bearer" }, null, 2) + "\\n");
`;
  const az = path.join(binDir, "az");
  // The repository is "type": "module": keep the extensionless script CommonJS.
  await writeFile(path.join(binDir, "package.json"), '{ "type": "commonjs" }\n');
  await writeFile(az, script);
  await chmod(az, 0o755);
  const readLog = async () => {
    try {
      return (await readFile(log, "utf8"))
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { args: string[]; token: string | null });
    } catch {
      return [];
    }
  };
  return {
    binDir,
    calls: async () => (await readLog()).map((c) => c.args),
    tokens: async () => (await readLog()).map((c) => c.token).filter((t): t is string => t !== null),
    env: (mode = "ok") => ({ PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`, AZURE_TOKEN_CREDENTIALS: "AzureCliCredential", FAKE_AZ_MODE: mode }),
  };
}

// ---------------------------------------------------------------- `kqlgen pull` in-process

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Small retry delays for tests (the service's Retry-After still rules when given). */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

/**
 * `kqlgen pull <argv>` in-process, as main() runs it (usage errors print as
 * `kqlgen: error: ...`, exit 2), with the clients trusting `server` through
 * its agent and short retry delays.
 */
export async function runPull(server: AzureServer | undefined, argv: readonly string[], isTTY = false): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY };
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  registerPull(program, io, (c) => (code = c), { ...(server ? { agent: server.agent } : {}), retry: FAST_RETRY });
  try {
    await program.parseAsync(["pull", ...argv], { from: "user" });
  } catch (e) {
    if (e instanceof InputError) {
      e.problems.forEach((p) => io.err(`kqlgen: error: ${p}`));
      code = 2;
    } else if ((e as { code?: string }).code?.startsWith("commander.")) code = 2;
    else throw e;
  }
  return { code, out: out.join("\n"), err: err.join("\n") };
}
