/**
 * The module of one table: its row interface, column metadata, and the
 * straight-line validator (`check<T>`, `validate<T>`, `is<T>`). Written as
 * text in prettier's layout (layout.ts): `fits` says when prettier must still run.
 */
import { recordColumns, type ColumnPlan, type RecordColumnPlan, type TablePlan } from "../mapping/plan.js";
import type { RuntimeCheck } from "../mapping/type-table.js";
import { dynamicValidatorName } from "./dynamic.js";
import { assignCall, callStatement, doc, fits, jsString as str, functionHead, importLine, moduleText, WIDTH } from "./layout.js";
import { tableNames } from "./names.js";

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `export const validate<T>: RowValidator<T> = rowValidator<T>(...)` in prettier's layout (one line when none covers it: fits() then fails). */
function validatorConst(lhs: string, callee: string, args: readonly string[]): string {
  return assignCall(lhs, callee, args) ?? `${lhs} = ${callee}(${args.join(", ")});`;
}

/** `row.Name` when the name is an identifier, else `row["Name with spaces"]`. */
function propertyAccess(object: string, name: string): string {
  return JS_IDENTIFIER.test(name) ? `${object}.${name}` : `${object}[${str(name)}]`;
}

/** Names every object has through Object.prototype. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** `if (cond) return i;`, or with the return on the next line when the line is too long. */
function ifReturn(cond: string, i: number): string {
  const flat = `  if (${cond}) return ${i};`;
  if (flat.length <= WIDTH) return flat;
  if (`  if (${cond})`.length <= WIDTH) return `  if (${cond})\n    return ${i};`;
  // The condition breaks after its last top-level `&&` (before `from <= i`).
  const at = cond.lastIndexOf(" && from <= ");
  return `  if (\n    ${cond.slice(0, at)} &&\n    ${cond.slice(at + 4)}\n  )\n    return ${i};`;
}

/**
 * Reads a column into `x`. A column named like a property every object inherits
 * (`constructor`, `toString`, `__proto__`) is read only when the row has it: a
 * row without it lacks the column.
 */
function readStep(name: string): string {
  return INHERITED.has(name) ? `  x = Object.hasOwn(row, ${str(name)}) ? ${propertyAccess("row", name)} : undefined;` : `  x = ${propertyAccess("row", name)};`;
}

/**
 * Step `i` of the check: reads column `i` into `x`; returns `i` when it does not
 * match and is at or after `from` (evaluated only on failure: free for valid rows).
 */
function columnStep(c: ColumnPlan, i: number, table: string): string {
  const read = readStep(c.name);
  const cond = c.userSchema
    ? `(x === undefined || (${c.nullable ? "x !== null && " : ""}!${dynamicValidatorName(table, c.name)}(x))) && from <= ${i}`
    : `!(${c.check("x")}) && from <= ${i}`;
  return `${read}\n${ifReturn(cond, i)}`;
}

/** `const columns = checkedColumns(info, [expected...], options?);` as prettier lays it out, or undefined. */
function columnsStatement(info: string, expected: readonly string[], options: readonly string[]): string | undefined {
  const lead = "const columns = checkedColumns";
  const array = `[${expected.join(", ")}]`;
  const opts = options.length ? `{ ${options.join(", ")} }` : undefined;
  const flat = `${lead}(${[`${info}.columns`, array, ...(opts ? [opts] : [])].join(", ")});`;
  if (flat.length <= WIDTH) return flat;
  const items = (indent: string) => expected.map((e) => `${indent}${e},`).join("\n");
  if (!opts) {
    // The last argument, the array, hugs the call.
    const first = `${lead}(${info}.columns, [`;
    return first.length <= WIDTH ? `${first}\n${items("  ")}\n]);` : undefined;
  }
  const hug = `${lead}(${info}.columns, ${array}, {`;
  if (hug.length <= WIDTH) return `${hug}\n${options.map((o) => `  ${o},`).join("\n")}\n});`;
  const arrayLine = `  ${array},`.length <= WIDTH ? `  ${array},` : `  [\n${items("    ")}\n  ],`;
  return `${lead}(\n  ${info}.columns,\n${arrayLine}\n  ${opts},\n);`;
}

/**
 * Step `i` of a streamed record's check: absent columns are counted (drift),
 * not errors, except for columns configured `nullable: false`; the decoration
 * (MachineGroup) is optional and not counted.
 */
function recordStep(c: RecordColumnPlan, i: number, table: string): string {
  const read = readStep(c.name);
  const valid = c.userSchema ? `${c.shape.nullable ? "x === null || " : ""}${dynamicValidatorName(table, c.name)}(x)` : c.shape.check("x");
  const large = flagsLarge(c) ? `\n${LARGE_STEP}` : "";
  if (!c.shape.optional) return `${read}\n${ifReturn(`!(${valid}) && from <= ${i}`, i)}${large}`;
  if (!c.driftWhenAbsent) return `${read}\n${ifReturn(`x !== undefined && !(${valid}) && from <= ${i}`, i)}`;
  const flat = `  else if (!(${valid}) && from <= ${i}) return ${i};`;
  const elseIf =
    flat.length <= WIDTH
      ? flat
      : `  else if (!(${valid}) && from <= ${i})`.length <= WIDTH
        ? `  else if (!(${valid}) && from <= ${i})\n    return ${i};`
        : `  else if (\n    !(${valid}) &&\n    from <= ${i}\n  )\n    return ${i};`;
  // The index of an absent column is noted (ABSENT_AT), so a parser names the record's absent columns without reading it again.
  return `${read}\n  if (x === undefined) ABSENT_AT[absent++] = ${i};\n${elseIf}${large}`;
}

/**
 * Columns per function of a straight-line check. TypeScript gives up on the
 * control flow of a longer function (TS2563: between 600 and 700 columns of a
 * record check), so a wider table's check continues in a chain of functions,
 * each handed the state so far.
 */
const SEGMENT = 250;

/**
 * A straight-line check (`steps`, one per column) as `export function <name>(row, from)`: its state variables
 * start at 0 and it returns `result`. Past SEGMENT steps, the rest goes to `<name>_2`, `<name>_3`… (module-local).
 */
function straightLine(check: { doc: string; name: string; steps: readonly string[]; state: readonly string[]; result: string }): string {
  const { doc: head, name, steps, state } = check;
  const params = ["row: Record<string, unknown>", "from: number"];
  const parts: string[] = [];
  for (let start = 0, part = 1; ; start += SEGMENT, part++) {
    const first = part === 1;
    const last = start + SEGMENT >= steps.length;
    const fn = first ? name : `${name}_${part}`;
    const next = `${name}_${part + 1}`;
    parts.push(
      [
        first ? head : doc(`${name}, continued: columns ${start} to ${Math.min(start + SEGMENT, steps.length) - 1}.`),
        functionHead(`${first ? "export " : ""}function ${fn}`, first ? params : [...params, ...state.map((v) => `${v}: number`)], "number"),
        "  let x: unknown;",
        ...(first ? state.map((v) => `  let ${v} = 0;`) : []),
        ...steps.slice(start, start + SEGMENT),
        last ? `  return ${check.result};` : `  return ${next}(${["row", "from", ...state].join(", ")});`,
        "}",
      ].join("\n"),
    );
    if (last) break;
  }
  return parts.join("\n\n");
}

/** A step of the conversion of a valid streamed record: a long column read as bigint or string gets its number (or, for bigint, its digit string) converted. */
function convertStep(c: RecordColumnPlan): string[] {
  const read = readStep(c.name);
  const target = propertyAccess("row", c.name);
  const [cond, value] =
    c.long === "bigint"
      ? [`typeof x === "number" || typeof x === "string"`, "BigInt(x)"]
      : [`typeof x === "number"`, "Number.isSafeInteger(x) ? String(x) : BigInt(x).toString()"];
  const flat = `  if (${cond}) ${target} = ${value};`;
  return [read, flat.length <= WIDTH ? flat : `  if (${cond})\n    ${target} = ${value};`];
}

/** A long column's step notes a number beyond ±2^53 (JSON.parse rounded it): the parser looks at a record's longs only then. */
function flagsLarge(c: RecordColumnPlan): boolean {
  return c.long !== undefined && !c.userSchema;
}

/** After a long column's step: a valid number beyond ±2^53 sets the flag the check adds to its result. */
const LARGE_STEP = "  else if (typeof x === \"number\" && (x > 9007199254740991 || x < -9007199254740991)) large = LARGE_LONG;";

/** `const <name> = checkedColumns(infos, [expected...], options?);` as prettier lays it out, or undefined. */
function eventColumnsStatement(
  name: string,
  infos: { readonly text: string; readonly items?: readonly string[] },
  expected: readonly string[],
  options: readonly string[],
): string | undefined {
  const lead = `const ${name} = checkedColumns`;
  const array = `[${expected.join(", ")}]`;
  const opts = options.length ? `{ ${options.join(", ")} }` : undefined;
  const flat = `${lead}(${[infos.text, array, ...(opts ? [opts] : [])].join(", ")});`;
  if (flat.length <= WIDTH) return flat;
  if (opts) {
    const hug = `${lead}(${infos.text}, ${array}, {`;
    if (hug.length <= WIDTH) return undefined;
  }
  const items = expected.map((e) => `    ${e},`).join("\n");
  const arrayLine = `  ${array},`.length <= WIDTH ? `  ${array},` : `  [\n${items}\n  ],`;
  // The columns argument on its line, or, when it does not fit, its array one item a line.
  let infosText = `  ${infos.text},`;
  if (infosText.length > WIDTH) {
    if (infos.items === undefined || infos.items.some((i) => `    ${i},`.length > WIDTH)) return undefined;
    infosText = `  [\n${infos.items.map((i) => `    ${i},`).join("\n")}\n  ],`;
  }
  let optsText = opts ? `  ${opts},\n` : "";
  if (opts && `  ${opts},`.length > WIDTH) {
    // The options object breaks: one option a line; a long list of numbers fills its lines.
    const lines: string[] = [];
    for (const o of options) {
      if (`    ${o},`.length <= WIDTH) lines.push(`    ${o},`);
      else {
        const m = /^(\w+): \[([\d, ]+)\]$/.exec(o);
        const filled = m ? fillNumbers(m[2]!.split(", "), "      ") : undefined;
        if (!m || !filled) return undefined;
        lines.push(`    ${m[1]}: [`, ...filled, "    ],");
      }
    }
    optsText = `  {\n${lines.join("\n")}\n  },\n`;
  }
  return `${lead}(\n${infosText}\n${arrayLine}\n${optsText});`;
}

/** Numbers filled into lines as prettier fills an array of numbers (trailing comma), or undefined near the width. */
function fillNumbers(items: readonly string[], indent: string): string[] | undefined {
  const lines: string[] = [];
  let line = "";
  for (const [i, item] of items.entries()) {
    const last = i === items.length - 1;
    const piece = `${item},`;
    if (line === "") line = `${indent}${piece}`;
    else if (line.length + 1 + piece.length <= WIDTH) line += ` ${piece}`;
    else {
      lines.push(line);
      line = `${indent}${piece}`;
    }
    // The last item's comma is printed only when the array breaks: too close to call.
    if (last && line.length >= WIDTH) return undefined;
  }
  lines.push(line);
  return lines;
}

/** `columns: [...]`: one entry on the line when it fits; several objects always one a line (prettier's rule). */
function columnInfos(plan: TablePlan): string[] {
  const entries = plan.columns.map((c) => `{ name: ${str(c.name)}, type: ${str(c.kusto)}, ordinal: ${c.ordinal}, nullable: ${c.nullable} }`);
  const flat = `  columns: [${entries.join(", ")}],`;
  if (entries.length === 1 && flat.length <= WIDTH) return [flat];
  return ["  columns: [", ...entries.map((e) => `    ${e},`), "  ],"];
}

export interface EmittedModule {
  readonly text: string;
  /** The text is prettier's layout already. */
  readonly formatted: boolean;
}

export function emitTableModule(plan: TablePlan, rowInterface: string, eventInterface: string): EmittedModule {
  const { table } = plan;
  const n = tableNames(table.name);
  const record = recordColumns(plan);
  const formats = [...new Set([...plan.columns.flatMap((c) => c.uses), ...record.flatMap((c) => c.shape.uses)])].sort() as RuntimeCheck[];
  const dynamic = plan.columns.filter((c) => c.userSchema);
  const hasLongs = record.some(flagsLarge);
  // Some column's absence is counted (and its index noted).
  const notesAbsent = record.some((c) => c.driftWhenAbsent);

  const imports = [
    importLine(
      "import",
      [
        ...(notesAbsent ? ["ABSENT_AT"] : []),
        "checkedColumns",
        "collectErrors",
        "isValidRow",
        ...(hasLongs ? ["LARGE_LONG"] : []),
        "rowValidator",
      ],
      "../runtime/validation.js",
    ),
    importLine("import type", ["RowValidator", "TableInfo", "ValidationError"], "../runtime/validation.js"),
    ...(formats.length ? [importLine("import", formats, "../runtime/formats.js")] : []),
    ...(dynamic.length ? [importLine("import", dynamic.map((c) => dynamicValidatorName(table.name, c.name)), "../dynamic-schemas.js")] : []),
  ];

  const info = [
    doc(`The table ${table.name}: its columns in ordinal order, with their Kusto types.`),
    `export const ${n.info} = {`,
    `  name: ${str(table.name)},`,
    ...(table.platform ? [`  platform: ${str(table.platform)},`] : []),
    ...columnInfos(plan),
    // (checkedColumns below checks the columns against ColumnInfo; `as const` alone keeps the declarations isolated)
    "} as const;",
  ].join("\n");

  const schemas = plan.columns.flatMap((c, i) => (c.userSchema ? [`${i}: ${dynamicValidatorName(table.name, c.name)}`] : []));
  const bigint = plan.columns.flatMap((c, i) => (c.toBigInt ? [i] : []));
  const options = [
    ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
    ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
    ...(schemas.length ? [`schemas: { ${schemas.join(", ")} }`] : []),
  ];
  const columnsCall = columnsStatement(n.info, plan.columns.map((c) => str(c.expected)), options);
  // Without a layout here, the call on one line (prettier lays it out).
  const columnsFlat = `const columns = checkedColumns(${[`${n.info}.columns`, `[${plan.columns.map((c) => str(c.expected)).join(", ")}]`, ...(options.length ? [`{ ${options.join(", ")} }`] : [])].join(", ")});`;
  const columns = [doc("What errors say of each column, and the table's known column names."), columnsCall ?? columnsFlat].join("\n");

  const firstInvalid = straightLine({
    doc: doc(
      `The straight-line check of a ${table.name} row: the index of the first invalid column at or after \`from\`, or -1.\n` +
        "Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.",
    ),
    name: n.firstInvalid,
    steps: plan.columns.map((c, i) => columnStep(c, i, table.name)),
    state: [],
    result: "-1",
  });

  const check = [
    doc(`Adds the errors of a ${table.name} row, with paths under \`base\`; undefined when the row is valid. Used by the stream parser.`),
    functionHead(
      `export function ${n.check}`,
      ["row: Record<string, unknown>", "base: string", "errors: ValidationError[] | undefined", "all: boolean = true"],
      "ValidationError[] | undefined",
    ),
    callStatement("  ", "return collectErrors", ["row", "base", "errors", n.firstInvalid, "columns", "all"], ";"),
    "}",
  ].join("\n");

  const validate = [
    doc(
      `Validates a ${table.name} query row (what Kusto returns: strings are never null, every column is present): the typed row, or every error (only the first with \`{ allErrors: false }\`)\n` +
        "with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). " +
        (plan.unknownColumns === "error"
          ? "Columns the table does not know are errors."
          : "Columns the table does not know are accepted and listed in `unknownColumns`."),
    ),
    validatorConst(`export const ${n.validate}: RowValidator<${n.interface}>`, `rowValidator<${n.interface}>`, [str(table.name), n.firstInvalid, "columns"]),
  ].join("\n");

  const is = [
    doc(`Whether a value is a valid ${table.name} row (stops at the first invalid column).`),
    functionHead(`export function ${n.is}`, ["value: unknown"], `value is ${n.interface}`),
    callStatement("  ", "return isValidRow", ["value", n.firstInvalid, "columns"], ";"),
    "}",
  ].join("\n");

  // The other shape: a streamed record's properties.
  const decoration = record.find((c) => c.decoration);
  // (As TableInfo: a spread of the const tuple of a wide table's columns is a union TypeScript refuses, TS2590.)
  const infoItems = decoration
    ? [`...(${n.info} as TableInfo).columns`, `{ name: ${str(decoration.name)}, type: "string", ordinal: ${decoration.ordinal}, nullable: true }`]
    : undefined;
  const infos = infoItems ? `[${infoItems.join(", ")}]` : `${n.info}.columns`;
  const recordSchemas = record.flatMap((c, i) => (c.userSchema ? [`${i}: ${dynamicValidatorName(table.name, c.name)}`] : []));
  const optional = record.flatMap((c, i) => (c.driftWhenAbsent ? [i] : []));
  const recordBigint = record.flatMap((c, i) => (c.long === "bigint" ? [i] : []));
  const longString = record.flatMap((c, i) => (c.long === "string" ? [i] : []));
  const eventOptions = [
    ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
    ...(plan.missingColumns === "error" ? ["rejectMissing: true"] : []),
    `optional: [${optional.join(", ")}]`,
    ...(recordBigint.length ? [`bigint: [${recordBigint.join(", ")}]`] : []),
    ...(longString.length ? [`longString: [${longString.join(", ")}]`] : []),
    ...(recordSchemas.length ? [`schemas: { ${recordSchemas.join(", ")} }`] : []),
  ];
  const eventExpected = record.map((c) => str(c.shape.expected));
  const eventColumnsCall = eventColumnsStatement(n.eventColumns, { text: infos, items: infoItems }, eventExpected, eventOptions);
  const eventColumns = [
    doc("What errors say of each column of a streamed record's properties (MachineGroup included), and which may be absent."),
    eventColumnsCall ?? `const ${n.eventColumns} = checkedColumns(${infos}, [${eventExpected.join(", ")}], { ${eventOptions.join(", ")} });`,
  ].join("\n");

  const firstInvalidEvent = straightLine({
    doc: doc(
      `The straight-line check of a streamed ${table.name} record's properties: the index of the first invalid column at or after \`from\`,\n` +
        "or, when there is none, -1 - (how many columns are absent" +
        (notesAbsent ? ", their indexes noted in ABSENT_AT" : "") +
        ")" +
        (hasLongs ? " - (LARGE_LONG when a long column holds a number beyond ±2^53)" : "") +
        ". Null is valid in every column" +
        (record.some((c) => !c.shape.nullable) ? " but those configured `nullable: false`" : "") +
        ".",
    ),
    name: n.firstInvalidEvent,
    steps: record.map((c, i) => recordStep(c, i, table.name)),
    state: ["absent", ...(hasLongs ? ["large"] : [])],
    result: hasLongs ? "-1 - absent - large" : "-1 - absent",
  });

  const checkEvent = [
    doc(`Adds the errors of a streamed ${table.name} record's properties, with paths under \`base\`; undefined when valid. Used by the stream parser.`),
    functionHead(
      `export function ${n.checkEvent}`,
      ["row: Record<string, unknown>", "base: string", "errors: ValidationError[] | undefined", "all: boolean = true"],
      "ValidationError[] | undefined",
    ),
    callStatement("  ", "return collectErrors", ["row", "base", "errors", n.firstInvalidEvent, n.eventColumns, "all"], ";"),
    "}",
  ].join("\n");

  const validateEvent = [
    doc(
      `Validates the properties of a streamed ${table.name} record (what Event Hubs and Storage carry): null is valid in every column,\n` +
        "and absent columns are " +
        (plan.missingColumns === "error" ? "errors" : "accepted and listed in `missingColumns`") +
        ". Long columns beyond ±2^53 lose digits in an object parsed by JSON.parse: parse text with `parseEventHubsMessage` to keep them." +
        " Also a Standard Schema (`~standard`).",
    ),
    validatorConst(`export const ${n.validateEvent}: RowValidator<${n.event}>`, `rowValidator<${n.event}>`, [str(table.name), n.firstInvalidEvent, n.eventColumns]),
  ].join("\n");

  const isEvent = [
    doc(`Whether a value is valid properties of a streamed ${table.name} record (stops at the first invalid column).`),
    functionHead(`export function ${n.isEvent}`, ["value: unknown"], `value is ${n.event}`),
    callStatement("  ", "return isValidRow", ["value", n.firstInvalidEvent, n.eventColumns], ";"),
    "}",
  ].join("\n");

  const converted = record.filter((c) => c.long === "bigint" || c.long === "string");
  const convertEvent = converted.length
    ? [
        doc(
          `Converts the long columns of a valid streamed ${table.name} record read as ${[...new Set(converted.map((c) => c.long))].sort().join(" or ")}, in place, from their numbers` +
            (converted.some((c) => c.long === "bigint") ? " and digit strings" : "") +
            ".\nUsed by the stream parser, which puts in the exact digits from the text itself for a record with a long beyond ±2^53.",
        ),
        functionHead(`export function ${n.convertEvent}`, ["row: Record<string, unknown>"], "void"),
        "  let x: unknown;",
        ...converted.flatMap((c) => convertStep(c)),
        "}",
      ].join("\n")
    : undefined;

  const text = moduleText(`Table ${table.name}: row type, column metadata and validator.`, [
    imports.join("\n"),
    rowInterface,
    eventInterface,
    info,
    columns,
    firstInvalid,
    check,
    validate,
    is,
    eventColumns,
    firstInvalidEvent,
    checkEvent,
    validateEvent,
    isEvent,
    ...(convertEvent === undefined ? [] : [convertEvent]),
  ]);
  return { text, formatted: columnsCall !== undefined && eventColumnsCall !== undefined && dynamic.length === 0 && fits(text) };
}
