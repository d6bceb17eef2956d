/**
 * Test helper: Event Hubs Capture files, written with avsc (the library the
 * reader uses) in Capture's schema — plain ("null" codec) or deflate, empty
 * (header only) when given no messages. Longs are written exactly, bigints
 * beyond 2^53 too (avsc's own long type refuses them).
 */
import avro from "avsc";

/** The schema Event Hubs Capture documents (real files differ in details: the reader uses the file's own). */
export const CAPTURE_SCHEMA = {
  type: "record",
  name: "EventData",
  namespace: "Microsoft.ServiceBus.Messaging",
  fields: [
    { name: "SequenceNumber", type: "long" },
    { name: "Offset", type: "string" },
    { name: "EnqueuedTimeUtc", type: "string" },
    { name: "SystemProperties", type: { type: "map", values: ["long", "double", "string", "bytes"] } },
    { name: "Properties", type: { type: "map", values: ["long", "double", "string", "bytes", "null"] } },
    { name: "Body", type: ["null", "bytes"] },
  ],
};

export interface CaptureMessageInput {
  readonly sequenceNumber: number | bigint;
  /** The message body; null for a record without one. */
  readonly body: string | Buffer | null;
  readonly enqueuedTimeUtc?: string;
}

/** avsc's long type with bigint beyond 2^53 (writing only needs toBuffer; the rest completes the type). */
const exactLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => {
    const v = buf.readBigInt64LE();
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  },
  toBuffer: (v: number | bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(BigInt(v));
    return b;
  },
  fromJSON: (v: unknown) => v,
  toJSON: (v: number | bigint) => (typeof v === "bigint" ? Number(v) : v),
  isValid: (v: unknown) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)),
  compare: (a: number | bigint, b: number | bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

const type = avro.Type.forSchema(CAPTURE_SCHEMA as avro.Schema, { registry: { long: exactLong } });

/** The bytes of a Capture file holding these messages, in this codec (a header only, for none). */
export async function captureFile(messages: readonly CaptureMessageInput[], codec: "null" | "deflate", blockSize = 64 * 1024): Promise<Buffer> {
  // A block is written when it reaches blockSize bytes; the header is written even when no record follows.
  const encoder = new avro.streams.BlockEncoder(type, { codec, blockSize, writeHeader: "always" } as unknown as Partial<avro.EncoderOptions>);
  const chunks: Buffer[] = [];
  encoder.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    encoder.on("end", () => resolve());
    encoder.on("error", reject);
  });
  messages.forEach((m, i) => {
    encoder.write({
      SequenceNumber: m.sequenceNumber,
      Offset: String(4096 * i),
      EnqueuedTimeUtc: m.enqueuedTimeUtc ?? `5/1/2024 12:00:${String(i % 60).padStart(2, "0")} PM`,
      SystemProperties: {},
      Properties: {},
      Body: m.body === null ? null : Buffer.from(m.body),
    });
  });
  encoder.end();
  await ended;
  return Buffer.concat(chunks);
}
