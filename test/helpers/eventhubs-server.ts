/**
 * A loopback Event Hubs namespace for tests: it speaks the AMQP 1.0 dialect of
 * Azure Event Hubs on 127.0.0.1, on the `rhea` AMQP library, so the real
 * `@azure/event-hubs` clients run against it unchanged. A connection string
 * with `UseDevelopmentEmulator=true` makes the SDK use plain TCP.
 *
 * Written from the protocol as the service documents it and as the SDK
 * (@azure/event-hubs 6, @azure/core-amqp 4) speaks it:
 *
 * - SASL: the SDK offers ANONYMOUS (with the key name as its trace); PLAIN is
 *   accepted too. Authorization is claims-based, over `$cbs`.
 * - `$cbs`: a request/response pair of links; `put-token` with a SAS token
 *   (`SharedAccessSignature sr=&sig=&se=&skn=`, HMAC-SHA256 of
 *   `encodeURIComponent(sr) + "\n" + se` under the key) or a JWT the test
 *   allows. The reply carries `status-code` / `status-description`.
 * - `$management`: READ of `com.microsoft:eventhub` (hub properties) and
 *   `com.microsoft:partition` (partition properties), each authorized by its
 *   `security_token` application property.
 * - Receivers on `<hub>/ConsumerGroups/<cg>/Partitions/<id>` with the
 *   `apache.org:selector-filter:string` source filter on
 *   `amqp.annotation.x-opt-offset` / `x-opt-sequence-number` /
 *   `x-opt-enqueued-time` with `>` or `>=`; offsets `-1` (start) and
 *   `@latest` (end).
 * - The `com.microsoft:epoch` attach property (owner level): a receiver with
 *   an equal or higher epoch disconnects the others with `amqp:link:stolen`; a
 *   lower epoch, or no epoch while an epoch receiver holds the partition, is
 *   refused with the same condition; at most 5 receivers without epoch.
 * - Messages carry the annotations `x-opt-sequence-number` (long),
 *   `x-opt-offset` (string), `x-opt-enqueued-time` (timestamp) and, when sent
 *   with one, `x-opt-partition-key`. Deliveries follow the link credit the
 *   receiver grants, pre-settled. A receiver that desires the
 *   `com.microsoft:enable-receiver-runtime-metric` capability also gets the
 *   partition's last enqueued sequence number, offset and time as delivery
 *   annotations (what `trackLastEnqueuedEventProperties` reads).
 * - Senders on `<hub>` (the service picks the partition: by partition key, or
 *   round robin) or `<hub>/Partitions/<id>`; a sent batch
 *   (`x-opt-batch`-style message format 0x80013700) is split into its events.
 *
 * Tests can also enqueue straight into a partition (`enqueue`).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AddressInfo, Server } from "node:net";
import rhea from "rhea";

// rhea's own types are loose; the few shapes used here are spelled out.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Link = any;
type Connection = any;

export interface HubSpec {
  readonly name: string;
  /** Number of partitions, ids "0".."n-1" (default 4). */
  readonly partitions?: number;
  /** Consumer groups besides `$default`. */
  readonly consumerGroups?: readonly string[];
}

export interface EventHubsFixtureOptions {
  readonly hubs: readonly HubSpec[];
  /** Shared access policy name and key (default "RootManageSharedAccessKey" and a fixed test key). */
  readonly keyName?: string;
  readonly key?: string;
  /** JWTs the `$cbs` endpoint accepts (for token-credential tests). */
  readonly jwts?: readonly string[];
  /** Host name clients must use in audiences (default: any). */
  readonly namespace?: string;
}

export interface StoredEvent {
  readonly body: Buffer;
  readonly sequenceNumber: number;
  readonly offset: string;
  readonly enqueuedTime: Date;
  readonly partitionKey?: string;
  readonly properties?: Record<string, unknown>;
}

interface Claim {
  /** The audience the token was put for, as a path (`hub/ConsumerGroups/...`), lower-cased. */
  readonly path: string;
  readonly expires: number;
}

interface ReceiverLink {
  readonly link: Link;
  readonly epoch: number | undefined;
  /** Index in the partition's events of the next one to deliver. */
  next: number;
  /** The receiver asked for the partition's last enqueued event with every delivery. */
  readonly runtimeMetrics: boolean;
  readonly connection: Connection;
}

class Partition {
  readonly events: StoredEvent[] = [];
  private nextOffset = 0;
  /** Receivers per consumer group (lower-cased). */
  readonly receivers = new Map<string, ReceiverLink[]>();

  constructor(
    readonly hub: string,
    readonly id: string,
  ) {}

  append(
    body: Buffer,
    options: { partitionKey?: string; properties?: Record<string, unknown>; enqueuedTime?: Date },
  ): StoredEvent {
    const last = this.events[this.events.length - 1];
    let time = options.enqueuedTime ?? new Date();
    // Enqueued times never go backwards within a partition.
    if (last !== undefined && time.getTime() < last.enqueuedTime.getTime())
      time = new Date(last.enqueuedTime.getTime());
    const event: StoredEvent = {
      body,
      sequenceNumber: this.events.length,
      offset: String(this.nextOffset),
      enqueuedTime: time,
      ...(options.partitionKey === undefined ? {} : { partitionKey: options.partitionKey }),
      ...(options.properties === undefined ? {} : { properties: options.properties }),
    };
    // Offsets are byte positions in the partition's log (as the service's are, roughly).
    this.nextOffset += body.length + 64;
    this.events.push(event);
    return event;
  }
}

class Hub {
  readonly partitions: Partition[];
  readonly consumerGroups: Set<string>;
  readonly createdAt = new Date("2026-01-01T00:00:00Z");
  private roundRobin = 0;

  constructor(spec: HubSpec) {
    const n = spec.partitions ?? 4;
    this.partitions = Array.from({ length: n }, (_, i) => new Partition(spec.name, String(i)));
    this.consumerGroups = new Set(["$default", ...(spec.consumerGroups ?? [])].map((c) => c.toLowerCase()));
  }

  partitionFor(key: string | undefined): Partition {
    if (key === undefined) return this.partitions[this.roundRobin++ % this.partitions.length]!;
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
    return this.partitions[h % this.partitions.length]!;
  }
}

export const TEST_KEY_NAME = "RootManageSharedAccessKey";
/** A throwaway key for the fixture (base64, like a real one). */
export const TEST_KEY = Buffer.from("kqlgen-eventhubs-fixture-test-key-0123456789").toString("base64");

/** AMQP error conditions the service uses. */
const STOLEN = "amqp:link:stolen";
const NOT_FOUND = "amqp:not-found";
const UNAUTHORIZED = "amqp:unauthorized-access";
const ARGUMENT = "com.microsoft:argument-error";
const OUT_OF_RANGE = "com.microsoft:argument-out-of-range";
const QUOTA = "amqp:resource-limit-exceeded";

const MAX_NON_EPOCH_RECEIVERS = 5;
/** The receiver capability that asks for the partition's last enqueued event on every delivery. */
const RUNTIME_METRIC = "com.microsoft:enable-receiver-runtime-metric";
const MAX_MESSAGE_SIZE = 1024 * 1024;
/** The message format of a batch of events sent as one AMQP message (`EventDataBatch`). */
const BATCH_FORMAT = 0x80013700;

function error(condition: string, description: string): { condition: string; description: string } {
  return { condition, description };
}

/** The string inside a described/wrapped AMQP value as rhea hands it to us. */
function unwrap(value: unknown): unknown {
  let v: any = value;
  for (let i = 0; i < 4 && v !== null && typeof v === "object" && !Buffer.isBuffer(v) && "value" in v; i++) v = v.value;
  return v;
}

/** A number from an AMQP long (rhea decodes small longs to numbers, big ones to Buffers). */
function toNumber(value: unknown): number | undefined {
  const v = unwrap(value);
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (Buffer.isBuffer(v) && v.length === 8) return Number(v.readBigInt64BE(0));
  return undefined;
}

export interface StartPosition {
  readonly kind: "offset" | "sequence" | "enqueued";
  readonly inclusive: boolean;
  readonly value: string;
}

const FILTER = /^amqp\.annotation\.x-opt-(offset|sequence-number|enqueued-time)\s*(>=|>)\s*'([^']*)'$/;

/** Parses the selector filter the SDK sends; undefined when it is not one this dialect knows. */
export function parseSelector(text: string): StartPosition | undefined {
  const m = FILTER.exec(text.trim());
  if (m === null) return undefined;
  const kind = m[1] === "offset" ? "offset" : m[1] === "sequence-number" ? "sequence" : "enqueued";
  return { kind, inclusive: m[2] === ">=", value: m[3]! };
}

function getFilter(source: any): string | undefined {
  const filter = source?.filter;
  if (filter === undefined || filter === null) return undefined;
  for (const [key, value] of Object.entries(filter)) {
    if (key === "apache.org:selector-filter:string" || key.endsWith("selector-filter:string")) {
      const v = unwrap(value);
      return typeof v === "string" ? v : undefined;
    }
  }
  return undefined;
}

export interface RequestRecord {
  readonly operation: string;
  readonly type?: string;
  readonly name?: string;
}

export class EventHubsFixture {
  readonly host = "127.0.0.1";
  private readonly hubs = new Map<string, Hub>();
  private readonly keyName: string;
  private readonly key: string;
  private readonly jwts: ReadonlySet<string>;
  private readonly claims = new Map<Connection, Claim[]>();
  private readonly connections = new Set<Connection>();
  /** Everything `$cbs` and `$management` were asked, in order. */
  readonly requests: RequestRecord[] = [];
  /** Receiver links closed with `amqp:link:stolen`, as `<hub>/<cg>/<partition>`. */
  readonly stolen: string[] = [];
  private server: Server | undefined;
  private container: any;

  private constructor(options: EventHubsFixtureOptions) {
    for (const h of options.hubs) this.hubs.set(h.name.toLowerCase(), new Hub(h));
    this.keyName = options.keyName ?? TEST_KEY_NAME;
    this.key = options.key ?? TEST_KEY;
    this.jwts = new Set(options.jwts ?? []);
  }

  /** Starts the fixture on a free port of 127.0.0.1. */
  static async start(options: EventHubsFixtureOptions): Promise<EventHubsFixture> {
    const fixture = new EventHubsFixture(options);
    await fixture.listen();
    return fixture;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** A connection string for a hub (the real key unless another is given). */
  connectionString(hub: string, options: { keyName?: string; key?: string } = {}): string {
    return (
      `Endpoint=sb://${this.host}:${this.port};SharedAccessKeyName=${options.keyName ?? this.keyName};` +
      `SharedAccessKey=${options.key ?? this.key};EntityPath=${hub};UseDevelopmentEmulator=true`
    );
  }

  private hub(name: string): Hub {
    const hub = this.hubs.get(name.toLowerCase());
    if (hub === undefined) throw new Error(`no hub ${name} in the fixture`);
    return hub;
  }

  /** The stored events of a partition. */
  events(hub: string, partition: string): readonly StoredEvent[] {
    return this.partitionOf(hub, partition).events;
  }

  private partitionOf(hub: string, partition: string): Partition {
    const p = this.hub(hub).partitions.find((x) => x.id === partition);
    if (p === undefined) throw new Error(`no partition ${partition} in hub ${hub}`);
    return p;
  }

  /** Enqueues one event into a partition (as a producer would) and delivers it to waiting receivers. */
  enqueue(
    hub: string,
    partition: string,
    body: string | Uint8Array,
    options: { partitionKey?: string; properties?: Record<string, unknown>; enqueuedTime?: Date } = {},
  ): StoredEvent {
    const p = this.partitionOf(hub, partition);
    const event = p.append(typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body), options);
    this.pump(p);
    return event;
  }

  /** Receivers open on a partition for a consumer group: their epochs. */
  receivers(hub: string, consumerGroup: string, partition: string): (number | undefined)[] {
    const list = this.partitionOf(hub, partition).receivers.get(consumerGroup.toLowerCase()) ?? [];
    return list.map((r) => r.epoch);
  }

  /** Number of open client connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    for (const c of this.connections) {
      try {
        c.close();
      } catch {
        // already gone
      }
    }
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    await new Promise<void>((done) => {
      server.close(() => done());
      // Sockets of clients that never closed: end them so close() returns.
      for (const c of this.connections) c.socket?.destroy?.();
    });
    this.connections.clear();
  }

  private async listen(): Promise<void> {
    const container = (this.container = rhea.create_container({ id: "kqlgen-eventhubs-fixture" }));
    // The SDK authenticates over $cbs; SASL only names the client (ANONYMOUS). PLAIN is checked against the key.
    container.sasl_server_mechanisms.enable_anonymous();
    container.sasl_server_mechanisms.enable_plain(
      (username: string, password: string) => username === this.keyName && password === this.key,
    );
    container.on("connection_open", (context: any) => {
      this.connections.add(context.connection);
      this.claims.set(context.connection, []);
    });
    const forget = (context: any) => {
      this.dropConnection(context.connection);
    };
    container.on("connection_close", forget);
    container.on("disconnected", forget);
    container.on("error", () => {
      // Errors of a client's link or session (a client may detach with an error); nothing to do.
    });
    container.on("sender_open", (context: any) => this.onSenderOpen(context));
    container.on("receiver_open", (context: any) => this.onReceiverOpen(context));
    container.on("sendable", (context: any) => this.onSendable(context));
    container.on("message", (context: any) => {
      try {
        this.onMessage(context);
      } catch (e) {
        // A fixture bug must show, not hang the client: reject the delivery with the reason.
        context.delivery?.reject?.({
          condition: "amqp:internal-error",
          description: `fixture: ${e instanceof Error ? e.stack : String(e)}`,
        });
      }
    });
    container.on("sender_close", (context: any) => this.removeReceiverLink(context.sender));
    // require_sasl: no AMQP without a SASL exchange, as on the service (rhea reads it, its types do not list it).
    const listenOptions = { port: 0, host: this.host, require_sasl: true, idle_time_out: 0 };
    const server = container.listen(listenOptions as Parameters<typeof container.listen>[0]) as Server;
    this.server = server;
    await new Promise<void>((done, fail) => {
      server.once("listening", () => done());
      server.once("error", fail);
    });
  }

  private dropConnection(connection: Connection): void {
    this.connections.delete(connection);
    this.claims.delete(connection);
    for (const hub of this.hubs.values()) {
      for (const p of hub.partitions) {
        for (const [cg, list] of p.receivers) {
          const kept = list.filter((r) => r.connection !== connection);
          if (kept.length === 0) p.receivers.delete(cg);
          else p.receivers.set(cg, kept);
        }
      }
    }
  }

  // ---- authorization ----------------------------------------------------

  /** The path of an audience `sb://host[:port]/path` (lower-cased, no trailing slash). */
  private audiencePath(audience: string): string | undefined {
    const m = /^(?:sb|amqps?|https?):\/\/[^/]+\/?(.*)$/i.exec(audience);
    if (m === null) return undefined;
    return m[1]!.replace(/\/+$/, "").toLowerCase();
  }

  /** Checks a SAS token or an allowed JWT; returns the claim or why it is refused. */
  private checkToken(token: string, type: string | undefined): { claim?: Claim; problem?: string } {
    if (type === "jwt") {
      if (!this.jwts.has(token)) return { problem: "InvalidIssuer: Token issuer is invalid." };
      return { claim: { path: "", expires: Number.POSITIVE_INFINITY } };
    }
    if (!token.startsWith("SharedAccessSignature "))
      return { problem: "InvalidToken: the token is not a shared access signature." };
    const fields = new Map<string, string>();
    for (const part of token.slice("SharedAccessSignature ".length).split("&")) {
      const eq = part.indexOf("=");
      if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
    }
    const sr = fields.get("sr");
    const sig = fields.get("sig");
    const se = fields.get("se");
    const skn = fields.get("skn");
    if (sr === undefined || sig === undefined || se === undefined || skn === undefined) {
      return { problem: "InvalidToken: the shared access signature lacks sr, sig, se or skn." };
    }
    if (decodeURIComponent(skn) !== this.keyName) {
      return {
        problem: `InvalidSignature: The token has an invalid signature. (key name '${decodeURIComponent(skn)}' is not a policy of this namespace)`,
      };
    }
    const expected = createHmac("sha256", this.key).update(`${sr}\n${se}`, "utf8").digest();
    const given = Buffer.from(decodeURIComponent(sig), "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { problem: "InvalidSignature: The token has an invalid signature." };
    }
    const expires = Number(se) * 1000;
    if (!(expires > Date.now())) return { problem: "ExpiredToken: The token is expired." };
    const path = this.audiencePath(decodeURIComponent(sr));
    if (path === undefined) return { problem: "InvalidAudience: The token's audience is not a namespace address." };
    return { claim: { path, expires } };
  }

  private authorized(connection: Connection, entityPath: string): boolean {
    const path = entityPath.toLowerCase();
    const now = Date.now();
    for (const c of this.claims.get(connection) ?? []) {
      if (c.expires <= now) continue;
      if (c.path === "" || path === c.path || path.startsWith(`${c.path}/`)) return true;
    }
    return false;
  }

  // ---- links ------------------------------------------------------------

  /** A client receiver attached: the fixture sends on it (`$cbs`/`$management` replies, or partition events). */
  private onSenderOpen(context: any): void {
    const sender: Link = context.sender;
    const address: string = sender.source?.address ?? "";
    if (address === "$cbs" || address === "$management" || /\/\$management$/i.test(address)) {
      sender.set_source({ address });
      sender.set_target(sender.target ?? {});
      return;
    }
    const m = /^([^/]+)\/ConsumerGroups\/([^/]+)\/Partitions\/([^/]+)$/i.exec(address);
    if (m === null) {
      sender.close(error(NOT_FOUND, `The messaging entity '${address}' could not be found.`));
      return;
    }
    const [, hubName, cg, partitionId] = m as unknown as [string, string, string, string];
    const hub = this.hubs.get(hubName.toLowerCase());
    if (hub === undefined) {
      sender.close(error(NOT_FOUND, `The messaging entity 'sb://${this.host}/${hubName}' could not be found.`));
      return;
    }
    if (!hub.consumerGroups.has(cg.toLowerCase())) {
      sender.close(error(NOT_FOUND, `The messaging entity '${hubName}/ConsumerGroups/${cg}' could not be found.`));
      return;
    }
    const partition = hub.partitions.find((p) => p.id === partitionId);
    if (partition === undefined) {
      sender.close(
        error(
          ARGUMENT,
          `The specified partition is invalid for an EventHub partition sender or receiver. It should be between 0 and ${hub.partitions.length - 1}.`,
        ),
      );
      return;
    }
    if (!this.authorized(context.connection, address)) {
      sender.close(
        error(
          UNAUTHORIZED,
          `Unauthorized access. 'Listen' claim(s) are required to perform this operation. Resource: 'sb://${this.host}/${address}'.`,
        ),
      );
      return;
    }
    // Where to start: the selector filter.
    const filterText = getFilter(sender.source);
    let next = 0;
    if (filterText !== undefined) {
      const pos = parseSelector(filterText);
      if (pos === undefined) {
        sender.close(error(ARGUMENT, `The filter '${filterText}' is not a valid selector for an Event Hubs receiver.`));
        return;
      }
      const start = this.startIndex(partition, pos);
      if (typeof start === "string") {
        sender.close(error(OUT_OF_RANGE, start));
        return;
      }
      next = start;
    }
    // Owner level.
    const epoch = toNumber(sender.properties?.["com.microsoft:epoch"]);
    const key = cg.toLowerCase();
    const list = partition.receivers.get(key) ?? [];
    const epochHolders = list.filter((r) => r.epoch !== undefined);
    if (epoch === undefined) {
      if (epochHolders.length > 0) {
        sender.close(
          error(
            STOLEN,
            `At least one receiver for the endpoint is created with epoch of '${epochHolders[0]!.epoch}', and so non-epoch receiver is not allowed. Either reconnect with a higher epoch, or make sure all epoch receivers are closed or disconnected.`,
          ),
        );
        return;
      }
      if (list.length >= MAX_NON_EPOCH_RECEIVERS) {
        sender.close(
          error(
            QUOTA,
            `Exceeded the maximum number of allowed receivers per partition in a consumer group which is ${MAX_NON_EPOCH_RECEIVERS}.`,
          ),
        );
        return;
      }
    } else {
      const higher = epochHolders.find((r) => r.epoch! > epoch);
      if (higher !== undefined) {
        sender.close(
          error(
            STOLEN,
            `Receiver '${sender.name}' with epoch '${epoch}' cannot be created: a receiver with a higher epoch '${higher.epoch}' already exists. Make sure you are creating receivers with increasing epoch values, or that all old epoch receivers are closed or disconnected.`,
          ),
        );
        return;
      }
      for (const old of list) {
        this.stolen.push(`${hub.partitions[0]!.hub}/${cg}/${partitionId}`);
        old.link.close(
          error(
            STOLEN,
            `New receiver '${sender.name}' with higher epoch of '${epoch}' is created hence current receiver '${old.link.name}' with epoch '${old.epoch ?? "none"}' is getting disconnected. If you are recreating the receiver, make sure a higher epoch is used.`,
          ),
        );
      }
      list.length = 0;
    }
    sender.set_source(sender.source);
    sender.set_target(sender.target ?? {});
    // Deliveries are pre-settled: the receiver's position is its own business (checkpoints).
    sender.local.attach.snd_settle_mode = 1;
    sender.local.attach.offered_capabilities = sender.desired_capabilities;
    const desired: unknown = sender.desired_capabilities;
    const runtimeMetrics = (Array.isArray(desired) ? desired : [desired]).some((c) => String(unwrap(c)) === RUNTIME_METRIC);
    const entry: ReceiverLink = { link: sender, epoch, next, connection: context.connection, runtimeMetrics };
    list.push(entry);
    partition.receivers.set(key, list);
    sender.__partition = partition;
    sender.__entry = entry;
  }

  /** Index of the first event a start position selects, or why the position is invalid. */
  private startIndex(partition: Partition, pos: StartPosition): number | string {
    const events = partition.events;
    const last = events.length - 1;
    if (pos.kind === "offset") {
      if (pos.value === "@latest") return events.length;
      if (pos.value === "-1") return 0;
      if (!/^\d+$/.test(pos.value)) return `The supplied offset '${pos.value}' is invalid.`;
      const offset = Number(pos.value);
      const i = events.findIndex((e) => (pos.inclusive ? Number(e.offset) >= offset : Number(e.offset) > offset));
      return i === -1 ? events.length : i;
    }
    if (pos.kind === "sequence") {
      if (!/^-?\d+$/.test(pos.value)) return `The supplied sequence number '${pos.value}' is invalid.`;
      const seq = Number(pos.value);
      // The service refuses a position past the end: the next sequence number is the last one it accepts.
      if (seq > last + (pos.inclusive ? 1 : 0)) {
        return `The supplied sequence number '${seq}' is invalid. The last sequence number in the system is '${last}'.`;
      }
      const i = events.findIndex((e) => (pos.inclusive ? e.sequenceNumber >= seq : e.sequenceNumber > seq));
      return i === -1 ? events.length : i;
    }
    if (!/^-?\d+$/.test(pos.value)) return `The supplied enqueued time '${pos.value}' is invalid.`;
    const time = Number(pos.value);
    const i = events.findIndex((e) =>
      pos.inclusive ? e.enqueuedTime.getTime() >= time : e.enqueuedTime.getTime() > time,
    );
    return i === -1 ? events.length : i;
  }

  private removeReceiverLink(sender: Link): void {
    const partition: Partition | undefined = sender.__partition;
    const entry: ReceiverLink | undefined = sender.__entry;
    if (partition === undefined || entry === undefined) return;
    for (const [cg, list] of partition.receivers) {
      const i = list.indexOf(entry);
      if (i >= 0) {
        list.splice(i, 1);
        if (list.length === 0) partition.receivers.delete(cg);
      }
    }
  }

  private onSendable(context: any): void {
    const partition: Partition | undefined = context.sender.__partition;
    if (partition !== undefined) this.pump(partition);
  }

  /** Sends what each open receiver of the partition has credit for. */
  private pump(partition: Partition): void {
    for (const list of partition.receivers.values()) {
      for (const r of list) {
        const link = r.link;
        while (r.next < partition.events.length && link.is_open() && link.sendable()) {
          const e = partition.events[r.next++]!;
          link.send(this.toMessage(e, r.runtimeMetrics ? partition : undefined));
        }
      }
    }
  }

  private toMessage(e: StoredEvent, metricsOf?: Partition): object {
    const annotations: Record<string, unknown> = {
      "x-opt-sequence-number": rhea.types.wrap_long(e.sequenceNumber),
      "x-opt-offset": e.offset,
      "x-opt-enqueued-time": e.enqueuedTime,
    };
    if (e.partitionKey !== undefined) annotations["x-opt-partition-key"] = e.partitionKey;
    // With the runtime-metric capability, each delivery tells where the partition ends.
    const last = metricsOf?.events[metricsOf.events.length - 1];
    return {
      body: rhea.message.data_section(e.body),
      message_annotations: annotations,
      ...(last === undefined
        ? {}
        : {
            delivery_annotations: {
              last_enqueued_sequence_number: rhea.types.wrap_long(last.sequenceNumber),
              last_enqueued_offset: last.offset,
              last_enqueued_time_utc: last.enqueuedTime,
              runtime_info_retrieval_time_utc: new Date(),
            },
          }),
      ...(e.properties === undefined ? {} : { application_properties: e.properties }),
    };
  }

  /** A client sender attached: `$cbs`/`$management` requests, or events for a hub. */
  private onReceiverOpen(context: any): void {
    const receiver: Link = context.receiver;
    const address: string = receiver.target?.address ?? "";
    receiver.set_target({ address });
    receiver.set_source(receiver.source ?? {});
    if (address === "$cbs" || address === "$management" || /\/\$management$/i.test(address)) {
      receiver.__kind = address === "$cbs" ? "cbs" : "management";
      return;
    }
    const m = /^([^/]+)(?:\/Partitions\/([^/]+))?$/i.exec(address);
    const hub = m === null ? undefined : this.hubs.get(m[1]!.toLowerCase());
    if (m === null || hub === undefined) {
      receiver.close(error(NOT_FOUND, `The messaging entity '${address}' could not be found.`));
      return;
    }
    const partition = m[2] === undefined ? undefined : hub.partitions.find((p) => p.id === m[2]);
    if (m[2] !== undefined && partition === undefined) {
      receiver.close(
        error(
          ARGUMENT,
          `The specified partition is invalid for an EventHub partition sender or receiver. It should be between 0 and ${hub.partitions.length - 1}.`,
        ),
      );
      return;
    }
    if (!this.authorized(context.connection, address)) {
      receiver.close(
        error(
          UNAUTHORIZED,
          `Unauthorized access. 'Send' claim(s) are required to perform this operation. Resource: 'sb://${this.host}/${address}'.`,
        ),
      );
      return;
    }
    receiver.local.attach.max_message_size = MAX_MESSAGE_SIZE;
    receiver.local.attach.offered_capabilities = receiver.desired_capabilities;
    receiver.__kind = "events";
    receiver.__hub = hub;
    receiver.__partition = partition;
  }

  private onMessage(context: any): void {
    const receiver: Link = context.receiver;
    let message = context.message;
    if (receiver.__kind === "cbs") return this.onCbs(context, message);
    if (receiver.__kind === "management") return this.onManagement(context, message);
    if (receiver.__kind !== "events") return;
    const hub: Hub = receiver.__hub;
    const fixed: Partition | undefined = receiver.__partition;
    const events: { body: Buffer; annotations?: Record<string, unknown>; properties?: Record<string, unknown> }[] = [];
    if (context.format === BATCH_FORMAT) {
      // A batch (EventDataBatch), handed over undecoded (rhea decodes format 0 only): data sections, each an encoded message.
      message = rhea.message.decode(bodyBytes(message));
      const body = message.body;
      const sections: unknown[] = body?.multiple === true ? body.content : [body?.content ?? body];
      for (const s of sections) {
        const inner = rhea.message.decode(bodyBytes(s));
        events.push({
          body: bodyBytes(inner.body),
          annotations: inner.message_annotations,
          properties: inner.application_properties,
        });
      }
    } else {
      events.push({
        body: bodyBytes(message.body),
        annotations: message.message_annotations,
        properties: message.application_properties,
      });
    }
    const batchKey =
      events[0]?.annotations?.["x-opt-partition-key"] ?? message.message_annotations?.["x-opt-partition-key"];
    const partition = fixed ?? hub.partitionFor(typeof batchKey === "string" ? batchKey : undefined);
    for (const e of events) {
      const key = e.annotations?.["x-opt-partition-key"];
      partition.append(e.body, {
        ...(typeof key === "string" ? { partitionKey: key } : {}),
        ...(e.properties === undefined ? {} : { properties: e.properties }),
      });
    }
    context.delivery?.accept?.();
    this.pump(partition);
  }

  private reply(context: any, request: any, status: number, description: string, body?: unknown): void {
    const replyTo: string | undefined = request.reply_to;
    const session = context.receiver.session;
    // The reply goes on the client's receiver of this request/response pair: same session, source = the endpoint.
    let target: Link | undefined;
    for (const l of Object.values(session.links ?? {}) as Link[]) {
      if (!l.is_sender?.() || !l.is_open()) continue;
      if (l.target?.address === replyTo || l.name === replyTo) target = l;
    }
    if (target === undefined) {
      for (const l of Object.values(session.links ?? {}) as Link[]) {
        if (l.is_sender?.() && l.is_open() && l.source?.address === context.receiver.target?.address) target = l;
      }
    }
    if (target === undefined) return;
    target.send({
      correlation_id: request.message_id,
      ...(replyTo === undefined ? {} : { to: replyTo }),
      application_properties: { "status-code": status, "status-description": description },
      ...(body === undefined ? {} : { body }),
    });
  }

  private onCbs(context: any, request: any): void {
    const props = request.application_properties ?? {};
    this.requests.push({ operation: String(props.operation), type: props.type, name: props.name });
    if (props.operation !== "put-token") {
      this.reply(context, request, 400, `The operation '${props.operation}' is not supported by $cbs.`);
      return;
    }
    const name = typeof props.name === "string" ? props.name : "";
    const token = typeof request.body === "string" ? request.body : bodyBytes(request.body).toString("utf8");
    const { claim, problem } = this.checkToken(token, props.type);
    if (claim === undefined) {
      this.reply(context, request, 401, problem ?? "Unauthorized");
      return;
    }
    const path = this.audiencePath(name);
    // The token must cover the audience it is put for (a namespace-wide token covers everything).
    if (path === undefined || (claim.path !== "" && path !== claim.path && !path.startsWith(`${claim.path}/`))) {
      this.reply(context, request, 401, `InvalidAudience: The token audience does not cover '${name}'.`);
      return;
    }
    this.claims
      .get(context.connection)
      ?.push({ path: claim.path === "" ? "" : path.replace(/\/\$management$/, ""), expires: claim.expires });
    this.reply(context, request, 202, "Accepted");
  }

  private onManagement(context: any, request: any): void {
    const props = request.application_properties ?? {};
    this.requests.push({ operation: String(props.operation), type: props.type, name: props.name });
    const token = props.security_token;
    const hubName = typeof props.name === "string" ? props.name : "";
    if (typeof token !== "string") {
      this.reply(context, request, 401, "Unauthorized access: the request carries no security_token.");
      return;
    }
    const { claim, problem } = this.checkToken(
      token,
      token.startsWith("SharedAccessSignature ") ? "servicebus.windows.net:sastoken" : "jwt",
    );
    if (claim === undefined) {
      this.reply(context, request, 401, problem ?? "Unauthorized");
      return;
    }
    // A namespace-wide token, or one for this hub.
    if (claim.path !== "" && claim.path !== hubName.toLowerCase()) {
      this.reply(
        context,
        request,
        401,
        `Unauthorized access. 'Manage' or 'Listen' claim(s) are required for '${hubName}'.`,
      );
      return;
    }
    if (props.operation !== "READ") {
      this.reply(context, request, 400, `The operation '${props.operation}' is not supported.`);
      return;
    }
    const hub = this.hubs.get(hubName.toLowerCase());
    if (hub === undefined) {
      this.reply(context, request, 404, `The messaging entity 'sb://${this.host}/${hubName}' could not be found.`);
      return;
    }
    if (props.type === "com.microsoft:eventhub") {
      this.reply(context, request, 200, "OK", {
        name: hubName,
        created_at: hub.createdAt,
        partition_count: hub.partitions.length,
        partition_ids: hub.partitions.map((p) => p.id),
        georeplication_factor: 1,
      });
      return;
    }
    if (props.type === "com.microsoft:partition") {
      const partition = hub.partitions.find((p) => p.id === String(props.partition));
      if (partition === undefined) {
        this.reply(
          context,
          request,
          400,
          `The specified partition is invalid for an EventHub partition sender or receiver. It should be between 0 and ${hub.partitions.length - 1}.`,
        );
        return;
      }
      const last = partition.events[partition.events.length - 1];
      this.reply(context, request, 200, "OK", {
        name: hubName,
        partition: partition.id,
        begin_sequence_number: rhea.types.wrap_long(
          partition.events.length === 0 ? -1 : partition.events[0]!.sequenceNumber,
        ),
        last_enqueued_sequence_number: rhea.types.wrap_long(last === undefined ? -1 : last.sequenceNumber),
        last_enqueued_offset: last === undefined ? "-1" : last.offset,
        last_enqueued_time_utc: last === undefined ? new Date(0) : last.enqueuedTime,
        is_partition_empty: last === undefined,
      });
      return;
    }
    this.reply(context, request, 400, `The entity type '${props.type}' is not supported.`);
  }
}

/** The bytes of an AMQP body as rhea decodes it: a data section, a Buffer, or a value. */
function bodyBytes(body: any): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body !== null && typeof body === "object" && Buffer.isBuffer(body.content)) return body.content;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === "string") return Buffer.from(body, "utf8");
  return Buffer.from(JSON.stringify(body ?? null), "utf8");
}
