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
  ];
  for (const { table } of plans) {
    const n = tableNames(table.name);
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), namedImports: [n.checkEvent, n.firstInvalidEvent, n.info] });
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), isTypeOnly: true, namedImports: [n.event] });
  }

  for (const { table } of plans) {
    const n = tableNames(table.name);
    const decorated = !table.columns.some((c) => c.name === DECORATION);
    statements.push({ kind: StructureKind.TypeAlias,
      isExported: true,
      name: n.event,
      docs: [`The properties of a streamed ${table.name} event: a row${decorated ? `, plus the ${DECORATION} the stream adds` : ""}.`],
      type: decorated ? `${n.interface} & { ${DECORATION}: string }` : n.interface,
    });
    statements.push({ kind: StructureKind.Interface,
      isExported: true,
      name: n.record,
      docs: [`A streamed record of category ${CATEGORY_PREFIX}${table.name}.`],
      properties: [
        { name: "time", type: "string", docs: ["When the streaming API exported the event (ISO 8601 UTC); the event's own time is properties.Timestamp."] },
        { name: "tenantId", type: "string" },
        { name: "category", type: str(`${CATEGORY_PREFIX}${table.name}`) },
        { name: "properties", type: n.event },
      ],
    });
  }
  statements.push({ kind: StructureKind.TypeAlias,
    isExported: true,
    name: "StreamRecord",
    docs: ["Any streamed record this package knows, discriminated by `category`."],
    type: plans.map((p) => tableNames(p.table.name).record).join(" | ") || "never",
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
  return printModule(project, "src/stream.ts", "Defender streaming API: Event Hubs messages and Storage blobs, parsed and validated.", statements);
}
