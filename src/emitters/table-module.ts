/**
 * The module of one table: its row interface, column metadata, and the
 * straight-line validator (`check<T>`, `validate<T>`, `is<T>`).
 */
import { StructureKind, VariableDeclarationKind, type Project, type WriterFunction } from "ts-morph";
import type { ColumnPlan, TablePlan } from "../mapping/plan.js";
import type { RuntimeCheck } from "../mapping/type-table.js";
import { printModule, type Statements } from "./code.js";
import { dynamicValidatorName } from "./dynamic.js";
import { propertyAccess, str, tableNames } from "./names.js";

/** Reads column `i` into `x` and reports it when it does not match. */
function columnCheck(c: ColumnPlan, i: number, table: string): WriterFunction {
  const fail = `errors = columnError(errors, base, columns[${i}], x);`;
  return (w) => {
    w.writeLine(`x = ${propertyAccess("row", c.name)};`);
    if (c.userSchema) {
      const validator = dynamicValidatorName(table, c.name);
      w.writeLine(`if (x === undefined) ${fail}`);
      w.writeLine(
        `else if (${c.nullable ? "x !== null && " : ""}!${validator}(x)) errors = addSchemaErrors(errors, base + columns[${i}].pointer, ${str(c.name)}, ${validator}.errors, x);`,
      );
    } else if (c.toBigInt) {
      w.writeLine(`if (!(${c.check("x")})) ${fail}`);
      w.writeLine(`else if (typeof x === "number" || typeof x === "string") ${propertyAccess("row", c.name)} = BigInt(x);`);
    } else {
      w.writeLine(`if (!(${c.check("x")})) ${fail}`);
    }
  };
}

export function emitTableModule(project: Project, plan: TablePlan, rowInterface: string): string {
  const { table } = plan;
  const n = tableNames(table.name);
  const formats = [...new Set(plan.columns.flatMap((c) => c.uses))].sort() as RuntimeCheck[];
  const dynamic = plan.columns.filter((c) => c.userSchema);
  const validation = [
    "checkedColumns",
    "columnError",
    "invalid",
    "isRecord",
    "rowError",
    "valid",
    ...(dynamic.length ? ["addSchemaErrors"] : []),
    ...(plan.unknownColumns === "error" ? ["rejectUnknownColumns"] : []),
  ].sort();

  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/validation.js", namedImports: validation },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/validation.js", isTypeOnly: true, namedImports: ["TableInfo", "ValidationError", "ValidationResult"] },
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
          w.write("])");
        },
      },
    ],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.check,
    docs: [
      `Checks every column of a ${table.name} row, adding errors whose paths start with \`base\`.\n` +
        "Returns the error list (created on the first error), or undefined when the row is valid.\n" +
        "Used by the validator and by the stream parser.",
    ],
    parameters: [
      { name: "row", type: "Record<string, unknown>" },
      { name: "base", type: "string" },
      { name: "errors", type: "ValidationError[] | undefined" },
    ],
    returnType: "ValidationError[] | undefined",
    statements: (w) => {
      w.writeLine("let x: unknown;");
      plan.columns.forEach((c, i) => columnCheck(c, i, table.name)(w));
      if (plan.unknownColumns === "error") w.writeLine("errors = rejectUnknownColumns(row, columns.known, base, errors);");
      w.writeLine("return errors;");
    },
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.validate,
    docs: [
      `Validates a ${table.name} row: the typed row, or every error with its JSON Pointer, expected Kusto type and what was found.\n` +
        (plan.unknownColumns === "error"
          ? "Columns the table does not know are errors."
          : "Columns the table does not know are accepted and listed in `unknownColumns`."),
    ],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `ValidationResult<${n.interface}>`,
    statements: [
      `if (!isRecord(value)) return invalid(rowError(${str(table.name)}, value), value, columns.known);`,
      `const errors = ${n.check}(value, "", undefined);`,
      `return errors === undefined ? valid(value as unknown as ${n.interface}, columns.known) : invalid(errors, value, columns.known);`,
    ],
  });

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: n.is,
    docs: [`Whether a value is a valid ${table.name} row.`],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${n.interface}`,
    statements: [`return isRecord(value) && ${n.check}(value, "", undefined) === undefined;`],
  });

  return printModule(project, `src/tables/${table.name}.ts`, `Table ${table.name}: row type, column metadata and validator.`, statements);
}
