/**
 * The Storage account or container `kqlgen validate --storage <url>` reads:
 * the URL understood (account or container, host-style or path-style as
 * Azurite serves it, a SAS in its query), the credential chosen in order —
 * AZURE_STORAGE_CONNECTION_STRING, the URL's SAS, DefaultAzureCredential —
 * and failures worded in one line a user can act on, with every key, SAS and
 * token redacted (the wording follows `pull`'s, src/sources/live/errors.ts).
 */
import { isIP } from "node:net";
import { DefaultAzureCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from "@azure/storage-blob";
import { InputError } from "../model/errors.js";
import { LiveError, redactSecrets, retryAfterMs, statusOf } from "../sources/live/errors.js";

export interface StorageTarget {
  /** The URL as the user may see it: no query (a SAS stays out of every message). */
  readonly display: string;
  /** `https://<account>.blob.core.windows.net`, or `http://127.0.0.1:10000/<account>` path-style. */
  readonly accountUrl: string;
  readonly account: string;
  readonly container: string | undefined;
  /** The URL's query when it carries a SAS (`sig=`), with its leading "?". */
  readonly sas: string | undefined;
}

const URL_HELP = "expected an account or container URL, e.g. https://<account>.blob.core.windows.net or https://<account>.blob.core.windows.net/insights-logs-advancedhunting-deviceinfo";

/** Reads the --storage URL. Throws InputError (exit 2) for one that is not a Storage account or container. */
export function parseStorageUrl(text: string): StorageTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw InputError.of({ at: "--storage" }, `${JSON.stringify(redactSecrets(text.replace(/\?.*$/, "")))} is not a URL: ${URL_HELP}`);
  }
  const display = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw InputError.of({ at: "--storage" }, `${display}: ${URL_HELP}`);
  const segments = url.pathname.split("/").filter((s) => s !== "").map(decodeURIComponent);
  // <account>.blob.<suffix> names the account in the host; an address or another host (Azurite, a proxy) in the path.
  const hostStyle = isIP(url.hostname) === 0 && /^[a-z0-9]+\.blob\./i.test(url.hostname);
  const account = hostStyle ? url.hostname.split(".")[0]! : segments.shift();
  if (account === undefined) throw InputError.of({ at: "--storage" }, `${display}: no account in the path (path-style URLs name it first, as Azurite does: http://127.0.0.1:10000/devstoreaccount1): ${URL_HELP}`);
  if (segments.length > 1) throw InputError.of({ at: "--storage" }, `${display} names a blob: ${URL_HELP}`);
  const sas = url.searchParams.has("sig") ? url.search : undefined;
  return {
    display,
    accountUrl: hostStyle ? url.origin : `${url.origin}/${encodeURIComponent(account)}`,
    account,
    container: segments[0],
    sas,
  };
}

/** Retries of the SDK: a few, soon (the defaults wait up to two minutes before a failure is told). */
const PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 3, retryDelayInMs: 400, maxRetryDelayInMs: 4_000, tryTimeoutInMs: 60_000 } };

export interface StorageClient {
  readonly source: BlobServiceClient | ContainerClient;
  /** Which credential was used, for messages. */
  readonly credential: "AZURE_STORAGE_CONNECTION_STRING" | "the SAS in the URL" | "DefaultAzureCredential";
  /** Secrets the messages must never show (account key, SAS). */
  readonly secrets: readonly string[];
}

function connectionStringPart(cs: string, key: string): string | undefined {
  for (const part of cs.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === key.toLowerCase()) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The client for a target, with the first credential that applies. */
export function storageClient(target: StorageTarget, env: NodeJS.ProcessEnv = process.env): StorageClient {
  const cs = env.AZURE_STORAGE_CONNECTION_STRING;
  let service: BlobServiceClient;
  let credential: StorageClient["credential"];
  const secrets: string[] = [];
  if (cs !== undefined && cs.trim() !== "") {
    for (const key of ["AccountKey", "SharedAccessSignature"]) {
      const v = connectionStringPart(cs, key);
      if (v) secrets.push(v);
    }
    try {
      service = BlobServiceClient.fromConnectionString(cs, PIPELINE);
    } catch {
      // The SDK's message may quote the string: never shown.
      throw InputError.of({ at: "AZURE_STORAGE_CONNECTION_STRING" }, "not a Storage connection string (expected AccountName=...;AccountKey=... or BlobEndpoint=...;SharedAccessSignature=...)");
    }
    if (service.accountName !== "" && service.accountName !== target.account) {
      throw InputError.of(
        { at: "AZURE_STORAGE_CONNECTION_STRING" },
        `it is for account ${service.accountName}, but --storage names account ${target.account}: unset it to use the URL's SAS or DefaultAzureCredential`,
      );
    }
    credential = "AZURE_STORAGE_CONNECTION_STRING";
  } else if (target.sas !== undefined) {
    secrets.push(target.sas.slice(1));
    service = new BlobServiceClient(`${target.accountUrl}${target.sas}`, undefined, PIPELINE);
    credential = "the SAS in the URL";
  } else {
    service = new BlobServiceClient(target.accountUrl, new DefaultAzureCredential(), PIPELINE);
    credential = "DefaultAzureCredential";
  }
  for (const s of [...secrets]) {
    const sig = /(?:^|&)sig=([^&]+)/.exec(s)?.[1];
    if (sig) secrets.push(sig, decodeURIComponent(sig));
  }
  return { source: target.container === undefined ? service : service.getContainerClient(target.container), credential, secrets };
}

const SAS_SIG = /\b(sig|AccountKey|SharedAccessSignature|SharedAccessKey)=([^&;\s"']+)/gi;
const MAC = /(signature found in the HTTP request ')[^']*(')/gi;

/** redactSecrets, plus Storage's own: keys and SAS signatures, by name and by value. */
export function redactStorage(text: string, secrets: readonly string[]): string {
  let out = redactSecrets(text).replace(SAS_SIG, "$1=[redacted]").replace(MAC, "$1[redacted]$2");
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join("[redacted]");
  return out;
}

interface StorageErrorLike {
  name?: string;
  code?: string;
  message?: string;
  details?: { errorCode?: string; message?: string; Code?: string; Message?: string } | unknown;
}

/** The service's error code: RestError.code, or the parsed body's. */
function storageCode(e: unknown): string | undefined {
  const err = e as StorageErrorLike;
  const d = err?.details as Record<string, unknown> | undefined;
  const fromDetails = d && typeof d === "object" ? (d.errorCode ?? d.Code) : undefined;
  if (typeof fromDetails === "string") return fromDetails;
  return typeof err?.code === "string" && !/^E[A-Z]+$/.test(err.code) ? err.code : undefined;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "") ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|ECONNABORTED|UND_ERR_SOCKET)$/;

function networkCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++, x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK.test(code) || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/.test(code))) return code;
  }
  return undefined;
}

/** What kqlgen was doing: "listing the blobs of container X", "reading blob Y". */
export interface StorageContext {
  readonly target: StorageTarget;
  readonly client: StorageClient;
  readonly what: string;
  /** The container concerned, when it is one. */
  readonly container?: string;
}

/** Turns any failure talking to Storage into a one-line LiveError (exit 3), secrets redacted. */
export function describeStorageFailure(e: unknown, ctx: StorageContext): LiveError {
  if (e instanceof LiveError) return e;
  const err = e as StorageErrorLike;
  const where = `Azure Storage (${ctx.target.display})`;
  const make = (kind: ConstructorParameters<typeof LiveError>[0], message: string) => new LiveError(kind, redactStorage(message, ctx.client.secrets));
  if (err?.name === "CredentialUnavailableError" || err?.name === "AggregateAuthenticationError") {
    return make(
      "credential",
      `no Azure credential is available for ${where} (${firstLine(err.message ?? "")}): set AZURE_STORAGE_CONNECTION_STRING, put a SAS in the URL, or sign in with "az login" (DefaultAzureCredential)`,
    );
  }
  if (err?.name === "AuthenticationError") return make("sign-in", `sign-in failed for ${where} (${firstLine(err.message ?? "")})`);
  const status = statusOf(e);
  const code = storageCode(e);
  const detail = `${status ?? ""}${code ? ` ${code}` : ""}`.trim();
  if (status === undefined) {
    const net = networkCode(e);
    if (net) {
      if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/.test(net)) return make("tls", `the TLS certificate of ${where} is not trusted (${net}) while ${ctx.what}: if a proxy inspects TLS traffic, trust its CA certificate with NODE_EXTRA_CA_CERTS`);
      return make("network", `cannot reach ${where} while ${ctx.what} (${net}): check the URL, the network or proxy (HTTPS_PROXY)`);
    }
    if (/bearer token authentication is not permitted/i.test(err?.message ?? "")) {
      return make("credential", `${where} is plain http: DefaultAzureCredential's tokens are sent over https only; use AZURE_STORAGE_CONNECTION_STRING or a SAS in the URL`);
    }
    return make("bad-response", `${where} failed while ${ctx.what} (${firstLine(err?.message ?? String(e))})`);
  }
  if (status === 403 || status === 401) {
    const details = err?.details as { message?: unknown; Message?: unknown } | undefined;
    const text = `${err?.message ?? ""} ${String(details?.message ?? details?.Message ?? "")}`;
    // AuthenticationFailed: the signature (key or SAS) was not accepted. (Azurite says so with AuthorizationFailure and the same words.)
    const authentication = code === "AuthenticationFailed" || /failed to authenticate/i.test(text);
    const hint = authentication
      ? ctx.client.credential === "AZURE_STORAGE_CONNECTION_STRING"
        ? "the account key in AZURE_STORAGE_CONNECTION_STRING is wrong (or was rotated)"
        : ctx.client.credential === "the SAS in the URL"
          ? "the SAS in the URL is malformed, expired or was revoked"
          : "the request's signature was not accepted"
      : code === "AuthorizationPermissionMismatch"
        ? ctx.client.credential === "DefaultAzureCredential"
          ? "the signed-in identity needs the Storage Blob Data Reader role on the account or container"
          : "the SAS does not allow listing and reading (it needs the l and r permissions, for containers and objects)"
        : code === "AuthorizationFailure"
          ? "the request is not authorized: the SAS or identity lacks list and read permissions, or the account's firewall does not admit this network"
          : "access was denied";
    return make("forbidden", `${where} denied access while ${ctx.what} (${detail}, with ${ctx.client.credential}): ${hint}`);
  }
  if (status === 404) {
    if (code === "ContainerNotFound") {
      const name = `no container ${ctx.container ?? "of that name"}`;
      return make("not-found", `${where} has ${name} (404 ContainerNotFound): check the URL and --tables (the export writes to insights-logs-advancedhunting-<table in lower case>)`);
    }
    return make("not-found", `${where} found nothing while ${ctx.what} (${detail}): check the account and container in the URL`);
  }
  if (status === 429 || status === 503) {
    const after = retryAfterMs(e);
    return make(
      "throttled",
      `${where} is busy or throttling requests (${detail}${after !== undefined ? `, Retry-After ${Math.ceil(after / 1000)} s` : ""}) while ${ctx.what}, after ${PIPELINE.retryOptions!.maxTries} attempts: try again in a few minutes, or read a shorter window (--since/--until) or fewer --tables`,
    );
  }
  if (status >= 500) return make("server", `${where} failed with ${detail} while ${ctx.what}: the service may be having problems; try again later`);
  return make("bad-request", `${where} rejected the request while ${ctx.what} (${detail}${err?.message ? `: ${firstLine(err.message)}` : ""})`);
}
