/**
 * What went wrong talking to Azure, in words a user can act on. Every error a
 * live pull meets (sign-in, HTTP status, service error codes, network, TLS,
 * timeouts, unreadable answers) becomes a `LiveError` with one message that
 * says what happened and what to do. Messages never carry a token: anything
 * that looks like one is redacted before it is shown.
 */
import { STATUS_CODES } from "node:http";
import { EXIT, InputError } from "../../model/errors.js";
import { safeText } from "../../model/show.js";
import { redactSecrets } from "./redact.js";

/** Exit code of a pull that failed because of sign-in or the service (not bad usage, not drift). */
export const EXIT_PULL_FAILED = EXIT.pullFailed;

export type FailureKind =
  | "credential"
  | "sign-in"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "unknown-table"
  | "bad-request"
  | "throttled"
  | "server"
  | "partial"
  | "timeout"
  | "network"
  | "tls"
  | "bad-response";

/** Failures that concern one table only: the other tables are still worth asking for. */
const TABLE_ONLY: ReadonlySet<FailureKind> = new Set(["unknown-table", "partial", "bad-response", "bad-request"]);

export class LiveError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly table?: string,
  ) {
    // Services' messages and names may carry escape sequences: none reaches a terminal.
    super(safeText(redactSecrets(message)));
    this.name = "LiveError";
  }

  /** Whether the failure will repeat for every table (stop the pull) rather than concern this one. */
  get stopsPull(): boolean {
    return !TABLE_ONLY.has(this.kind);
  }
}

/** What kqlgen was doing when an error came: named in every message. */
export interface ServiceContext {
  readonly service: "Log Analytics" | "Microsoft Graph";
  /** "workspace <id>" or "runHuntingQuery". */
  readonly target: string;
  /** "the getschema query for table X", "the workspace metadata". */
  readonly what: string;
  readonly table?: string;
  /** The token scope asked for. */
  readonly scope: string;
  readonly timeoutMs: number;
  /** The tenant given with --tenant, if any. */
  readonly tenant?: string;
}

export { redactSecrets } from "./redact.js";

/** First line of a message, secrets redacted, trimmed and shortened: services and credentials write long ones. */
function firstLine(text: string, max = 240): string {
  // Redact before shortening: a token cut in half no longer looks like one.
  const line = redactSecrets(text).split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "") ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

interface ServiceErrorInfo {
  readonly codes: string[];
  readonly messages: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The `error` object of a service answer, walked through its inner errors. */
function errorChain(error: unknown): ServiceErrorInfo {
  const codes: string[] = [];
  const messages: string[] = [];
  let e: unknown = error;
  for (let depth = 0; isObject(e) && depth < 10; depth++) {
    if (typeof e.code === "string" && e.code !== "") codes.push(e.code);
    if (typeof e.message === "string" && e.message !== "") messages.push(e.message);
    e = e.innererror ?? e.innerError ?? e.InnerError;
  }
  return { codes, messages };
}

interface HttpLikeError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: unknown;
  response?: { status?: number; headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
}

export function statusOf(e: unknown): number | undefined {
  const err = e as HttpLikeError;
  const s = err?.statusCode ?? err?.response?.status;
  return typeof s === "number" && s > 0 ? s : undefined;
}

function header(e: unknown, name: string): string | undefined {
  try {
    return (e as HttpLikeError)?.response?.headers?.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The wait a 429/503 answer asks for, in ms (`retry-after-ms`, `x-ms-retry-after-ms`, `Retry-After` seconds or date). */
export function retryAfterMs(e: unknown, now = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const v = header(e, name);
    if (v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  }
  const v = header(e, "retry-after");
  if (v === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function bodyText(e: unknown): string | undefined {
  const t = (e as HttpLikeError)?.response?.bodyAsText;
  return typeof t === "string" ? t : undefined;
}

/** The service's error codes and messages, from the SDK's parsed details or the raw body. */
export function serviceError(e: unknown): ServiceErrorInfo {
  const details = (e as HttpLikeError)?.details;
  if (isObject(details) && isObject(details.error)) return errorChain(details.error);
  const text = bodyText(e);
  if (text) {
    try {
      const json: unknown = JSON.parse(text);
      if (isObject(json) && isObject(json.error)) return errorChain(json.error);
    } catch {
      // not JSON
    }
  }
  return { codes: [], messages: [] };
}

function looksLikeHtml(e: unknown): boolean {
  const type = header(e, "content-type") ?? "";
  return /html/i.test(type) || /^\s*</.test(bodyText(e) ?? "");
}

function statusLabel(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

/** "403 InsufficientAccessError: The provided credentials have insufficient access" */
function statusDetail(e: unknown, status: number): string {
  const info = serviceError(e);
  const code = info.codes[0];
  const message = info.messages[0] ?? (isObject(e) && typeof e.message === "string" && !/^Unexpected status code/.test(e.message) ? e.message : "");
  const parts = [`${status}${code ? ` ${code}` : STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`];
  const msg = firstLine(message);
  return msg ? `${parts[0]}: ${msg}` : parts[0]!;
}

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ESOCKETTIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED", "UND_ERR_SOCKET"]);
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|TLS|SSL|ERR_SSL/;

/** The error's system error code, where it has one (the SDK keeps it on RestError.code). */
function systemCode(e: unknown): string | undefined {
  const code = (e as HttpLikeError)?.code;
  if (typeof code === "string" && (NETWORK_CODES.has(code) || TLS_CODE.test(code))) return code;
  const cause = (e as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === "string" ? cause : undefined;
}

function isCredentialError(e: unknown): boolean {
  const name = (e as HttpLikeError)?.name;
  return name === "CredentialUnavailableError" || name === "AggregateAuthenticationError";
}

function isSignInError(e: unknown): boolean {
  const name = (e as HttpLikeError)?.name;
  return name === "AuthenticationError" || name === "AuthenticationRequiredError";
}

/** Whether the error says the table does not exist (Kusto SEM0100, or its message). */
function isUnknownTable(info: ServiceErrorInfo): boolean {
  return info.codes.includes("SEM0100") || info.messages.some((m) => /failed to resolve table/i.test(m));
}

export type RetryVerdict =
  | { readonly retry: true; readonly afterMs?: number; readonly reason: "throttled" | "server" | "network" }
  | { readonly retry: false };

/** Whether an error is worth another attempt, and after how long the service asks to wait. */
export function retryVerdict(e: unknown): RetryVerdict {
  if (e instanceof LiveError || isCredentialError(e) || isSignInError(e) || (e as HttpLikeError)?.name === "AbortError") return { retry: false };
  const status = statusOf(e);
  if (status === 429 || status === 503) {
    const after = retryAfterMs(e);
    return { retry: true, reason: status === 429 ? "throttled" : "server", ...(after !== undefined ? { afterMs: after } : {}) };
  }
  if (status === 408 || status === 500 || status === 502 || status === 504) return { retry: true, reason: "server" };
  if (status === undefined) {
    const code = systemCode(e);
    if (code && NETWORK_CODES.has(code) && code !== "ENOTFOUND") return { retry: true, reason: "network" };
  }
  return { retry: false };
}

function credentialHelp(ctx: ServiceContext): string {
  const tenant = ctx.tenant ? ` --tenant ${ctx.tenant}` : "";
  return (
    `sign in with "az login${tenant}" (Azure CLI), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET ` +
    "(or AZURE_CLIENT_CERTIFICATE_PATH) for a service principal; managed and workload identities work where they are set up, " +
    "and AZURE_TOKEN_CREDENTIALS picks one credential"
  );
}

function credentialDetails(e: unknown): string {
  const errors = (e as { errors?: unknown[] })?.errors;
  const list = Array.isArray(errors) && errors.length > 0 ? errors : [e];
  const lines = list.map((x) => {
    const err = x as HttpLikeError;
    return firstLine(`${err?.message ?? String(x)}`, 200);
  });
  return [...new Set(lines.filter((l) => l !== ""))].join("; ");
}

export interface FailureFacts {
  /** How many requests were sent for this operation. */
  readonly attempts: number;
  /** Set when kqlgen stopped retrying because the service asked to wait too long. */
  readonly retryAfterTooLongMs?: number;
  readonly maxRetryAfterMs?: number;
}

/** Turns any error of a live operation into a LiveError with a message a user can act on. */
export function describeFailure(e: unknown, ctx: ServiceContext, facts: FailureFacts): LiveError {
  if (e instanceof LiveError) return e;
  const table = ctx.table;
  const make = (kind: FailureKind, message: string) => new LiveError(kind, message, table);
  const err = e as HttpLikeError;
  const tries = facts.attempts > 1 ? ` after ${facts.attempts} attempts` : "";

  if (isCredentialError(e)) {
    return make("credential", `no Azure credential is available for ${ctx.scope} (${credentialDetails(e)}): ${credentialHelp(ctx)}`);
  }
  if (isSignInError(e)) {
    return make(
      "sign-in",
      `sign-in failed for ${ctx.scope} (${credentialDetails(e)}): check the credential's settings and --tenant${ctx.tenant ? ` (${ctx.tenant})` : ""}`,
    );
  }
  if (err?.name === "AnswerTooLargeError") {
    const mb = Math.round((e as { limit: number }).limit / (1024 * 1024));
    return make("bad-response", `${ctx.service} sent an answer larger than ${mb} MB for ${ctx.what}: kqlgen stopped reading it (a schema is far smaller); check --endpoint`);
  }
  if (err?.name === "AbortError") {
    const s = Math.round(ctx.timeoutMs / 100) / 10;
    return make("timeout", `no answer from ${ctx.service} within ${s} s for ${ctx.what} (--timeout ${s}): try again, or allow more time with a larger --timeout`);
  }

  const status = statusOf(e);
  if (status === undefined) {
    const code = systemCode(e);
    if (code && TLS_CODE.test(code) && !NETWORK_CODES.has(code)) {
      return make(
        "tls",
        `the TLS certificate of ${ctx.service} is not trusted (${code}) for ${ctx.what}: if a proxy inspects TLS traffic, trust its CA certificate with NODE_EXTRA_CA_CERTS`,
      );
    }
    if (code) {
      return make("network", `cannot reach ${ctx.service} for ${ctx.what} (${code})${tries}: check the network or proxy (HTTPS_PROXY), --cloud and --endpoint`);
    }
    return make("bad-response", `${ctx.service} sent an answer kqlgen cannot read for ${ctx.what} (${firstLine(err?.message ?? String(e))})`);
  }

  const info = serviceError(e);
  if (status === 429 || status === 503) {
    const after = retryAfterMs(e);
    if (facts.retryAfterTooLongMs !== undefined) {
      return make(
        status === 429 ? "throttled" : "server",
        `${ctx.service} answered ${statusLabel(status)} for ${ctx.what} and asks to wait ${Math.ceil(facts.retryAfterTooLongMs / 1000)} s ` +
          `(Retry-After), longer than kqlgen waits (${Math.round((facts.maxRetryAfterMs ?? 0) / 1000)} s): try again later`,
      );
    }
    if (status === 429) {
      return make(
        "throttled",
        `${ctx.service} is throttling requests: it answered 429 Too Many Requests ${facts.attempts} time${facts.attempts === 1 ? "" : "s"} for ${ctx.what} ` +
          `(${after !== undefined ? `last Retry-After: ${Math.ceil(after / 1000)} s` : "without a Retry-After header"}), so kqlgen gave up: ` +
          "wait a few minutes and try again, or ask for fewer tables at once (--concurrency)",
      );
    }
  }
  if (status >= 500 || status === 408) {
    const code = info.codes[0];
    const message = info.messages[0] ? firstLine(info.messages[0]) : "";
    const detail = looksLikeHtml(e) ? " (an HTML page, not JSON)" : code || message ? ` (${[code, message].filter(Boolean).join(": ")})` : "";
    return make("server", `${ctx.service} failed with ${statusLabel(status)}${detail} for ${ctx.what}${tries}: the service may be having problems; try again later`);
  }
  if (status === 401) {
    return make(
      "unauthorized",
      `${ctx.service} rejected the access token for ${ctx.what} (${statusDetail(e, status)}): the token was issued for another tenant or cloud, or has expired. ` +
        `Check --tenant and --cloud (kqlgen asked for a token for ${ctx.scope})`,
    );
  }
  if (status === 403) {
    const need =
      ctx.service === "Microsoft Graph"
        ? "the signed-in identity needs the Microsoft Graph permission ThreatHunting.Read.All (an application permission with admin consent, or a delegated permission for a signed-in user)"
        : "the signed-in identity needs the Log Analytics Reader role (or another role with Microsoft.OperationalInsights/workspaces/query/read) on the workspace";
    return make("forbidden", `${ctx.service} denied access to ${ctx.target} for ${ctx.what} (${statusDetail(e, status)}): ${need}`);
  }
  if (isUnknownTable(info)) {
    const code = info.codes.includes("SEM0100") ? "SEM0100: " : "";
    const message = firstLine(info.messages[info.messages.length - 1] ?? "");
    return make("unknown-table", `table ${table ?? "?"} does not exist in ${ctx.target} (${code}${message}): check the table name (names are case-sensitive)`);
  }
  if (status === 404) {
    const hint = ctx.service === "Log Analytics" ? "check --workspace (the Workspace ID, a GUID, from the workspace's Overview page), --cloud and --endpoint" : "check --cloud and --endpoint";
    return make("not-found", `${ctx.service} found no ${ctx.target} for ${ctx.what} (${statusDetail(e, status)}): ${hint}`);
  }
  if (status >= 200 && status < 300) {
    return make("bad-response", `${ctx.service} sent an answer kqlgen cannot read for ${ctx.what} (${firstLine(err?.message ?? "")})`);
  }
  return make("bad-request", `${ctx.service} rejected ${ctx.what} (${statusDetail(e, status)})`);
}

/** Runs a saved-format reader on a live answer: a problem in the answer is the service's, not the user's input. */
export function readLiveAnswer<T>(read: () => T, ctx: ServiceContext): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const problems = e.problems.map((p) => p.message).join("; ");
    throw new LiveError("bad-response", `${ctx.service} answered ${ctx.what} with a result kqlgen cannot use: ${problems}`, ctx.table);
  }
}
