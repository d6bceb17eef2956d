/**
 * The stream parser module: typed records of every table, discriminated by
 * `category`, and the Event Hubs / Storage entry points over the runtime.
 */
import { StructureKind, VariableDeclarationKind, type Project } from "ts-morph";
import { recordColumns, type TablePlan } from "../mapping/plan.js";
import { printModule, type Statements } from "./code.js";
import { str, tableModule, tableNames } from "./names.js";
// The runtime's own constants: the category prefix and the column the stream adds.
import { CATEGORY_PREFIX, ENVELOPE_EXTRAS } from "../../templates/runtime/stream.js";

export function emitStreamModule(project: Project, plans: readonly TablePlan[], formats: boolean): string {
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/stream.js", namedImports: ["parseEventHubsBody", "parseStorageBlobText", "streamTable"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/stream.js", isTypeOnly: true, namedImports: ["StreamParseResult", "StreamTable"] },
    ...storageImports(),
  ];
  for (const { table } of plans) {
    const n = tableNames(table.name);
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), namedImports: [n.checkEvent, n.firstInvalidEvent, n.info] });
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), isTypeOnly: true, namedImports: [n.event] });
  }

  for (const { table } of plans) {
    statements.push({ kind: StructureKind.Interface,
      isExported: true,
      name: `${table.name}Record`,
      docs: [`A streamed record of category ${CATEGORY_PREFIX}${table.name} (schemas/${table.name}.record.schema.json).`],
      properties: [
        { name: "time", type: "string", docs: ["When the streaming API exported the event (ISO 8601 UTC); the event's own time is properties.Timestamp."] },
        { name: "tenantId", type: "string" },
        { name: "category", type: str(`${CATEGORY_PREFIX}${table.name}`) },
        ...ENVELOPE_EXTRAS.map((k) => ({ name: k, type: "string", hasQuestionToken: true })),
        { name: "properties", type: tableNames(table.name).event, docs: ["The event: every column may be null, and a record older than a column lacks it."] },
      ],
    });
  }
  statements.push({ kind: StructureKind.TypeAlias,
    isExported: true,
    name: "StreamRecord",
    docs: ["Any streamed record this package knows, discriminated by `category`."],
    type: plans.map((p) => `${p.table.name}Record`).join(" | ") || "never",
  });
  statements.push({ kind: StructureKind.TypeAlias, isExported: true, name: "Category", type: 'StreamRecord["category"]' });

  statements.push({ kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["The tables the stream parser knows, by category (for tools built on the runtime, such as `kqlgen validate`)."],
    declarations: [
      {
        name: "streamTables",
        type: "ReadonlyMap<string, StreamTable>",
        initializer: (w) => {
          w.write("new Map([").indent(() => {
            for (const plan of plans) {
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
              ];
              const args = [str(table.name), n.firstInvalidEvent, n.checkEvent, `${n.info}.columns`, ...(options.length ? [`{ ${options.join(", ")} }`] : [])];
              w.writeLine(`[${str(CATEGORY_PREFIX + table.name)}, streamTable(${args.join(", ")})],`);
            }
          });
          w.write("])");
        },
      },
    ],
  });

  statements.push({ kind: StructureKind.Function,
    isExported: true,
    name: "parseEventHubsMessage",
    docs: [
      'Parses and validates one Event Hubs message body `{"records":[...]}` (text, bytes, or already parsed).\n' +
        "Returns the valid records typed by category, per-record errors and warnings, and drift: unknown categories,\n" +
        "unknown and missing columns, unknown envelope keys. Longs beyond ±2^53 keep their exact digits (bigint and string\n" +
        "modes) when the body is text or bytes; an already-parsed object has lost them.",
    ],
    parameters: [{ name: "body", type: "string | Uint8Array | object" }],
    returnType: "StreamParseResult<StreamRecord>",
    statements: ["return parseEventHubsBody(body, streamTables) as StreamParseResult<StreamRecord>;"],
  });
  statements.push({ kind: StructureKind.Function,
    isExported: true,
    name: "parseStorageBlob",
    docs: ["Parses and validates a Storage blob of JSON lines (one record per line); errors carry the line number."],
    parameters: [{ name: "text", type: "string | Uint8Array" }],
    returnType: "StreamParseResult<StreamRecord>",
    statements: ["return parseStorageBlobText(text, streamTables) as StreamParseResult<StreamRecord>;"],
  });
  statements.push(...storageFunctions());
  return printModule(project, "src/stream.ts", "Defender streaming API: Event Hubs messages and Storage blobs, parsed and validated.", statements);
}

function storageImports(): Statements {
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/storage.js", namedImports: ["readStorageBlob", "readStorageExport"] },
    { kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/storage.js",
      isTypeOnly: true,
      namedImports: ["BlobBatch", "BlobCursor", "BlobReadOptions", "ReadStorageOptions", "StorageBlobClient", "StorageContainerClient", "StorageServiceClient"],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/capture.js", namedImports: ["readCaptureFile"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/capture.js", isTypeOnly: true, namedImports: ["AvroModuleLike", "CaptureBatch"] },
  ];
}

/** Typed entry points over the runtime's Storage and Capture readers (templates/runtime/storage.ts, capture.ts). */
function storageFunctions(): Statements {
  return [
    { kind: StructureKind.Function,
      isExported: true,
      name: "readStorage",
      docs: [
        "Reads Defender's Storage export (a BlobServiceClient or ContainerClient of @azure/storage-blob): the blobs of a\n" +
          "time window and tables, each from its saved cursor on, as batches of typed records with stable ids.\n" +
          "Save `batch.cursor` under `batch.blob` once a batch is handled (at least once: drop duplicates by id).",
      ],
      parameters: [
        { name: "source", type: "StorageServiceClient | StorageContainerClient" },
        { name: "options", type: "ReadStorageOptions" },
      ],
      returnType: "AsyncGenerator<BlobBatch<StreamRecord>>",
      statements: ["return readStorageExport(source, streamTables, options) as AsyncGenerator<BlobBatch<StreamRecord>>;"],
    },
    { kind: StructureKind.Function,
      isExported: true,
      name: "readStorageBlobRecords",
      docs: ['One blob of the export (a BlobClient), from a cursor on; `blob` names it in ids and errors ("<container>/<blob name>").'],
      parameters: [
        { name: "blob", type: "string" },
        { name: "client", type: "StorageBlobClient" },
        { name: "from", type: "BlobCursor | undefined" },
        { name: "options", type: "BlobReadOptions", initializer: "{}" },
      ],
      returnType: "AsyncGenerator<BlobBatch<StreamRecord>>",
      statements: ["return readStorageBlob(blob, client, streamTables, from, options) as AsyncGenerator<BlobBatch<StreamRecord>>;"],
    },
    { kind: StructureKind.Function,
      isExported: true,
      name: "readCapture",
      docs: [
        "Reads an Event Hubs Capture file (Avro, plain or deflate; bytes or a stream of chunks): one batch of typed records\n" +
          "per message, errors located by Avro record index, sequence number and record index. Needs `avsc` (pass it, or install it).",
      ],
      parameters: [
        { name: "source", type: "Uint8Array | AsyncIterable<Uint8Array>" },
        { name: "avro", type: "AvroModuleLike", hasQuestionToken: true },
      ],
      returnType: "AsyncGenerator<CaptureBatch<StreamRecord>>",
      statements: ["return readCaptureFile(source, streamTables, avro) as AsyncGenerator<CaptureBatch<StreamRecord>>;"],
    },
  ];
}
