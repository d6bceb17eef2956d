/**
 * The stream parser module: typed records of every table, discriminated by
 * `category`, and the Event Hubs / Storage entry points over the runtime.
 */
import { StructureKind, VariableDeclarationKind, type Project } from "ts-morph";
import type { TablePlan } from "../mapping/plan.js";
import { printModule, type Statements } from "./code.js";
import { str, tableModule, tableNames } from "./names.js";
// The runtime's own constants: the category prefix and the column the stream adds.
import { CATEGORY_PREFIX, DECORATION } from "../../templates/runtime/stream.js";

export function emitStreamModule(project: Project, plans: readonly TablePlan[], formats: boolean): string {
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/stream.js", namedImports: ["parseEventHubsBody", "parseStorageBlobText", "streamTable"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/stream.js", isTypeOnly: true, namedImports: ["StreamParseResult", "StreamTable"] },
  ];
  for (const { table } of plans) {
    const n = tableNames(table.name);
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), namedImports: [n.check, n.firstInvalid, n.info] });
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: tableModule(table.name), isTypeOnly: true, namedImports: [n.interface] });
  }

  for (const { table } of plans) {
    const decorated = !table.columns.some((c) => c.name === DECORATION);
    statements.push({ kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${table.name}Event`,
      docs: [`The properties of a streamed ${table.name} event: a row${decorated ? `, plus the ${DECORATION} the stream adds` : ""}.`],
      type: decorated ? `${table.name} & { ${DECORATION}: string }` : table.name,
    });
    statements.push({ kind: StructureKind.Interface,
      isExported: true,
      name: `${table.name}Record`,
      docs: [`A streamed record of category ${CATEGORY_PREFIX}${table.name}.`],
      properties: [
        { name: "time", type: "string", docs: ["When Defender received the event (ISO 8601 UTC)."] },
        { name: "tenantId", type: "string" },
        { name: "category", type: str(`${CATEGORY_PREFIX}${table.name}`) },
        { name: "properties", type: `${table.name}Event` },
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
              const bigint = plan.columns.filter((c) => c.toBigInt).map((c) => str(c.name));
              const options = [
                ...(formats ? ["formats: true"] : []),
                ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
                ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
              ];
              const args = [str(table.name), n.firstInvalid, n.check, `${n.info}.columns`, ...(options.length ? [`{ ${options.join(", ")} }`] : [])];
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
        "Returns the valid records typed by category, per-record errors, unknown categories and unknown columns.",
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
