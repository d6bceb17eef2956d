// Runtime of a kqlgen-generated package: an Event Hubs consumer for `EventHubConsumerClient.subscribe`.
//
// `@azure/event-hubs` is an optional peer dependency: the shapes this file uses
// from it are declared structurally below, so the package compiles without it.

import {
  CATEGORY_PREFIX,
  checkStreamRecord,
  DriftCounts,
  JsonText,
  type RecordNotes,
  type RecordSink,
  type StreamTable,
} from "./stream.js";
import { addError, errorMessage, isRecord, type ValidationError } from "./validation.js";

// ---- the SDK, structurally ----------------------------------------------

/** What the consumer reads of an `@azure/event-hubs` `ReceivedEventData`. */
export interface ReceivedEventLike {
  readonly body: unknown;
  readonly sequenceNumber: number;
  readonly offset: string | number;
  readonly enqueuedTimeUtc: Date;
}

/** What the consumer reads of an `@azure/event-hubs` `PartitionContext`. */
export interface PartitionContextLike {
  readonly partitionId: string;
  readonly lastEnqueuedEventProperties?: { readonly sequenceNumber?: number };
  updateCheckpoint(event: ReceivedEventLike): Promise<void>;
}

/** The subscribe options the consumer needs (spread them into `subscribe`'s options). */
export interface ConsumerSubscribeOptions {
  /** Bodies as raw bytes: the SDK's JSON decoding rounds longs and hides bad bodies. */
  readonly skipParsingBodyAsJson: true;
  readonly maxBatchSize: number;
  readonly maxWaitTimeInSeconds: number;
  /** Each delivery carries the partition's last enqueued sequence number: the lag metric needs it. */
  readonly trackLastEnqueuedEventProperties: true;
}

// ---- what handlers receive ----------------------------------------------

/** Where a record came from; `id` is stable across redeliveries (de-duplicate on it). */
export interface RecordOrigin {
  /** `<partition>-<sequence number>-<index in the message>`. */
  readonly id: string;
  readonly partitionId: string;
  readonly sequenceNumber: number;
  readonly offset: string;
  readonly enqueuedTime: Date;
  /** 0-based index of the record in its message's `records` array. */
  readonly index: number;
}

export interface ConsumedRecord<R> extends RecordOrigin {
  readonly record: R;
}

/** The valid records of one table from one `processEvents` call (one partition), in partition order. */
export interface TableBatch<R> {
  readonly table: string;
  readonly partitionId: string;
  readonly records: readonly ConsumedRecord<R>[];
}

/** A record, or a whole message body, that could not be delivered to a table handler. */
export interface DeadLetter {
  /** `<partition>-<sequence number>-<index>`, or `<partition>-<sequence number>` for a whole body. */
  readonly id: string;
  readonly partitionId: string;
  readonly sequenceNumber: number;
  readonly offset: string;
  readonly enqueuedTime: Date;
  /** Index of the record in the message; undefined when the whole body is dead-lettered. */
  readonly index?: number;
  /** The exact bytes as sent: the record's JSON text inside the body, or the whole body. */
  readonly raw: Uint8Array;
  /** One line: what is wrong. */
  readonly reason: string;
  /** The validation errors (paths relative to the record), when there are any. */
  readonly errors: readonly ValidationError[];
  /** The record's category, when it has a string one. */
  readonly category?: string;
}

export interface DriftReport {
  readonly partitionId: string;
  /** Records of categories this package does not know (skipped, not errors). */
  readonly unknownCategories: readonly { readonly category: string; readonly count: number }[];
  /** Columns records carried that their table does not know. */
  readonly unknownColumns: readonly { readonly table: string; readonly column: string; readonly count: number }[];
  /** Columns of a table that records lacked (records older than the column, or a column never sent). */
  readonly missingColumns: readonly { readonly table: string; readonly column: string; readonly count: number }[];
  /** Envelope keys besides time, tenantId, category, properties and the known extras. */
  readonly unknownEnvelopeKeys: readonly { readonly key: string; readonly count: number }[];
}

type Awaitable = void | Promise<void>;

/** The table name of a record type, from its `category`. */
export type TableOf<R> = R extends { readonly category: `${typeof CATEGORY_PREFIX}${infer T}` } ? T : never;
/** The record type of one table. */
export type RecordOf<R, T extends string> = Extract<R, { readonly category: `${typeof CATEGORY_PREFIX}${T}` }>;

/** One handler per table; tables without one are counted (`unhandled`) and skipped. */
export type TableHandlers<R> = { readonly [T in TableOf<R>]?: (batch: TableBatch<RecordOf<R, T>>) => Awaitable };

export interface CheckpointInterval {
  /** Checkpoint once this many events were handled since the last checkpoint (default 500). */
  readonly events?: number;
  /** ... or once this many milliseconds passed (default 5000). 0 and 0: after every batch. */
  readonly ms?: number;
}

export interface EventHubsConsumerOptions<R> {
  readonly tables: TableHandlers<R>;
  /** Invalid records and unreadable bodies. Required: nothing is dropped silently. */
  readonly deadLetter: (letters: readonly DeadLetter[]) => Awaitable;
  /** Unknown categories and columns, with counts, once per batch that has any. */
  readonly drift?: (drift: DriftReport) => Awaitable;
  /** Errors of the SDK (connection, ownership lost) and of handlers, with the partition when known. */
  readonly onError?: (error: unknown, partitionId: string | undefined) => Awaitable;
  /**
   * When to write a checkpoint. Never before every handler of the batch
   * (dead-letter and drift included) has resolved; `false`: never.
   */
  readonly checkpoint?: CheckpointInterval | false;
  /** Longest run of parsing and checking between yields to the event loop, in ms (default 10). */
  readonly yieldAfterMs?: number;
  /** Subscribe options (defaults: 100 events, 5 s). */
  readonly maxBatchSize?: number;
  readonly maxWaitTimeInSeconds?: number;
}

export interface TableMetrics {
  /** Records of the table read. */
  records: number;
  valid: number;
  invalid: number;
}

export interface PartitionMetrics {
  /** The consumer holds the partition now (false after it was closed or lost). */
  owned: boolean;
  /** Sequence number of the last event handled, -1 before the first. */
  processedSequenceNumber: number;
  /** The partition's last enqueued sequence number, as the last delivery reported it. */
  lastEnqueuedSequenceNumber?: number;
  /** lastEnqueuedSequenceNumber − processedSequenceNumber. */
  lag?: number;
  /** Sequence number of the last checkpoint written by this consumer. */
  checkpointedSequenceNumber?: number;
}

export interface ConsumerMetrics {
  events: number;
  records: number;
  valid: number;
  invalid: number;
  /** Records and bodies handed to the dead-letter handler. */
  deadLettered: number;
  /** Message bodies that are not a `{"records":[...]}` JSON body. */
  unreadableBodies: number;
  unknownCategoryRecords: number;
  /** Valid records of tables without a handler. */
  unhandled: number;
  checkpoints: number;
  errors: number;
  /** Longest stretch the consumer kept the event loop busy, in ms. */
  longestBusyMs: number;
  readonly tables: Record<string, TableMetrics>;
  readonly partitions: Record<string, PartitionMetrics>;
}

/** What `createEventHubsConsumer` returns: pass it to `subscribe`, with `subscribeOptions`. */
export interface EventHubsConsumer {
  processEvents(events: readonly ReceivedEventLike[], context: PartitionContextLike): Promise<void>;
  processInitialize(context: PartitionContextLike): Promise<void>;
  processError(error: unknown, context: { readonly partitionId?: string }): Promise<void>;
  processClose(reason: string, context: PartitionContextLike): Promise<void>;
  readonly subscribeOptions: ConsumerSubscribeOptions;
  /** A snapshot of the counters. */
  metrics(): ConsumerMetrics;
}

// ---- the consumer ---------------------------------------------------------

// Declared here so the package compiles without DOM or Node type libraries; every runtime has them.
declare const TextDecoder: new () => { decode(input: Uint8Array): string };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
declare const setTimeout: (callback: () => void, ms: number) => unknown;
declare const performance: { now(): number };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const DEFAULT_BATCH = 100;
const DEFAULT_WAIT_S = 5;
const DEFAULT_CHECKPOINT_EVENTS = 500;
const DEFAULT_CHECKPOINT_MS = 5000;
const DEFAULT_YIELD_MS = 10;
/** Bodies larger than this are parsed record by record, with yields in between. */
const LARGE_BODY = 128 * 1024;

/** Lets timers and I/O run (a busy loop loses partition ownership). */
function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return encoder.encode(body);
  return undefined;
}

function oneLine(errors: readonly ValidationError[]): string {
  const first = errors[0];
  if (first === undefined) return "invalid record";
  const where = first.path === "" ? "the record" : first.path;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return `${where}: expected ${first.expected}, found ${first.found}${more}`;
}

/**
 * Byte spans of the elements of the top-level `"records"` array of a JSON
 * body known to be valid (JSON.parse accepted it). Structural characters are
 * ASCII, so the scan runs on the UTF-8 bytes and the spans slice them exactly.
 */
export function recordSpans(bytes: Uint8Array): [number, number][] | undefined {
  const n = bytes.length;
  let i = 0;
  let depth = 0;
  // Find `"records"` as a key of the top-level object, then its array.
  let arrayStart = -1;
  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x22) {
      const start = i;
      i = skipString(bytes, i);
      if (depth === 1) {
        let j = i;
        while (j < n && isSpace(bytes[j]!)) j++;
        if (bytes[j] === 0x3a && i - start === 9 && decoder.decode(bytes.subarray(start + 1, i - 1)) === "records") {
          j++;
          while (j < n && isSpace(bytes[j]!)) j++;
          if (bytes[j] !== 0x5b) return undefined;
          arrayStart = j;
          break;
        }
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    i++;
  }
  if (arrayStart < 0) return undefined;
  const spans: [number, number][] = [];
  i = arrayStart + 1;
  let level = 0;
  let start = -1;
  while (i < n) {
    const c = bytes[i]!;
    if (c === 0x22) {
      if (start < 0) start = i;
      i = skipString(bytes, i);
      continue;
    }
    if (level === 0 && (c === 0x2c || c === 0x5d)) {
      if (start >= 0) {
        let end = i;
        while (end > start && isSpace(bytes[end - 1]!)) end--;
        spans.push([start, end]);
      }
      start = -1;
      if (c === 0x5d) return spans;
      i++;
      continue;
    }
    if (start < 0 && !isSpace(c)) start = i;
    if (c === 0x7b || c === 0x5b) level++;
    else if (c === 0x7d || c === 0x5d) level--;
    i++;
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string starting at `i` (a `"`). */
function skipString(bytes: Uint8Array, i: number): number {
  i++;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

interface Pending {
  readonly event: ReceivedEventLike;
  readonly count: number;
}

class PartitionState {
  owned = true;
  processed = -1;
  lastEnqueued: number | undefined;
  checkpointed: number | undefined;
  sinceCheckpoint = 0;
  lastCheckpointAt: number;
  pending: Pending | undefined;
  /** The processEvents call running for the partition (the SDK may close a partition while it runs). */
  inflight: Promise<void> | undefined;
  constructor(now: number) {
    this.lastCheckpointAt = now;
  }
}

/** Collects what checkStreamRecord finds in one event's records. */
class EventRun implements RecordSink {
  /** Per table: the valid records of this batch. */
  readonly batches = new Map<string, ConsumedRecord<unknown>[]>();
  readonly letters: DeadLetter[] = [];
  readonly counts = new DriftCounts();
  /** The JSON text of the body (or of the record) being checked: longs beyond 2^53 keep their exact digits. */
  readonly source = new JsonText("");
  // The event and record being checked.
  event!: ReceivedEventLike;
  bytes!: Uint8Array;
  partitionId = "";
  index = 0;
  spans: [number, number][] | undefined | null = null;

  constructor(
    private readonly metrics: ConsumerMetrics,
    private readonly handled: (table: string) => boolean,
  ) {}

  startEvent(event: ReceivedEventLike, bytes: Uint8Array): void {
    this.event = event;
    this.bytes = bytes;
    this.spans = null;
  }

  private origin(index: number | undefined): RecordOrigin & { index: number } {
    const e = this.event;
    const seq = e.sequenceNumber;
    return {
      id: index === undefined ? `${this.partitionId}-${seq}` : `${this.partitionId}-${seq}-${index}`,
      partitionId: this.partitionId,
      sequenceNumber: seq,
      offset: String(e.offset),
      enqueuedTime: e.enqueuedTimeUtc,
      index: index ?? -1,
    };
  }

  /** The whole body is dead (not JSON, not a records body). */
  deadBody(reason: string, errors: readonly ValidationError[]): void {
    const { index: _, ...origin } = this.origin(undefined);
    this.letters.push({ ...origin, raw: this.bytes, reason, errors });
    this.metrics.deadLettered++;
    this.metrics.unreadableBodies++;
  }

  deadRecord(errors: readonly ValidationError[], category: string | undefined): void {
    if (this.spans === null) this.spans = recordSpans(this.bytes);
    const span = this.spans?.[this.index];
    // A span always exists for a body JSON.parse accepted; the whole body is the fallback.
    const raw = span === undefined ? this.bytes : this.bytes.subarray(span[0], span[1]);
    this.letters.push({
      ...this.origin(this.index),
      raw,
      reason: oneLine(errors),
      errors,
      ...(category === undefined ? {} : { category }),
    });
    this.metrics.deadLettered++;
  }

  knownRecord(
    rec: Record<string, unknown>,
    table: StreamTable,
    errors: ValidationError[] | undefined,
    unknown: readonly string[],
    notes?: RecordNotes,
  ): void {
    const m = this.metrics;
    m.records++;
    const t = (m.tables[table.table] ??= { records: 0, valid: 0, invalid: 0 });
    t.records++;
    this.counts.record(table.table, unknown, notes);
    if (errors !== undefined) {
      m.invalid++;
      t.invalid++;
      this.deadRecord(errors, rec.category as string);
      return;
    }
    m.valid++;
    t.valid++;
    if (!this.handled(table.table)) {
      m.unhandled++;
      return;
    }
    let batch = this.batches.get(table.table);
    if (batch === undefined) this.batches.set(table.table, (batch = []));
    // Not a spread: on Node 20 that costs microseconds, and this runs for every valid record.
    batch.push(Object.assign(this.origin(this.index), { record: rec }));
  }

  unknownCategory(category: string): void {
    this.metrics.records++;
    this.metrics.unknownCategoryRecords++;
    this.counts.category(category);
  }

  notARecord(errors: ValidationError[]): void {
    this.metrics.records++;
    this.metrics.invalid++;
    this.deadRecord(errors, undefined);
  }

  drift(): DriftReport | undefined {
    return this.counts.empty ? undefined : { partitionId: this.partitionId, ...this.counts.report() };
  }
}

const BODY = 'a JSON message body {"records":[...]}';

/**
 * The consumer for `EventHubConsumerClient.subscribe`: raw bodies through the
 * package's own parser, valid records batched per table to their handlers,
 * the rest to the dead-letter handler, drift to the drift handler, and a
 * checkpoint only once all of them resolved.
 */
export function createConsumer<R>(
  tables: ReadonlyMap<string, StreamTable>,
  options: EventHubsConsumerOptions<R>,
): EventHubsConsumer {
  const handlers = options.tables as Record<string, ((batch: TableBatch<unknown>) => Awaitable) | undefined>;
  for (const name of Object.keys(handlers)) {
    if (!tables.has(`${CATEGORY_PREFIX}${name}`))
      throw new TypeError(`createEventHubsConsumer: no table ${name} in this package`);
  }
  if (typeof options.deadLetter !== "function")
    throw new TypeError("createEventHubsConsumer: a deadLetter handler is required");
  const checkpoint = options.checkpoint === false ? undefined : (options.checkpoint ?? {});
  const everyEvents = checkpoint?.events ?? DEFAULT_CHECKPOINT_EVENTS;
  const everyMs = checkpoint?.ms ?? DEFAULT_CHECKPOINT_MS;
  const yieldAfter = options.yieldAfterMs ?? DEFAULT_YIELD_MS;
  const metrics: ConsumerMetrics = {
    events: 0,
    records: 0,
    valid: 0,
    invalid: 0,
    deadLettered: 0,
    unreadableBodies: 0,
    unknownCategoryRecords: 0,
    unhandled: 0,
    checkpoints: 0,
    errors: 0,
    longestBusyMs: 0,
    tables: {},
    partitions: {},
  };
  const partitions = new Map<string, PartitionState>();
  const handled = (table: string) => typeof handlers[table] === "function";
  const state = (id: string) => {
    let s = partitions.get(id);
    if (s === undefined) partitions.set(id, (s = new PartitionState(performance.now())));
    s.owned = true;
    return s;
  };

  async function writeCheckpoint(s: PartitionState, context: PartitionContextLike): Promise<void> {
    const p = s.pending;
    if (p === undefined) return;
    await context.updateCheckpoint(p.event);
    s.pending = undefined;
    s.checkpointed = p.event.sequenceNumber;
    s.sinceCheckpoint = 0;
    s.lastCheckpointAt = performance.now();
    metrics.checkpoints++;
  }

  function due(s: PartitionState): boolean {
    return (
      s.pending !== undefined && (s.sinceCheckpoint >= everyEvents || performance.now() - s.lastCheckpointAt >= everyMs)
    );
  }

  function processEvents(events: readonly ReceivedEventLike[], context: PartitionContextLike): Promise<void> {
    const s = state(context.partitionId);
    const run = handleEvents(events, context, s);
    s.inflight = run;
    const clear = () => {
      if (s.inflight === run) s.inflight = undefined;
    };
    run.then(clear, clear);
    return run;
  }

  async function handleEvents(
    events: readonly ReceivedEventLike[],
    context: PartitionContextLike,
    s: PartitionState,
  ): Promise<void> {
    const partitionId = context.partitionId;
    const last = context.lastEnqueuedEventProperties?.sequenceNumber;
    if (typeof last === "number") s.lastEnqueued = last;
    if (events.length === 0) {
      // Nothing new within maxWaitTimeInSeconds: write a checkpoint that is due by time.
      if (checkpoint !== undefined && due(s)) await writeCheckpoint(s, context);
      return;
    }
    const run = new EventRun(metrics, handled);
    run.partitionId = partitionId;
    let sliceStart = performance.now();
    const busy = () => {
      const t = performance.now() - sliceStart;
      if (t > metrics.longestBusyMs) metrics.longestBusyMs = t;
      return t;
    };
    for (const event of events) {
      metrics.events++;
      const bytes = bodyBytes(event.body);
      if (bytes === undefined) {
        // The SDK decoded the body (subscribe without skipParsingBodyAsJson): its bytes are gone.
        run.startEvent(event, encoder.encode(JSON.stringify(event.body) ?? ""));
        run.deadBody(
          "the body reached the consumer already decoded: subscribe with skipParsingBodyAsJson: true (use subscribeOptions)",
          [],
        );
        continue;
      }
      run.startEvent(event, bytes);
      // A large body is parsed record by record (one JSON.parse of 1 MB blocks the loop for tens of ms).
      const spans = bytes.length > LARGE_BODY ? recordSpans(bytes) : undefined;
      if (spans !== undefined) {
        run.spans = spans;
        for (let i = 0; i < spans.length; i++) {
          run.index = i;
          const [start, end] = spans[i]!;
          let rec: unknown;
          try {
            const text = decoder.decode(bytes.subarray(start, end));
            run.source.reset(text);
            rec = JSON.parse(text);
          } catch (e) {
            const why = `malformed JSON (${e instanceof Error ? e.message : String(e)})`;
            const expected = "a streamed record {time, tenantId, category, properties}";
            run.notARecord([{ path: "", expected, found: why, message: errorMessage("", expected, why) }]);
            continue;
          }
          checkStreamRecord(rec, "", tables, run, run.source);
          if ((i & 7) === 7 && busy() >= yieldAfter) {
            await yieldToLoop();
            sliceStart = performance.now();
          }
        }
        if (busy() >= yieldAfter) {
          await yieldToLoop();
          sliceStart = performance.now();
        }
        continue;
      }
      let message: unknown;
      try {
        const text = decoder.decode(bytes);
        run.source.reset(text);
        message = JSON.parse(text);
      } catch (e) {
        const why = `malformed JSON (${e instanceof Error ? e.message : String(e)})`;
        run.deadBody(`not ${BODY}: ${why}`, [
          { path: "", expected: BODY, found: why, message: errorMessage("", BODY, why) },
        ]);
        continue;
      }
      const records = isRecord(message) ? message.records : undefined;
      if (!Array.isArray(records)) {
        const errors = addError(
          undefined,
          isRecord(message) ? "/records" : "",
          undefined,
          'a message body {"records":[...]}',
          isRecord(message) ? records : message,
        );
        run.deadBody(`not ${BODY}: ${errors[0]!.path || "the body"} is ${errors[0]!.found}`, errors);
        continue;
      }
      for (let i = 0; i < records.length; i++) {
        run.index = i;
        checkStreamRecord(records[i], "", tables, run, run.source);
        // Cooperative: parsing a large message must not starve the SDK's timers (ownership renewal).
        if ((i & 63) === 63 && busy() >= yieldAfter) {
          await yieldToLoop();
          sliceStart = performance.now();
        }
      }
      if (busy() >= yieldAfter) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
    }
    busy();
    // Every handler of the batch, then (maybe) the checkpoint.
    const work: Awaitable[] = [];
    for (const [table, records] of run.batches) work.push(handlers[table]!({ table, partitionId, records }));
    if (run.letters.length > 0) work.push(options.deadLetter(run.letters));
    const drift = run.drift();
    if (drift !== undefined && options.drift !== undefined) work.push(options.drift(drift));
    await Promise.all(work);
    const lastEvent = events[events.length - 1]!;
    s.processed = lastEvent.sequenceNumber;
    s.sinceCheckpoint += events.length;
    s.pending = { event: lastEvent, count: s.sinceCheckpoint };
    if (checkpoint !== undefined && due(s)) await writeCheckpoint(s, context);
  }

  async function processInitialize(context: PartitionContextLike): Promise<void> {
    // A partition claimed (again): nothing of an earlier ownership may be checkpointed now.
    const s = state(context.partitionId);
    s.pending = undefined;
    s.sinceCheckpoint = 0;
    s.lastCheckpointAt = performance.now();
  }

  async function processError(error: unknown, context: { readonly partitionId?: string }): Promise<void> {
    metrics.errors++;
    if (options.onError !== undefined)
      await options.onError(error, context.partitionId === "" ? undefined : context.partitionId);
  }

  async function processClose(reason: string, context: PartitionContextLike): Promise<void> {
    const s = partitions.get(context.partitionId);
    // The SDK closes a partition without waiting for the batch being handled: wait for it first.
    if (s?.inflight !== undefined) await s.inflight.catch(() => undefined);
    // On shutdown, keep what was handled; after ownership is lost another consumer owns the checkpoint.
    if (s !== undefined && checkpoint !== undefined && reason !== "OwnershipLost" && s.pending !== undefined) {
      try {
        await writeCheckpoint(s, context);
      } catch (e) {
        await processError(e, context);
      }
    }
    if (s !== undefined) s.owned = false;
  }

  function snapshot(): ConsumerMetrics {
    const out: Record<string, PartitionMetrics> = {};
    for (const [id, s] of partitions) {
      out[id] = {
        owned: s.owned,
        processedSequenceNumber: s.processed,
        ...(s.lastEnqueued === undefined
          ? {}
          : { lastEnqueuedSequenceNumber: s.lastEnqueued, lag: Math.max(0, s.lastEnqueued - s.processed) }),
        ...(s.checkpointed === undefined ? {} : { checkpointedSequenceNumber: s.checkpointed }),
      };
    }
    const tablesCopy: Record<string, TableMetrics> = {};
    for (const [k, v] of Object.entries(metrics.tables)) tablesCopy[k] = { ...v };
    return { ...metrics, tables: tablesCopy, partitions: out };
  }

  return {
    processInitialize,
    processEvents,
    processError,
    processClose,
    subscribeOptions: {
      skipParsingBodyAsJson: true,
      maxBatchSize: options.maxBatchSize ?? DEFAULT_BATCH,
      maxWaitTimeInSeconds: options.maxWaitTimeInSeconds ?? DEFAULT_WAIT_S,
      trackLastEnqueuedEventProperties: true,
    },
    metrics: snapshot,
  };
}
