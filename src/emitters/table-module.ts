/**
 * The module of one table: its row interface, column metadata, and the
 * straight-line validator (`check<T>`, `validate<T>`, `is<T>`).
 */
import { StructureKind, VariableDeclarationKind, type Project, type WriterFunction } from "ts-morph";
import { recordColumns, type ColumnPlan, type RecordColumnPlan, type TablePlan } from "../mapping/plan.js";
import type { RuntimeCheck } from "../mapping/type-table.js";
import { printModule, type Statements } from "./code.js";
import { dynamicValidatorName } from "./dynamic.js";
import { propertyAccess, str, tableNames } from "./names.js";

/** Names every object has through Object.prototype. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Step `i` of the check: reads column `i` into `x`; returns `i` when it does not
 * match and is at or after `from` (evaluated only on failure: free for valid rows).
 */
function columnStep(c: ColumnPlan, i: number, table: string): WriterFunction {
  return (w) => {
    // A column named like a property every object inherits (`constructor`, `toString`, `__proto__`)
    // is read only when the row has it: a row without it lacks the column.
    if (INHERITED.has(c.name)) w.writeLine(`x = Object.hasOwn(row, ${str(c.name)}) ? ${propertyAccess("row", c.name)} : undefined;`);
    else w.writeLine(`x = ${propertyAccess("row", c.name)};`);
    if (c.userSchema) {
      w.writeLine(`if ((x === undefined || (${c.nullable ? "x !== null && " : ""}!${dynamicValidatorName(table, c.name)}(x))) && from <= ${i}) return ${i};`);
    } else {
      w.writeLine(`if (!(${c.check("x")}) && from <= ${i}) return ${i};`);
    }
  };
}

/**
 * Step `i` of a streamed record's check: absent columns are counted (drift),
 * not errors, except for columns configured `nullable: false`; the decoration
 * (MachineGroup) is optional and not counted.
 */
function recordStep(c: RecordColumnPlan, i: number, table: string): WriterFunction {
  return (w) => {
    w.writeLine(`x = ${propertyAccess("row", c.name)};`);
    const valid = c.userSchema
      ? `${c.shape.nullable ? "x === null || " : ""}${dynamicValidatorName(table, c.name)}(x)`
      : c.shape.check("x");
    if (!c.shape.optional) w.writeLine(`if (!(${valid}) && from <= ${i}) return ${i};`);
    else if (c.decoration || c.name === "MachineGroup") w.writeLine(`if (x !== undefined && !(${valid}) && from <= ${i}) return ${i};`);
    else {
      w.writeLine("if (x === undefined) absent++;");
      w.writeLine(`else if (!(${valid}) && from <= ${i}) return ${i};`);
    }
  };
}

export function emitTableModule(project: Project, plan: TablePlan, rowInterface: string, eventInterface: string): string {
  const { table } = plan;
  const n = tableNames(table.name);
  const record = recordColumns(plan);
  const formats = [...new Set([...plan.columns.flatMap((c) => c.uses), ...record.flatMap((c) => c.shape.uses)])].sort() as RuntimeCheck[];
  const dynamic = plan.columns.filter((c) => c.userSchema);
  const validation = ["checkedColumns", "collectErrors", "isValidRow", "validateRow"];

  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/validation.js", namedImports: validation },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/validation.js", isTypeOnly: true, namedImports: ["TableInfo", "ValidateOptions", "ValidationError", "ValidationResult"] },
  ];
  if (formats.length) statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/formats.js", namedImports: formats });
  if (dynamic.length) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../dynamic-schemas.js",
      namedImports: dynamic.map((c) => dynamicValidatorName(table.name, c.name)),
    });
  }
  statements.push(rowInterface);
  statements.push(eventInterface);

  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`The table ${table.name}: its columns in ordinal order, with their Kusto types.`],
    declarations: [
      {
        name: n.info,
        initializer: (w) => {
          w.write("{").indent(() => {
            w.writeLine(`name: ${str(table.name)},`);
            if (table.platform) w.writeLine(`platform: ${str(table.platform)},`);
            w.write("columns: [").indent(() => {
              for (const c of plan.columns) {
                w.writeLine(`{ name: ${str(c.name)}, type: ${str(c.kusto)}, ordinal: ${c.ordinal}, nullable: ${c.nullable} },`);
              }
            });
            w.writeLine("],");
          });
          w.write("} as const satisfies TableInfo");
        },
      },
    ],
  });

  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["What errors say of each column, and the table's known column names."],
    declarations: [
      {
        name: "columns",
        initializer: (w) => {
          w.write(`checkedColumns(${n.info}.columns, [`).indent(() => {
            for (const c of plan.columns) w.writeLine(`${str(c.expected)},`);
          });
          w.write("]");
          const schemas = plan.columns.flatMap((c, i) => (c.userSchema ? [`${i}: ${dynamicValidatorName(table.name, c.name)}`] : []));
          const bigint = plan.columns.flatMap((c, i) => (c.toBigInt ? [i] : []));
          const options = [
            ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
            ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
            ...(schemas.length ? [`schemas: { ${schemas.join(", ")} }`] : []),
          ];
          if (options.length) w.write(`, { ${options.join(", ")} }`);
          w.write(")");
        },
      },
    ],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.firstInvalid,
    docs: [
      `The straight-line check of a ${table.name} row: the index of the first invalid column at or after \`from\`, or -1.\n` +
        "Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.",
    ],
    parameters: [
      { name: "row", type: "Record<string, unknown>" },
      { name: "from", type: "number" },
    ],
    returnType: "number",
    statements: (w) => {
      w.writeLine("let x: unknown;");
      plan.columns.forEach((c, i) => columnStep(c, i, table.name)(w));
      w.writeLine("return -1;");
    },
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.check,
    docs: [`Adds the errors of a ${table.name} row, with paths under \`base\`; undefined when the row is valid. Used by the stream parser.`],
    parameters: [
      { name: "row", type: "Record<string, unknown>" },
      { name: "base", type: "string" },
      { name: "errors", type: "ValidationError[] | undefined" },
      { name: "all", type: "boolean", initializer: "true" },
    ],
    returnType: "ValidationError[] | undefined",
    statements: [`return collectErrors(row, base, errors, ${n.firstInvalid}, columns, all);`],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.validate,
    docs: [
      `Validates a ${table.name} query row (what Kusto returns: strings are never null, every column is present): the typed row, or every error (only the first with \`{ allErrors: false }\`)\n` +
        "with its JSON Pointer, expected Kusto type and what was found. " +
        (plan.unknownColumns === "error"
          ? "Columns the table does not know are errors."
          : "Columns the table does not know are accepted and listed in `unknownColumns`."),
    ],
    parameters: [
      { name: "value", type: "unknown" },
      { name: "options", type: "ValidateOptions", hasQuestionToken: true },
    ],
    returnType: `ValidationResult<${n.interface}>`,
    statements: [`return validateRow<${n.interface}>(value, ${str(table.name)}, ${n.firstInvalid}, columns, options);`],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.is,
    docs: [`Whether a value is a valid ${table.name} row (stops at the first invalid column).`],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${n.interface}`,
    statements: [`return isValidRow(value, ${n.firstInvalid}, columns);`],
  });

  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["What errors say of each column of a streamed record's properties (MachineGroup included), and which may be absent."],
    declarations: [
      {
        name: n.eventColumns,
        initializer: (w) => {
          const decoration = record.find((c) => c.decoration);
          const infos = decoration
            ? `[...${n.info}.columns, { name: ${str(decoration.name)}, type: "string", ordinal: ${decoration.ordinal}, nullable: true }]`
            : `${n.info}.columns`;
          w.write(`checkedColumns(${infos}, [`).indent(() => {
            for (const c of record) w.writeLine(`${str(c.shape.expected)},`);
          });
          w.write("]");
          const schemas = record.flatMap((c, i) => (c.userSchema ? [`${i}: ${dynamicValidatorName(table.name, c.name)}`] : []));
          const optional = record.flatMap((c, i) => (c.shape.optional && !c.decoration && c.name !== "MachineGroup" ? [i] : []));
          const bigint = record.flatMap((c, i) => (c.long === "bigint" ? [i] : []));
          const longString = record.flatMap((c, i) => (c.long === "string" ? [i] : []));
          const options = [
            ...(plan.unknownColumns === "error" ? ["rejectUnknown: true"] : []),
            ...(plan.missingColumns === "error" ? ["rejectMissing: true"] : []),
            `optional: [${optional.join(", ")}]`,
            ...(bigint.length ? [`bigint: [${bigint.join(", ")}]`] : []),
            ...(longString.length ? [`longString: [${longString.join(", ")}]`] : []),
            ...(schemas.length ? [`schemas: { ${schemas.join(", ")} }`] : []),
          ];
          w.write(`, { ${options.join(", ")} })`);
        },
      },
    ],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.firstInvalidEvent,
    docs: [
      `The straight-line check of a streamed ${table.name} record's properties: the index of the first invalid column at or after \`from\`,\n` +
        "or, when there is none, -1 - (how many columns are absent). Null is valid in every column" +
        (record.some((c) => !c.shape.nullable) ? " but those configured `nullable: false`" : "") + ".",
    ],
    parameters: [
      { name: "row", type: "Record<string, unknown>" },
      { name: "from", type: "number" },
    ],
    returnType: "number",
    statements: (w) => {
      w.writeLine("let x: unknown;");
      w.writeLine("let absent = 0;");
      record.forEach((c, i) => recordStep(c, i, table.name)(w));
      w.writeLine("return -1 - absent;");
    },
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.checkEvent,
    docs: [`Adds the errors of a streamed ${table.name} record's properties, with paths under \`base\`; undefined when valid. Used by the stream parser.`],
    parameters: [
      { name: "row", type: "Record<string, unknown>" },
      { name: "base", type: "string" },
      { name: "errors", type: "ValidationError[] | undefined" },
      { name: "all", type: "boolean", initializer: "true" },
    ],
    returnType: "ValidationError[] | undefined",
    statements: [`return collectErrors(row, base, errors, ${n.firstInvalidEvent}, ${n.eventColumns}, all);`],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.validateEvent,
    docs: [
      `Validates the properties of a streamed ${table.name} record (what Event Hubs and Storage carry): null is valid in every column,\n` +
        "and absent columns are " +
        (plan.missingColumns === "error" ? "errors" : "accepted and listed in `missingColumns`") +
        ". Long columns beyond ±2^53 lose digits in an object parsed by JSON.parse: parse text with `parseEventHubsMessage` to keep them.",
    ],
    parameters: [
      { name: "value", type: "unknown" },
      { name: "options", type: "ValidateOptions", hasQuestionToken: true },
    ],
    returnType: `ValidationResult<${n.event}>`,
    statements: [`return validateRow<${n.event}>(value, ${str(table.name)}, ${n.firstInvalidEvent}, ${n.eventColumns}, options);`],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.isEvent,
    docs: [`Whether a value is valid properties of a streamed ${table.name} record (stops at the first invalid column).`],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${n.event}`,
    statements: [`return isValidRow(value, ${n.firstInvalidEvent}, ${n.eventColumns});`],
  });

  return printModule(project, `src/tables/${table.name}.ts`, `Table ${table.name}: row type, column metadata and validator.`, statements);
}
