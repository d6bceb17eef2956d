/**
 * Plain HTTPS calls through the Azure SDK's own pipeline (`@azure/core-rest-pipeline`):
 * the workspace metadata API and Microsoft Graph `runHuntingQuery`, signed with
 * the same credential as the Logs query client (bearer token for the given
 * scope), the same proxy handling and the same agent. Retries are kqlgen's own
 * (see retry.ts), so the pipeline's are off.
 */
import type { Agent } from "node:https";
import type { TokenCredential } from "@azure/identity";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  RestError,
  type HttpClient,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";

/**
 * The largest answer kqlgen reads (after decompression). A getschema answer is
 * kilobytes and a workspace's metadata megabytes: anything near this is not
 * a schema, and reading it whole would take the memory of the machine.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** An answer larger than kqlgen reads: the reading stopped there. */
export class AnswerTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly status: number,
  ) {
    super(`the answer is larger than ${Math.round(limit / (1024 * 1024))} MB`);
    this.name = "AnswerTooLargeError";
  }
}

function abortError(): Error {
  const e = new Error("The operation was aborted: the answer did not arrive in time.");
  e.name = "AbortError";
  return e;
}

/** Reads a response stream to text, stopping past `limit` bytes or when `signal` aborts. */
function readCapped(stream: NodeJS.ReadableStream, limit: number, status: number, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (error: Error | undefined, text?: string) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      stream.removeListener("data", onData);
      if (error) {
        chunks.length = 0;
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(error);
      } else resolve(text!);
    };
    const onAbort = () => finish(abortError());
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > limit) return finish(new AnswerTooLargeError(limit, status));
      chunks.push(b);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort);
    stream.on("data", onData);
    stream.once("end", () => finish(undefined, Buffer.concat(chunks, total).toString("utf8")));
    stream.once("error", (e: Error) => finish(e?.name === "AbortError" || signal.aborted ? abortError() : e));
  });
}

/**
 * The HTTP client every live request goes through: the Azure SDK's own, with
 * two bounds it lacks. The timeout covers the whole answer (the SDK's stops
 * at the headers, so a stalled or dripping body hung for ever), and the
 * answer is read up to MAX_ANSWER_BYTES after decompression (a huge body or
 * a gzip bomb is cut off, not buffered).
 */
export class BoundedHttpClient implements HttpClient {
  private readonly inner: HttpClient = createDefaultHttpClient();
  constructor(private readonly maxBytes: number = MAX_ANSWER_BYTES) {}

  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const controller = new AbortController();
    const outer = request.abortSignal;
    const onOuter = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener("abort", onOuter);
    const timer = request.timeout > 0 ? setTimeout(() => controller.abort(), request.timeout) : undefined;
    const streaming = request.streamResponseStatusCodes;
    request.abortSignal = controller.signal;
    request.streamResponseStatusCodes = new Set([Number.POSITIVE_INFINITY]);
    if (!request.headers.has("accept-encoding")) request.headers.set("accept-encoding", "gzip, deflate");
    try {
      const response = await this.inner.sendRequest(request);
      const body = response.readableStreamBody;
      if (body) {
        response.bodyAsText = await readCapped(body, this.maxBytes, response.status, controller.signal);
        response.readableStreamBody = undefined;
      }
      return response;
    } catch (e) {
      if (controller.signal.aborted && !(e instanceof AnswerTooLargeError)) throw abortError();
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
      request.abortSignal = outer;
      request.streamResponseStatusCodes = streaming;
    }
  }
}

export const USER_AGENT_PREFIX = "kqlgen";

export interface ServiceClientOptions {
  readonly credential: TokenCredential;
  readonly scopes: readonly string[];
  /** An HTTPS agent (tests pass one that trusts their loopback server's certificate). */
  readonly agent?: Agent;
  /** Default MAX_ANSWER_BYTES. */
  readonly maxAnswerBytes?: number;
}

export interface JsonRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly body?: unknown;
  readonly timeoutMs: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses a 200 answer's JSON object; anything else becomes a RestError carrying the response. */
function readJson(response: PipelineResponse): Record<string, unknown> {
  const text = response.bodyAsText ?? "";
  if (response.status !== 200) {
    let message = `Unexpected status code: ${response.status}`;
    let code: string | undefined;
    try {
      const json: unknown = JSON.parse(text);
      if (isObject(json) && isObject(json.error)) {
        if (typeof json.error.message === "string") message = json.error.message;
        if (typeof json.error.code === "string") code = json.error.code;
      }
    } catch {
      // not JSON: the message stays the status
    }
    throw new RestError(message, { statusCode: response.status, request: response.request, response, ...(code ? { code } : {}) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RestError(text.trim() === "" ? "the answer is empty: expected JSON" : "the answer is not JSON", {
      statusCode: response.status,
      request: response.request,
      response,
    });
  }
  if (!isObject(json)) {
    throw new RestError("the answer is not a JSON object", { statusCode: response.status, request: response.request, response });
  }
  return json;
}

/** A client that sends JSON requests with a bearer token and returns the parsed JSON answer. */
export class JsonServiceClient {
  private readonly pipeline;
  private readonly httpClient: HttpClient;

  constructor(options: ServiceClientOptions) {
    this.httpClient = new BoundedHttpClient(options.maxAnswerBytes);
    this.pipeline = createPipelineFromOptions({
      retryOptions: { maxRetries: 0 },
      userAgentOptions: { userAgentPrefix: USER_AGENT_PREFIX },
      ...(options.agent ? { agent: options.agent } : {}),
    });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: options.credential, scopes: [...options.scopes] }));
  }

  async send(request: JsonRequest): Promise<Record<string, unknown>> {
    const headers = createHttpHeaders({ accept: "application/json" });
    if (request.body !== undefined) headers.set("content-type", "application/json");
    const pipelineRequest = createPipelineRequest({
      url: request.url,
      method: request.method,
      headers,
      timeout: request.timeoutMs,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    const response = await this.pipeline.sendRequest(this.httpClient, pipelineRequest);
    return readJson(response);
  }
}

/**
 * A pipeline policy for the Logs query client: an answer that is not 200 and
 * carries no JSON `error` object (an HTML 502 page, an empty 504), or a 200/204
 * without a JSON body, makes the SDK throw a bare TypeError while reading it.
 * This policy turns such answers into a RestError with the status and
 * response, so they are reported (and retried) like any other HTTP failure.
 */
export const unreadableAnswerPolicy: PipelinePolicy = {
  name: "kqlgenUnreadableAnswerPolicy",
  async sendRequest(request, next) {
    const response = await next(request);
    const text = response.bodyAsText;
    let json: unknown;
    try {
      json = typeof text === "string" && text.trim() !== "" ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const readable = response.status === 200 ? isObject(json) : isObject(json) && isObject(json.error);
    if (!readable) {
      const message =
        response.status === 200 || response.status === 204
          ? text && text.trim() !== ""
            ? "the answer is not a JSON object"
            : "the answer is empty: expected JSON"
          : `Unexpected status code: ${response.status}`;
      throw new RestError(message, { statusCode: response.status, request, response });
    }
    return response;
  },
};
