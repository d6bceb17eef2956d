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
  type PipelineResponse,
} from "@azure/core-rest-pipeline";

export const USER_AGENT_PREFIX = "kqlgen";

export interface ServiceClientOptions {
  readonly credential: TokenCredential;
  readonly scopes: readonly string[];
  /** An HTTPS agent (tests pass one that trusts their loopback server's certificate). */
  readonly agent?: Agent;
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
  private readonly httpClient: HttpClient = createDefaultHttpClient();

  constructor(options: ServiceClientOptions) {
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
