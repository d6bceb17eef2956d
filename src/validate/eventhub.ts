/**
 * `kqlgen validate --event-hub`: live traffic of an event hub, read from the
 * latest position for a bounded time (or number of records), checked by the
 * same generated validators and reported like files. Never writes a
 * checkpoint: no checkpoint store is given to the client, and nothing calls
 * `updateCheckpoint`.
 *
 * Connection: `EVENTHUB_CONNECTION_STRING` (its `EntityPath`, or the hub
 * named on the command line), or `EVENTHUB_NAMESPACE` plus a hub name with
 * `DefaultAzureCredential`. No key or token is ever printed.
 */
import { EXIT, InputError, type InputProblem } from "../model/errors.js";
import { redactSecrets } from "../sources/live/errors.js";
import { FileRun } from "./index.js";
import { loadValidators } from "./load.js";
import { Findings, type ValidateReport } from "./report.js";

export interface EventHubValidateOptions {
  /** Folder of schema files; undefined: the config's `schemas`. */
  readonly schemas?: string;
  /** The generated package to load the validators from when current; undefined: the config's `out`. */
  readonly out?: string;
  readonly config?: string;
  /** Read symbolic links in the schemas folder that lead outside it. */
  readonly followSymlinks?: boolean;
  /** The hub name (overrides the connection string's EntityPath; required with a namespace). */
  readonly hub?: string;
  readonly consumerGroup: string;
  /** Stop after this many records. */
  readonly maxRecords: number;
  /** Stop after this many seconds. */
  readonly maxWaitSeconds: number;
  readonly strict: boolean;
  /** Environment (process.env): the connection settings. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Config warnings (an override naming a table the schemas lack), once the validators are loaded. */
  readonly warn?: (problem: InputProblem) => void;
}

export interface EventHubReport extends ValidateReport {
  readonly eventHub: {
    readonly namespace: string;
    readonly hub: string;
    readonly consumerGroup: string;
    readonly partitions: readonly string[];
    readonly events: number;
    readonly seconds: number;
    /** Why reading stopped. */
    readonly stoppedBy: "max-records" | "max-wait";
  };
}

/** A failed service call (sign-in, permissions, the hub, the network): exit 3, one line. */
export class EventHubError extends Error {
  readonly exitCode = EXIT.pullFailed;
}

interface Connection {
  readonly namespace: string;
  readonly hub: string;
  /** Secrets to keep out of every message. */
  readonly secrets: readonly string[];
  create(consumerGroup: string, options: object): Promise<ConsumerClient>;
}

// The parts of EventHubConsumerClient used here (loaded on demand).
interface ConsumerClient {
  getPartitionIds(options?: object): Promise<string[]>;
  subscribe(handlers: object, options: object): { close(): Promise<void> };
  close(): Promise<void>;
}

interface ReceivedEvent {
  readonly body: unknown;
  readonly sequenceNumber: number;
}

/** Parses the connection settings from the environment; InputError (exit 2) when they are missing or malformed. */
function connection(options: EventHubValidateOptions): Connection {
  const cs = options.env.EVENTHUB_CONNECTION_STRING;
  if (cs !== undefined && cs.trim() !== "") {
    const fields = new Map<string, string>();
    for (const part of cs.split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0) fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    const endpoint = fields.get("endpoint");
    const hub = options.hub ?? fields.get("entitypath");
    const key = fields.get("sharedaccesskey");
    const sas = fields.get("sharedaccesssignature");
    const host = endpoint === undefined ? undefined : /^sb:\/\/([^/;]+)\/?$/i.exec(endpoint)?.[1];
    const problems: string[] = [];
    if (host === undefined) problems.push("its Endpoint is missing or not sb://<namespace>/");
    if (key === undefined && sas === undefined)
      problems.push("it has neither SharedAccessKey nor SharedAccessSignature");
    if (key !== undefined && fields.get("sharedaccesskeyname") === undefined)
      problems.push("its SharedAccessKeyName is missing");
    if (hub === undefined || hub === "") problems.push("it names no hub (EntityPath): name one with --event-hub <hub>");
    if (problems.length > 0) {
      throw InputError.of(
        { at: "EVENTHUB_CONNECTION_STRING" },
        `EVENTHUB_CONNECTION_STRING is not an Event Hubs connection string: ${problems.join("; ")}`,
      );
    }
    const secrets = [key, sas].filter((s): s is string => s !== undefined && s !== "");
    return {
      namespace: host!,
      hub: hub!,
      secrets,
      async create(consumerGroup, clientOptions) {
        const { EventHubConsumerClient } = await import("@azure/event-hubs");
        // The hub named on the command line wins over EntityPath.
        const withHub =
          options.hub === undefined ? cs : `${cs.replace(/;?\s*EntityPath=[^;]*/i, "")};EntityPath=${options.hub}`;
        return new EventHubConsumerClient(consumerGroup, withHub, clientOptions) as unknown as ConsumerClient;
      },
    };
  }
  const namespace = options.env.EVENTHUB_NAMESPACE;
  const hub = options.hub ?? options.env.EVENTHUB_NAME;
  if (namespace === undefined || namespace.trim() === "") {
    throw InputError.of(
      { at: "--event-hub" },
      "--event-hub needs EVENTHUB_CONNECTION_STRING, or EVENTHUB_NAMESPACE (<namespace>.servicebus.windows.net) with a hub (--event-hub <hub> or EVENTHUB_NAME) and a sign-in DefaultAzureCredential can use",
    );
  }
  if (hub === undefined || hub === "") {
    throw InputError.of(
      { at: "--event-hub" },
      "EVENTHUB_NAMESPACE is set but no hub is named: expected --event-hub <hub> or EVENTHUB_NAME",
    );
  }
  const host = namespace
    .trim()
    .replace(/^sb:\/\//i, "")
    .replace(/\/+$/, "");
  return {
    namespace: host,
    hub,
    secrets: [],
    async create(consumerGroup, clientOptions) {
      const [{ EventHubConsumerClient }, { DefaultAzureCredential }] = await Promise.all([
        import("@azure/event-hubs"),
        import("@azure/identity"),
      ]);
      return new EventHubConsumerClient(
        consumerGroup,
        host,
        hub,
        new DefaultAzureCredential(),
        clientOptions,
      ) as unknown as ConsumerClient;
    },
  };
}

/** One line naming what failed, with the service's reason; secrets removed. */
function failure(c: Connection, consumerGroup: string, e: unknown): EventHubError {
  // The SDK's retries end in an AggregateError of the attempts, a credential chain in an error listing each
  // credential's: the last one says why.
  for (let i = 0; i < 5; i++) {
    const inner = (e as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(inner) || inner.length === 0) break;
    e = inner[inner.length - 1];
  }
  const err = e as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof err?.code === "string" ? err.code : typeof err?.name === "string" ? err.name : "Error";
  let message = typeof err?.message === "string" ? err.message : String(e);
  for (const s of c.secrets) message = message.split(s).join("[redacted]");
  message = redactSecrets(message)
    .replace(/(SharedAccessKey|SharedAccessSignature)=[^;"\s]*/gi, "$1=[redacted]")
    .replace(/\bsig=[^&\s"]*/g, "sig=[redacted]");
  const line =
    message
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== "") ?? "";
  const short = line.length > 240 ? `${line.slice(0, 239)}…` : line;
  return new EventHubError(
    `cannot read event hub ${c.hub} (consumer group ${consumerGroup}) at ${c.namespace}: ${code}${short === "" ? "" : `: ${short}`}`,
  );
}

/** Errors after which reading cannot go on (the SDK retries the others itself). */
function fatal(e: unknown): boolean {
  const err = e as { code?: unknown; retryable?: unknown };
  return typeof err === "object" && err !== null && err.retryable !== true;
}

export async function validateEventHub(options: EventHubValidateOptions): Promise<EventHubReport> {
  const c = connection(options);
  const validators = await loadValidators({ schemas: options.schemas, out: options.out, config: options.config, followSymlinks: options.followSymlinks === true });
  for (const w of validators.warnings) options.warn?.(w);
  const findings = new Findings(validators);
  const client = await c.create(options.consumerGroup, {
    retryOptions: { maxRetries: 2, timeoutInMs: 15_000, retryDelayInMs: 500 },
  });
  const started = Date.now();
  let partitions: string[];
  try {
    partitions = await client.getPartitionIds();
  } catch (e) {
    await client.close().catch(() => undefined);
    throw failure(c, options.consumerGroup, e);
  }
  let events = 0;
  let stoppedBy: "max-records" | "max-wait" = "max-wait";
  let failed: EventHubError | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(finish, options.maxWaitSeconds * 1000);
  const { latestEventPosition } = await import("@azure/event-hubs");
  const subscription = client.subscribe(
    {
      processEvents: async (batch: readonly ReceivedEvent[], context: { partitionId: string }) => {
        for (const event of batch) {
          if (findings.records >= options.maxRecords) break;
          events++;
          const bytes =
            event.body instanceof Uint8Array
              ? Buffer.from(event.body.buffer, event.body.byteOffset, event.body.byteLength)
              : Buffer.from(JSON.stringify(event.body ?? null));
          const run = new FileRun(`${c.hub}/${context.partitionId}#${event.sequenceNumber}`, findings, validators);
          findings.where = run.where;
          findings.bytes += bytes.length;
          run.scanner.feed(bytes, 0, bytes.length, true);
        }
        if (findings.records >= options.maxRecords) {
          stoppedBy = "max-records";
          finish();
        }
      },
      processError: async (e: unknown) => {
        if (fatal(e) && failed === undefined) {
          failed = failure(c, options.consumerGroup, e);
          finish();
        }
      },
    },
    // Raw bytes: longs stay exact, bad bodies stay visible. No checkpoint store: nothing is ever checkpointed.
    { startPosition: latestEventPosition, skipParsingBodyAsJson: true, maxBatchSize: 100, maxWaitTimeInSeconds: 1 },
  );
  await finished;
  clearTimeout(timer);
  await subscription.close().catch(() => undefined);
  await client.close().catch(() => undefined);
  if (failed !== undefined) throw failed;
  findings.files = events;
  const report = findings.report(options.strict);
  return {
    ...report,
    eventHub: {
      namespace: c.namespace,
      hub: c.hub,
      consumerGroup: options.consumerGroup,
      partitions,
      events,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      stoppedBy,
    },
  };
}

/** The text report's first line, about the hub instead of files. */
export function eventHubHeadline(r: EventHubReport, text: string): string {
  const h = r.eventHub;
  const what = `event hub ${h.hub} at ${h.namespace} (consumer group ${h.consumerGroup}, ${h.partitions.length} partitions, from latest, ${h.seconds} s, stopped by --${h.stoppedBy})`;
  const events = `${h.events.toLocaleString("en-US")} event${h.events === 1 ? "" : "s"}`;
  return text.replace(/^kqlgen validate: [^(]*\(([^)]*)\)/, `kqlgen validate: ${what}\n  ${events} ($1)`);
}
