/**
 * The stream parser module: typed records of every table, discriminated by
 * `category`, and the Event Hubs / Storage entry points over the runtime.
 * Written in prettier's layout (layout.ts).
 */
import { recordColumns, type TablePlan } from "../mapping/plan.js";
import type { EmittedModule } from "./table-module.js";
import { doc, fits, functionHead, importLine, jsString as str, moduleText, WIDTH } from "./layout.js";
import { tableModule, tableNames } from "./names.js";
// The runtime's own constants: the category prefix and the column the stream adds.
import { CATEGORY_PREFIX, ENVELOPE_EXTRAS } from "../../templates/runtime/stream.js";

/** One entry of the `streamTables` map, as prettier lays it out; undefined when no layout here covers it. */
function mapEntry(category: string, args: readonly string[], options: readonly string[]): string | undefined {
  const opts = options.length ? `{ ${options.join(", ")} }` : undefined;
  const call = `streamTable(${[...args, ...(opts ? [opts] : [])].join(", ")})`;
  const flat = `  [${category}, ${call}],`;
  if (flat.length <= WIDTH) return flat;
  const callLine = `    ${call},`;
  let callText: string | undefined;
  if (callLine.length <= WIDTH) callText = callLine;
  else if (opts) {
    const hug = `    streamTable(${args.join(", ")}, {`;
    if (hug.length <= WIDTH) callText = `${hug}\n${options.map((o) => `      ${o},`).join("\n")}\n    }),`;
  } else {
    callText = `    streamTable(\n${args.map((a) => `      ${a},`).join("\n")}\n    ),`;
  }
  return callText === undefined ? undefined : `  [\n    ${category},\n${callText}\n  ],`;
}

/** The entry on one line, whatever its length (prettier lays it out). */
function flatEntry(category: string, args: readonly string[], options: readonly string[]): string {
  return `  [${category}, streamTable(${[...args, ...(options.length ? [`{ ${options.join(", ")} }`] : [])].join(", ")})],`;
}

export function emitStreamModule(plans: readonly TablePlan[], formats: boolean): EmittedModule {
  const imports = [
    importLine("import", ["parseEventHubsBody", "parseStorageBlobText", "streamTable"], "./runtime/stream.js"),
    importLine("import type", ["StreamParseResult", "StreamTable"], "./runtime/stream.js"),
    importLine("import", ["readStorageBlob", "readStorageExport"], "./runtime/storage.js"),
    importLine(
      "import type",
      ["BlobBatch", "BlobCursor", "BlobReadOptions", "ReadStorageOptions", "StorageBlobClient", "StorageContainerClient", "StorageServiceClient"],
      "./runtime/storage.js",
    ),
    importLine("import", ["readCaptureFile"], "./runtime/capture.js"),
    importLine("import type", ["AvroModuleLike", "CaptureBatch"], "./runtime/capture.js"),
  ];
  for (const plan of plans) {
    const { table } = plan;
    const n = tableNames(table.name);
    const converts = recordColumns(plan).some((c) => c.long === "bigint" || c.long === "string");
    imports.push(importLine("import", [n.checkEvent, ...(converts ? [n.convertEvent] : []), n.firstInvalidEvent, n.info], tableModule(table.name)));
    imports.push(importLine("import type", [n.event], tableModule(table.name)));
  }
  const blocks = [imports.join("\n")];

  for (const { table } of plans) {
    const n = tableNames(table.name);
    blocks.push(
      [
        doc(`A streamed record of category ${CATEGORY_PREFIX}${table.name} (schemas/${table.name}.record.schema.json).`),
        `export interface ${n.record} {`,
        doc("When the streaming API exported the event (ISO 8601 UTC); the event's own time is properties.Timestamp.", "  "),
        "  time: string;",
        "  tenantId: string;",
        `  category: ${str(`${CATEGORY_PREFIX}${table.name}`)};`,
        ...ENVELOPE_EXTRAS.map((k) => `  ${k}?: string;`),
        doc("The event: every column may be null, and a record older than a column lacks it.", "  "),
        `  properties: ${n.event};`,
        "}",
      ].join("\n"),
    );
  }
  const records = plans.map((p) => tableNames(p.table.name).record);
  const union = `export type StreamRecord = ${records.join(" | ") || "never"};`;
  blocks.push(
    [
      doc("Any streamed record this package knows, discriminated by `category`."),
      union.length <= WIDTH ? union : `export type StreamRecord =\n${records.map((r) => `  | ${r}`).join("\n")};`,
    ].join("\n"),
  );
  blocks.push('export type Category = StreamRecord["category"];');

  let covered = true;
  const entries = plans.map((plan) => {
    const { table } = plan;
    const n = tableNames(table.name);
    const record = recordColumns(plan);
    const bigint = record.filter((c) => c.long === "bigint").map((c) => str(c.name));
    const longString = record.filter((c) => c.long === "string").map((c) => str(c.name));
    const required = record.filter((c) => !c.shape.optional).map((c) => str(c.name));
    const options = [
      ...(formats ? ["formats: true"] : []),
      ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
      ...(plan.missingColumns === "error" ? ["rejectMissing: true"] : []),
      ...(plan.unsafeLongs === "error" ? ["rejectUnsafeLongs: true"] : []),
      ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
      ...(longString.length ? [`longString: [${longString.join(", ")}]`] : []),
      ...(required.length ? [`required: [${required.join(", ")}]`] : []),
      ...(bigint.length || longString.length ? [`convert: ${n.convertEvent}`] : []),
    ];
    const args = [str(table.name), n.firstInvalidEvent, n.checkEvent, `${n.info}.columns`];
    const entry = mapEntry(str(CATEGORY_PREFIX + table.name), args, options);
    if (entry === undefined) covered = false;
    return entry ?? flatEntry(str(CATEGORY_PREFIX + table.name), args, options);
  });
  const mapHead = "export const streamTables: ReadonlyMap<string, StreamTable> = new Map(";
  blocks.push(
    [
      doc("The tables the stream parser knows, by category (for tools built on the runtime, such as `kqlgen validate`)."),
      entries.length ? `${mapHead}[\n${entries.join("\n")}\n]);` : `${mapHead}[]);`,
    ].join("\n"),
  );

  blocks.push(
    [
      doc(
        'Parses and validates one Event Hubs message body `{"records":[...]}` (text, bytes, or already parsed).\n' +
          "Returns the valid records typed by category, per-record errors and warnings, and drift: unknown categories,\n" +
          "unknown and missing columns, unknown envelope keys. Longs beyond ±2^53 keep their exact digits (bigint and string\n" +
          "modes) when the body is text or bytes; an already-parsed object has lost them.",
      ),
      functionHead("export function parseEventHubsMessage", ["body: string | Uint8Array | object"], "StreamParseResult<StreamRecord>"),
      "  return parseEventHubsBody(body, streamTables) as StreamParseResult<StreamRecord>;",
      "}",
    ].join("\n"),
    [
      doc("Parses and validates a Storage blob of JSON lines (one record per line); errors carry the line number."),
      functionHead("export function parseStorageBlob", ["text: string | Uint8Array"], "StreamParseResult<StreamRecord>"),
      "  return parseStorageBlobText(text, streamTables) as StreamParseResult<StreamRecord>;",
      "}",
    ].join("\n"),
    ...storageFunctions(),
  );
  const text = moduleText("Defender streaming API: Event Hubs messages and Storage blobs, parsed and validated.", blocks);
  return { text, formatted: covered && fits(text) };
}

/** Typed entry points over the runtime's Storage and Capture readers (templates/runtime/storage.ts, capture.ts). */
function storageFunctions(): string[] {
  return [
    [
      doc(
        "Reads Defender's Storage export (a BlobServiceClient or ContainerClient of @azure/storage-blob): the blobs of a\n" +
          "time window and tables, each from its saved cursor on, as batches of typed records with stable ids.\n" +
          "Save `batch.cursor` under `batch.blob` once a batch is handled (at least once: drop duplicates by id).",
      ),
      functionHead(
        "export function readStorage",
        ["source: StorageServiceClient | StorageContainerClient", "options: ReadStorageOptions"],
        "AsyncGenerator<BlobBatch<StreamRecord>>",
      ),
      "  return readStorageExport(source, streamTables, options) as AsyncGenerator<BlobBatch<StreamRecord>>;",
      "}",
    ].join("\n"),
    [
      doc('One blob of the export (a BlobClient), from a cursor on; `blob` names it in ids and errors ("<container>/<blob name>").'),
      functionHead(
        "export function readStorageBlobRecords",
        ["blob: string", "client: StorageBlobClient", "from: BlobCursor | undefined", "options: BlobReadOptions = {}"],
        "AsyncGenerator<BlobBatch<StreamRecord>>",
      ),
      "  return readStorageBlob(blob, client, streamTables, from, options) as AsyncGenerator<BlobBatch<StreamRecord>>;",
      "}",
    ].join("\n"),
    [
      doc(
        "Reads an Event Hubs Capture file (Avro, plain or deflate; bytes or a stream of chunks): one batch of typed records\n" +
          "per message, errors located by Avro record index, sequence number and record index. Needs `avsc` (pass it, or install it).",
      ),
      functionHead(
        "export function readCapture",
        ["source: Uint8Array | AsyncIterable<Uint8Array>", "avro?: AvroModuleLike"],
        "AsyncGenerator<CaptureBatch<StreamRecord>>",
      ),
      "  return readCaptureFile(source, streamTables, avro) as AsyncGenerator<CaptureBatch<StreamRecord>>;",
      "}",
    ].join("\n"),
  ];
}
