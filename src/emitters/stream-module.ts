/**
 * The stream parser module: typed records of every table, discriminated by
 * `category`, and the Event Hubs / Storage entry points over the runtime.
 * Written in prettier's layout (layout.ts).
 */
import type { TablePlan } from "../mapping/plan.js";
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
  ];
  for (const { table } of plans) {
    const n = tableNames(table.name);
    imports.push(importLine("import", [n.check, n.firstInvalid, n.info], tableModule(table.name)));
    imports.push(importLine("import type", [n.interface], tableModule(table.name)));
  }
  const blocks = [imports.join("\n")];

  for (const { table } of plans) {
    const n = tableNames(table.name);
    const decorated = !table.columns.some((c) => c.name === DECORATION);
    blocks.push(
      [
        doc(`The properties of a streamed ${table.name} event: a row${decorated ? `, plus the ${DECORATION} the stream adds` : ""}.`),
        `export type ${n.event} = ${decorated ? `${n.interface} & { ${DECORATION}: string }` : n.interface};`,
      ].join("\n"),
      [
        doc(`A streamed record of category ${CATEGORY_PREFIX}${table.name}.`),
        `export interface ${n.record} {`,
        doc("When Defender received the event (ISO 8601 UTC).", "  "),
        "  time: string;",
        "  tenantId: string;",
        `  category: ${str(`${CATEGORY_PREFIX}${table.name}`)};`,
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
    const bigint = plan.columns.filter((c) => c.toBigInt).map((c) => str(c.name));
    const options = [
      ...(formats ? ["formats: true"] : []),
      ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
      ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
    ];
    const args = [str(table.name), n.firstInvalid, n.check, `${n.info}.columns`];
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
          "Returns the valid records typed by category, per-record errors, unknown categories and unknown columns.",
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
  );
  const text = moduleText("Defender streaming API: Event Hubs messages and Storage blobs, parsed and validated.", blocks);
  return { text, formatted: covered && fits(text) };
}
