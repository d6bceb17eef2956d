/**
 * The module of one table: its row interface, column metadata, and the
 * straight-line validator (`check<T>`, `validate<T>`, `is<T>`).
 */
import { VariableDeclarationKind, type Project, type WriterFunction } from "ts-morph";
import type { ColumnPlan, TablePlan } from "../mapping/plan.js";
import type { RuntimeCheck } from "../mapping/type-table.js";
import { newSourceFile, printSourceFile } from "./code.js";
import { dynamicValidatorName } from "./dynamic.js";
import { propertyAccess, str, tableNames } from "./names.js";

function columnCheck(c: ColumnPlan, table: string): WriterFunction {
  const read = `x = ${propertyAccess("row", c.name)};`;
  const report = (expected: string) =>
    `errors = addError(errors, base + ${str(c.pointer)}, ${str(c.name)}, ${str(expected)}, x);`;
  return (w) => {
    w.writeLine(read);
    if (c.userSchema) {
      const validator = dynamicValidatorName(table, c.name);
      w.write(`if (x === undefined) `).inlineBlock(() => w.writeLine(report(c.expected)));
      w.write(` else if (${c.nullable ? "x !== null && " : ""}!${validator}(x)) `).inlineBlock(() =>
        w.writeLine(`errors = addSchemaErrors(errors, base + ${str(c.pointer)}, ${str(c.name)}, ${validator}.errors, x);`),
      );
      w.newLine();
      return;
    }
    w.write(`if (!(${c.check("x")})) `).inlineBlock(() => w.writeLine(report(c.expected)));
    if (c.toBigInt) {
      w.write(` else if (typeof x === "number" || typeof x === "string") `).inlineBlock(() =>
        w.writeLine(`${propertyAccess("row", c.name)} = BigInt(x);`),
      );
    }
    w.newLine();
  };
}

export function emitTableModule(project: Project, plan: TablePlan, rowInterface: string): string {
  const { table } = plan;
  const n = tableNames(table.name);
  const file = newSourceFile(project, `src/tables/${table.name}.ts`);

  const formats = [...new Set(plan.columns.flatMap((c) => c.uses))].sort() as RuntimeCheck[];
  const dynamic = plan.columns.filter((c) => c.userSchema);
  const validation = ["addError", "invalid", "isRecord", "knownColumns", "valid", ...(dynamic.length ? ["addSchemaErrors"] : []), ...(plan.unknownColumns === "error" ? ["rejectUnknownColumns"] : [])].sort();
  file.addImportDeclaration({ moduleSpecifier: "../runtime/validation.js", namedImports: validation });
  file.addImportDeclaration({ moduleSpecifier: "../runtime/validation.js", isTypeOnly: true, namedImports: ["TableInfo", "ValidationError", "ValidationResult"] });
  if (formats.length) file.addImportDeclaration({ moduleSpecifier: "../runtime/formats.js", namedImports: formats });
  if (dynamic.length) {
    file.addImportDeclaration({ moduleSpecifier: "../dynamic-schemas.js", namedImports: dynamic.map((c) => dynamicValidatorName(table.name, c.name)) });
  }

  file.addStatements(rowInterface);

  file.addVariableStatement({
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

  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: n.known, initializer: `knownColumns(${n.info}.columns.map((c) => c.name))` }],
  });

  file.addFunction({
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
      for (const c of plan.columns) columnCheck(c, table.name)(w);
      if (plan.unknownColumns === "error") w.writeLine(`errors = rejectUnknownColumns(row, ${n.known}, base, errors);`);
      w.writeLine("return errors;");
    },
  });

  file.addFunction({
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
      `if (!isRecord(value)) return invalid(addError(undefined, "", undefined, ${str(`object (a ${table.name} row)`)}, value), value, ${n.known});`,
      `const errors = ${n.check}(value, "", undefined);`,
      `return errors === undefined ? valid(value as unknown as ${n.interface}, ${n.known}) : invalid(errors, value, ${n.known});`,
    ],
  });

  file.addFunction({
    isExported: true,
    name: n.is,
    docs: [`Whether a value is a valid ${table.name} row.`],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${n.interface}`,
    statements: [`return isRecord(value) && ${n.check}(value, "", undefined) === undefined;`],
  });

  return printSourceFile(file, `Table ${table.name}: row type, column metadata and validator.`);
}
