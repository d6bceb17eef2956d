// Runtime of a kqlgen-generated package: Defender's Storage export (append blobs of JSON lines), read incrementally.

import { Collector, JsonText, type RecordError, type StreamParseResult, type StreamTable } from "./stream.js";

// What the reader uses of @azure/storage-blob (an optional peer dependency), typed structurally:
// the SDK's BlobServiceClient and ContainerClient fit these interfaces, and the package compiles without it.

/** A blob of a listing (the SDK's `BlobItem`). */
export interface StorageBlobItem {
  readonly name: string;
  readonly properties: {
    readonly etag?: string;
    readonly contentLength?: number;
    readonly createdOn?: Date;
  };
}

/** A download answer (the SDK's `BlobDownloadResponseParsed`, in Node.js). */
export interface StorageDownload {
  readonly readableStreamBody?: AsyncIterable<string | Uint8Array>;
  /** "bytes <first>-<last>/<size>": the blob's size when the range was read. */
  readonly contentRange?: string;
  readonly etag?: string;
  readonly createdOn?: Date;
}

/** A blob (the SDK's `BlobClient`, `AppendBlobClient`). */
export interface StorageBlobClient {
  download(offset?: number, count?: number): Promise<StorageDownload>;
}

/** A container (the SDK's `ContainerClient`). */
export interface StorageContainerClient {
  readonly containerName: string;
  listBlobsFlat(options?: { prefix?: string }): AsyncIterable<StorageBlobItem>;
  listBlobsByHierarchy(
    delimiter: string,
    options?: { prefix?: string },
  ): AsyncIterable<{ readonly kind: "prefix" | "blob"; readonly name: string }>;
  getBlobClient(name: string): StorageBlobClient;
}

/** A Storage account (the SDK's `BlobServiceClient`). */
export interface StorageServiceClient {
  getContainerClient(name: string): StorageContainerClient;
  listContainers(options?: { prefix?: string }): AsyncIterable<{ readonly name: string }>;
}

/** Containers of the export are named this, then the table in lower case. */
export const EXPORT_CONTAINER_PREFIX = "insights-logs-advancedhunting-";

/** The export's container for a table: `insights-logs-advancedhunting-<table in lower case>`. */
export function exportContainerName(table: string): string {
  return `${EXPORT_CONTAINER_PREFIX}${table.toLowerCase()}`;
}

/** `tenantId=<guid>/y=YYYY/m=MM/d=DD/h=HH/m=mm/<name>`: one blob per hour (PT1H.json, and PT1H_1.json when it overflows). */
const BLOB_NAME = /^tenantId=([^/]+)\/y=(\d{4})\/m=(\d{2})\/d=(\d{2})\/h=(\d{2})\/m=(\d{2})\/[^/]+$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A blob of the export, found by `listExportBlobs`. */
export interface ExportBlob {
  readonly container: StorageContainerClient;
  /** "<container>/<blob name>": how the blob is named in cursors, ids and errors. */
  readonly path: string;
  readonly name: string;
  readonly tenantId: string;
  /** The hour the blob holds (UTC), from its name. */
  readonly hour: Date;
  readonly etag: string | undefined;
  /** Size when listed (the blob may have grown since). */
  readonly size: number | undefined;
  readonly created: Date | undefined;
}

export interface ExportWindow {
  /** Blobs of hours that end after `since`... */
  readonly since: Date;
  /** ...and start before `until`. */
  readonly until: Date;
  /** Tables to read (any case); default: every export container of the account. Ignored for a container client. */
  readonly tables?: readonly string[];
  /** Tenants to read; default: every `tenantId=` folder found. */
  readonly tenants?: readonly string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isService(source: StorageServiceClient | StorageContainerClient): source is StorageServiceClient {
  return typeof (source as StorageServiceClient).getContainerClient === "function";
}

/** The export's containers: of the tables asked for, or every one of the account. */
export async function exportContainers(
  source: StorageServiceClient | StorageContainerClient,
  tables?: readonly string[],
): Promise<StorageContainerClient[]> {
  if (!isService(source)) return [source];
  if (tables !== undefined)
    return [...new Set(tables.map(exportContainerName))].sort().map((n) => source.getContainerClient(n));
  const names: string[] = [];
  for await (const c of source.listContainers({ prefix: EXPORT_CONTAINER_PREFIX })) names.push(c.name);
  return names.sort().map((n) => source.getContainerClient(n));
}

/**
 * Lists the export's blobs whose hour overlaps the window, container by
 * container, tenant by tenant, in time order. Lists by day prefix (never
 * computes blob names), so `PT1H_1.json` overflow siblings are found too.
 */
export async function* listExportBlobs(
  source: StorageServiceClient | StorageContainerClient,
  window: ExportWindow,
): AsyncGenerator<ExportBlob> {
  const since = window.since.getTime();
  const until = window.until.getTime();
  for (const container of await exportContainers(source, window.tables)) {
    let tenants = window.tenants;
    if (tenants === undefined) {
      const found: string[] = [];
      for await (const item of container.listBlobsByHierarchy("/", { prefix: "tenantId=" })) {
        if (item.kind === "prefix") found.push(item.name.slice("tenantId=".length).replace(/\/$/, ""));
      }
      tenants = found.sort();
    }
    for (const tenantId of tenants) {
      for (let day = Math.floor(since / DAY_MS) * DAY_MS; day < until; day += DAY_MS) {
        const d = new Date(day);
        const prefix = `tenantId=${tenantId}/y=${pad(d.getUTCFullYear(), 4)}/m=${pad(d.getUTCMonth() + 1)}/d=${pad(d.getUTCDate())}/`;
        for await (const item of container.listBlobsFlat({ prefix })) {
          const m = BLOB_NAME.exec(item.name);
          if (m === null) continue;
          const hour = Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4]), Number(m[5]));
          if (hour + HOUR_MS <= since || hour >= until) continue;
          yield {
            container,
            path: `${container.containerName}/${item.name}`,
            name: item.name,
            tenantId: m[1]!,
            hour: new Date(hour),
            etag: item.properties.etag,
            size: item.properties.contentLength,
            created: item.properties.createdOn,
          };
        }
      }
    }
  }
}

/**
 * Where reading a blob stands: everything before `offset` has been read, in
 * whole lines. Plain JSON: persist it, and pass it back to continue.
 */
export interface BlobCursor {
  /** Bytes read: the end of the last complete line. */
  readonly offset: number;
  /** The 1-based line that starts at `offset`. */
  readonly line: number;
  /** The blob's etag when it was last read to its end: unchanged, nothing new to read. */
  readonly etag?: string;
  /** The blob's creation time (ISO): another one means the blob was replaced. */
  readonly created?: string;
}

/** The cursor of a whole export: "<container>/<blob name>" → its cursor. */
export type StorageCursor = Readonly<Record<string, BlobCursor>>;

/** Complete lines of a blob, as read (one download at a time). */
export interface BlobChunk {
  /** Whole lines, line ends included. */
  readonly bytes: Uint8Array;
  /** Byte offset of `bytes[0]` in the blob. */
  readonly offset: number;
  /** 1-based line of `bytes[0]`. */
  readonly line: number;
  /** Where the blob stands after these bytes. */
  readonly cursor: BlobCursor;
  /** The blob was replaced since the cursor given: this is its start, read again. */
  readonly replaced: boolean;
}

export interface BlobReadOptions {
  /** Bytes per download (default 4 MiB). Memory stays within a few of these, whatever the blob's size. */
  readonly chunkBytes?: number;
  /** What the listing said about the blob (etag, size, creation time): saves a request for an unchanged blob. */
  readonly listed?: { readonly etag?: string; readonly size?: number; readonly created?: Date };
}

const DEFAULT_CHUNK = 4 << 20;
/** A line longer than this is not a record: reported and skipped rather than held. */
export const MAX_LINE_BYTES: number = 64 << 20;
const LF = 10;

/** The blob's size from a Content-Range "bytes a-b/size". */
function rangeSize(range: string | undefined): number | undefined {
  const m = range === undefined ? null : /\/(\d+)\s*$/.exec(range);
  return m === null ? undefined : Number(m[1]);
}

function statusOf(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === "number" ? s : undefined;
}

async function readBody(res: StorageDownload): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  // The SDK gives a stream in Node.js (and a Blob in browsers, which this reader does not read).
  if (res.readableStreamBody === undefined)
    throw new TypeError("the blob download has no readableStreamBody: the Storage reader runs in Node.js");
  for await (const part of res.readableStreamBody) {
    if (typeof part === "string") throw new TypeError("the blob download yielded text, not bytes");
    parts.push(part);
    total += part.length;
  }
  return concat(parts, total);
}

function concat(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/**
 * Reads what a blob holds after `from` (its start when undefined), one
 * download of `chunkBytes` at a time, and yields the complete lines of each.
 *
 * - A partial last line (still being written) is not consumed: the cursor
 *   stays before it, and a later read takes it whole once completed.
 * - A blob that grows while it is read is read on to its new end.
 * - A blob that was replaced (another creation time, smaller than the
 *   cursor, or no line end just before the cursor) is read from its start,
 *   with `replaced` set on the first chunk.
 * - An unchanged blob (same etag as the cursor) costs no request when
 *   `listed` says so.
 */
export async function* readBlobChunks(
  blob: StorageBlobClient,
  from: BlobCursor | undefined,
  options: BlobReadOptions = {},
): AsyncGenerator<BlobChunk> {
  const chunkBytes = Math.max(1024, options.chunkBytes ?? DEFAULT_CHUNK);
  const listed = options.listed;
  let cursor: BlobCursor = from ?? { offset: 0, line: 1 };
  let replaced = false;
  const restart = () => {
    cursor = { offset: 0, line: 1 };
    replaced = true;
  };
  if (from !== undefined && listed !== undefined) {
    if (listed.etag !== undefined && listed.etag === from.etag) return;
    const created = listed.created?.toISOString();
    if (
      (listed.size !== undefined && listed.size < from.offset) ||
      (created !== undefined && from.created !== undefined && created !== from.created)
    )
      restart();
  }
  let size = listed?.size;
  let created = cursor.created;
  /** Bytes of an unfinished line, from `cursor.offset`. */
  let carry: Uint8Array | undefined;
  let readAt = cursor.offset;
  // Read the byte before the cursor too: it must be the line end the cursor was left after.
  let checkBoundary = cursor.offset > 0;
  let etag: string | undefined;
  /** Reads the blob again from its first byte, knowing only the creation time and size given. */
  const startOver = (knownCreated: string | undefined, knownSize: number | undefined) => {
    restart();
    readAt = 0;
    checkBoundary = false;
    carry = undefined;
    created = knownCreated;
    size = knownSize;
  };
  for (;;) {
    if (size !== undefined && readAt >= size) break;
    const start = checkBoundary ? readAt - 1 : readAt;
    let res: StorageDownload;
    try {
      res = await blob.download(start, size === undefined ? chunkBytes : Math.min(chunkBytes, size - start));
    } catch (e) {
      // 416: nothing at or after `start`. Reading the byte before the cursor, that means the blob shrank: replaced.
      if (statusOf(e) !== 416) throw e;
      if (checkBoundary && !replaced) {
        startOver(undefined, undefined);
        continue;
      }
      break;
    }
    const resCreated = res.createdOn?.toISOString();
    if (resCreated !== undefined && created !== undefined && resCreated !== created) {
      // Replaced: before we started (start again from its beginning), or while we read it (stop: the next read starts it again).
      if (readAt === cursor.offset && carry === undefined && !replaced) {
        startOver(undefined, undefined);
        continue;
      }
      return;
    }
    created ??= resCreated;
    etag = res.etag;
    const total = rangeSize(res.contentRange);
    let body = await readBody(res);
    if (checkBoundary) {
      checkBoundary = false;
      if (body.length === 0 || body[0] !== LF) {
        // The cursor does not sit after a line end: not the blob it was taken on.
        startOver(resCreated, total);
        continue;
      }
      body = body.subarray(1);
    }
    if (total !== undefined) size = total;
    if (body.length === 0) break;
    readAt += body.length;
    const data = carry === undefined ? body : concat([carry, body]);
    const last = data.lastIndexOf(LF);
    if (last === -1) {
      carry = data;
      if (carry.length > MAX_LINE_BYTES) {
        // Not a record: hand it on as one "line" so the caller reports it, and go on after it.
        carry = undefined;
      } else continue;
    }
    const whole = last === -1 ? data : data.subarray(0, last + 1);
    carry = last === -1 || last + 1 === data.length ? undefined : data.slice(last + 1);
    const next: BlobCursor = {
      offset: cursor.offset + whole.length,
      line: cursor.line + countLines(whole),
      ...(carry === undefined && size !== undefined && readAt >= size && etag !== undefined ? { etag } : {}),
      ...(created !== undefined ? { created } : {}),
    };
    yield { bytes: whole, offset: cursor.offset, line: cursor.line, cursor: next, replaced };
    replaced = false;
    cursor = next;
  }
  // Read to the end with nothing to hand on (or only a partial line): remember the etag, so an unchanged blob is skipped next time.
  if (etag !== undefined && cursor.etag !== etag) {
    cursor = { offset: cursor.offset, line: cursor.line, etag, ...(created !== undefined ? { created } : {}) };
    yield { bytes: new Uint8Array(0), offset: cursor.offset, line: cursor.line, cursor, replaced };
  }
}

// Declared here so the package compiles without DOM or Node type libraries; every runtime has it.
declare const TextDecoder: new () => { decode(input: Uint8Array): string };
const decoder = new TextDecoder();

/** A valid record of a blob, with its place and stable id. */
export interface StorageRecord<R> {
  /** "<container>/<blob name>:<byte offset>": the same every time the record is read. */
  readonly id: string;
  readonly record: R;
  /** 1-based line in the blob. */
  readonly line: number;
  /** Byte offset of the line in the blob. */
  readonly offset: number;
}

/** An error in one line of a blob. */
export interface StorageRecordError extends RecordError {
  /** "<container>/<blob name>". */
  readonly blob: string;
  readonly line: number;
  readonly offset: number;
  /** The id the record would have had. */
  readonly id: string;
}

/** What one read of a blob's new lines found: what `parseStorageBlob` finds, with places and ids. */
export interface BlobBatch<R> extends Omit<StreamParseResult<R>, "records" | "errors" | "warnings"> {
  /** "<container>/<blob name>". */
  readonly blob: string;
  /** Valid records of known categories, in blob order. */
  readonly records: StorageRecord<R>[];
  /** Per-record errors; a bad record never hides the good ones. */
  readonly errors: StorageRecordError[];
  /** Per-record warnings about valid records (a long beyond ±2^53 read as a number, rounded). */
  readonly warnings: StorageRecordError[];
  /** Where the blob stands after this batch: save it once the batch is handled (`saved[batch.blob] = batch.cursor`). */
  readonly cursor: BlobCursor;
  /** The blob was replaced since the saved cursor: it is read again from its start (its ids start over too). */
  readonly replaced: boolean;
}

/** Parses and checks the lines of one chunk into a batch, with the runtime's own collector (as parseStorageBlob). */
export function parseBlobChunk(
  blob: string,
  chunk: BlobChunk,
  tables: ReadonlyMap<string, StreamTable>,
): BlobBatch<unknown> {
  const collector = new Collector(tables);
  // The line's text, for the exact digits of longs beyond 2^53 (consulted only for those).
  const source = new JsonText("");
  const bytes = chunk.bytes;
  /** Byte offset of each line of the chunk, by its index from the chunk's first line. */
  const offsets: number[] = [];
  const places: { line: number; offset: number }[] = [];
  let offset = 0;
  let line = chunk.line;
  // A byte order mark at the blob's very start.
  if (chunk.offset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  while (offset < bytes.length) {
    let end = bytes.indexOf(LF, offset);
    if (end === -1) end = bytes.length;
    let stop = end;
    if (stop > offset && bytes[stop - 1] === 13) stop--;
    offsets.push(chunk.offset + offset);
    if (stop > offset) {
      const text = decoder.decode(bytes.subarray(offset, stop));
      if (text.trim() !== "") {
        let rec: unknown;
        let parsed = true;
        try {
          rec = JSON.parse(text);
        } catch (e) {
          parsed = false;
          collector.malformedLine(line, e);
        }
        if (parsed) {
          const before = collector.records.length;
          source.reset(text);
          collector.add(rec, undefined, line, source);
          if (collector.records.length > before) places.push({ line, offset: chunk.offset + offset });
        }
      }
    }
    offset = end + 1;
    line++;
  }
  const result = collector.result();
  const where = (e: RecordError): StorageRecordError => {
    const at = offsets[(e.line ?? chunk.line) - chunk.line] ?? chunk.offset;
    return Object.assign({}, e, { blob, line: e.line ?? chunk.line, offset: at, id: `${blob}:${at}` });
  };
  return {
    ...result,
    blob,
    records: result.records.map((record, i) => ({ id: `${blob}:${places[i]!.offset}`, record, ...places[i]! })),
    errors: result.errors.map(where),
    warnings: result.warnings.map(where),
    cursor: chunk.cursor,
    replaced: chunk.replaced,
  };
}

/**
 * Reads one blob's new lines as batches of checked records (one batch per
 * download). Save each batch's cursor once the batch is handled: a crash
 * in between reads the batch again (at least once; drop duplicates by id).
 */
export async function* readStorageBlob(
  blob: string,
  client: StorageBlobClient,
  tables: ReadonlyMap<string, StreamTable>,
  from?: BlobCursor,
  options: BlobReadOptions = {},
): AsyncGenerator<BlobBatch<unknown>> {
  for await (const chunk of readBlobChunks(client, from, options)) yield parseBlobChunk(blob, chunk, tables);
}

export interface ReadStorageOptions extends ExportWindow {
  /** Where the last read stopped, per blob; blobs without a cursor are read from their start. */
  readonly cursor?: StorageCursor;
  readonly chunkBytes?: number;
}

/**
 * Reads the export's blobs of a time window and tables: every blob's lines
 * after its cursor, as batches of checked records.
 */
export async function* readStorageExport(
  source: StorageServiceClient | StorageContainerClient,
  tables: ReadonlyMap<string, StreamTable>,
  options: ReadStorageOptions,
): AsyncGenerator<BlobBatch<unknown>> {
  for await (const b of listExportBlobs(source, options)) {
    yield* readStorageBlob(b.path, b.container.getBlobClient(b.name), tables, options.cursor?.[b.path], {
      ...(options.chunkBytes !== undefined ? { chunkBytes: options.chunkBytes } : {}),
      listed: { etag: b.etag, size: b.size, created: b.created },
    });
  }
}
