// Runtime of a kqlgen-generated package: Event Hubs Capture files (Avro containers of Event Hubs messages).

import { parseEventHubsBody, type RecordError, type StreamParseResult, type StreamTable } from "./stream.js";
import { errorMessage } from "./validation.js";

const NO_BODY = 'a message body {"records":[...]}';

// What the reader uses of `avsc` (an optional peer dependency), typed structurally: pass the module
// (`import avro from "avsc"`), or let the reader import it.

/** An avsc object-container decoder (`avro.streams.BlockDecoder`): a Node.js duplex stream. */
export interface AvroBlockDecoderLike extends AsyncIterable<unknown> {
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
  destroy(error?: Error): unknown;
}

/** The parts of the `avsc` module the reader uses. */
export interface AvroModuleLike {
  Type: { forSchema(schema: any, options?: { registry?: Record<string, any> }): unknown };
  types: { LongType: { __with(methods: object, noUnpack?: boolean): unknown } };
  streams: { BlockDecoder: new (options?: { parseHook?: (schema: any) => any }) => AvroBlockDecoderLike };
}

/** One Avro record of a Capture file: one Event Hubs message. */
export interface CaptureMessage {
  /** 0-based index of the Avro record in the file. */
  readonly index: number;
  /** The message's sequence number in its partition (a bigint beyond 2^53). */
  readonly sequenceNumber: number | bigint | undefined;
  readonly offset: string | undefined;
  readonly enqueuedTimeUtc: string | undefined;
  readonly properties: unknown;
  readonly systemProperties: unknown;
  /** The message body (for Defender, `{"records":[...]}`); undefined when the record has none. */
  readonly body: Uint8Array | undefined;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** avsc's long type, reading every long exactly: a number when safe, a bigint beyond 2^53 (avsc's own throws). */
function exactLongType(avro: AvroModuleLike): unknown {
  return avro.types.LongType.__with({
    fromBuffer(buf: Uint8Array): number | bigint {
      const v = new DataView(buf.buffer, buf.byteOffset, 8).getBigInt64(0, true);
      return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
    },
    toBuffer(v: number | bigint): Uint8Array {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
      return b;
    },
    fromJSON: (v: number | bigint) => v,
    toJSON: (v: number | bigint) => (typeof v === "bigint" ? v.toString() : v),
    isValid: (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)),
    compare: (a: number | bigint, b: number | bigint) => (a < b ? -1 : a > b ? 1 : 0),
  });
}

const AVSC = "avsc";

async function loadAvro(avro: AvroModuleLike | undefined): Promise<AvroModuleLike> {
  if (avro !== undefined) return avro;
  try {
    const mod = (await import(AVSC)) as { default?: AvroModuleLike } & AvroModuleLike;
    return mod.default ?? mod;
  } catch {
    throw new Error('reading Event Hubs Capture files needs the "avsc" package: npm install avsc');
  }
}

function field(rec: Record<string, unknown>, name: string): unknown {
  return rec[name];
}

function text(v: unknown): string | undefined {
  return typeof v === "string" ? v : v === undefined || v === null ? undefined : String(v);
}

/**
 * Decodes a Capture file — given whole, or as a stream of chunks (a Node.js
 * file stream is one) — with the schema stored in the file (real files
 * differ from the documented one), plain or deflate. An empty (header-only)
 * file yields nothing. Throws on data that is not Avro, or corrupt.
 */
export async function* readCaptureMessages(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  avro?: AvroModuleLike,
): AsyncGenerator<CaptureMessage> {
  const lib = await loadAvro(avro);
  const longType = exactLongType(lib);
  const decoder = new lib.streams.BlockDecoder({
    parseHook: (schema: unknown) => lib.Type.forSchema(schema, { registry: { long: longType } }),
  });
  let header = false;
  decoder.once("metadata", () => (header = true));
  const feeding = (async () => {
    try {
      if (source instanceof Uint8Array) decoder.write(source);
      else {
        for await (const chunk of source) {
          if (!decoder.write(chunk)) await new Promise((resolve) => decoder.once("drain", resolve));
        }
      }
      decoder.end();
    } catch (e) {
      decoder.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  let index = 0;
  try {
    for await (const value of decoder) {
      const rec = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
      const body = field(rec, "Body");
      const seq = field(rec, "SequenceNumber");
      yield {
        index: index++,
        sequenceNumber: typeof seq === "number" || typeof seq === "bigint" ? seq : undefined,
        offset: text(field(rec, "Offset")),
        enqueuedTimeUtc: text(field(rec, "EnqueuedTimeUtc")),
        properties: field(rec, "Properties"),
        systemProperties: field(rec, "SystemProperties"),
        body: body instanceof Uint8Array ? body : typeof body === "string" ? new TextEncoder().encode(body) : undefined,
      };
    }
    // avsc ends quietly on a file cut short; the bytes it holds back say so (its decoder's buffer: `_tap`).
    const tap = (decoder as unknown as { _tap?: { buf?: Uint8Array; pos?: number } })._tap;
    // (Before the header is decoded, its position may point past the end: every byte held back counts.)
    const left = tap?.buf === undefined ? 0 : header ? tap.buf.length - (tap.pos ?? tap.buf.length) : tap.buf.length;
    if (left > 0) {
      throw new Error(
        header
          ? `truncated: the file ends inside an Avro block (${left} bytes after the last whole block)`
          : "truncated: the file ends inside its Avro header",
      );
    }
  } finally {
    decoder.destroy();
    await feeding;
  }
}

// Declared here so the package compiles without DOM or Node type libraries; every runtime has it.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

/** An error in a record of a Capture file's message. */
export interface CaptureRecordError extends RecordError {
  /** 0-based index of the Avro record (the message) in the file. */
  readonly avroRecord: number;
  /** The message's sequence number, as text (exact beyond 2^53). */
  readonly sequenceNumber?: string;
}

/** One message of a Capture file, parsed and checked like an Event Hubs message. */
export interface CaptureBatch<R> extends Omit<StreamParseResult<R>, "errors" | "warnings"> {
  readonly message: Omit<CaptureMessage, "body">;
  readonly errors: CaptureRecordError[];
  readonly warnings: CaptureRecordError[];
}

/** Reads a Capture file's messages and checks each body's records (errors carry the Avro record index and sequence number). */
export async function* readCaptureFile(
  source: Uint8Array | AsyncIterable<Uint8Array>,
  tables: ReadonlyMap<string, StreamTable>,
  avro?: AvroModuleLike,
): AsyncGenerator<CaptureBatch<unknown>> {
  for await (const m of readCaptureMessages(source, avro)) {
    const { body, ...message } = m;
    const where = {
      avroRecord: m.index,
      ...(m.sequenceNumber === undefined ? {} : { sequenceNumber: String(m.sequenceNumber) }),
    };
    // Without a body: what an empty message gives, and the error.
    const result = parseEventHubsBody(body ?? { records: [] }, tables);
    const errors: RecordError[] =
      body === undefined
        ? [{ path: "", expected: NO_BODY, found: "missing", message: errorMessage("", NO_BODY, "missing") }]
        : result.errors;
    yield {
      ...result,
      message,
      errors: errors.map((e) => ({ ...e, ...where })),
      warnings: result.warnings.map((e) => ({ ...e, ...where })),
    };
  }
}
