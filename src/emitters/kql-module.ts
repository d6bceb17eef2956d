/**
 * The KQL module of one table (`src/kql/<Table>.ts`): the table as the start
 * of a typed query, `<Table>Kql`, made by the runtime's `kqlTable` from the
 * row interface and each column's Kusto type. Names are written as they are in
 * the model; the runtime quotes them (brackets where KQL needs them) through
 * its one escaper, so no KQL text is built here.
 */
import { StructureKind, VariableDeclarationKind, type Project } from "ts-morph";
import type { TablePlan } from "../mapping/plan.js";
import type { LongMode } from "../mapping/type-table.js";
import { printModule, type Statements } from "./code.js";
import { str, tableModule, tableNames } from "./names.js";

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name in an object literal (`__proto__` computed, so it stays an own property). */
function propertyKey(name: string): string {
  if (name === "__proto__") return `[${str(name)}]`;
  return JS_IDENTIFIER.test(name) ? name : str(name);
}

export function kqlModule(table: string): string {
  return `./kql/${table}.js`;
}

export function kqlName(table: string): string {
  return tableNames(table).kql;
}

/** How each long column is represented in rows, when not as a number (resolved by the mapping). */
function longModes(plan: TablePlan): [string, LongMode][] {
  return plan.columns.flatMap((c): [string, LongMode][] => (c.long && c.long !== "number" ? [[c.name, c.long]] : []));
}

export function emitKqlModule(project: Project, plan: TablePlan): string {
  const { table } = plan;
  const rowType = tableNames(table.name).interface;
  const longs = longModes(plan);
  const first = plan.columns[0]?.name ?? "Column";
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime/kql.js", namedImports: ["kqlTable"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `.${tableModule(table.name)}`, isTypeOnly: true, namedImports: [rowType] },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        `The table ${table.name} as the start of a typed KQL query: \`${kqlName(table.name)}.where(...).project(...)\`.\n` +
          `\`${kqlName(table.name)}.col[${str(first)}]\` is a typed column reference; the row type follows the query.`,
      ],
      declarations: [
        {
          name: kqlName(table.name),
          initializer: (w) => {
            w.write(`kqlTable<${rowType}>()(`).indent(() => {
              w.writeLine(`${str(table.name)},`);
              w.write("{").indent(() => {
                for (const c of plan.columns) w.writeLine(`${propertyKey(c.name)}: ${str(c.kusto)},`);
              });
              w.write(longs.length ? "}," : "}");
              if (longs.length) {
                w.newLine().write("{").indent(() => {
                  for (const [name, mode] of longs) w.writeLine(`${propertyKey(name)}: ${str(mode)},`);
                });
                w.write("}");
              }
            });
            w.write(")");
          },
        },
      ],
    },
  ];
  return printModule(project, `src/kql/${table.name}.ts`, `Table ${table.name} in KQL: typed column references and query builder.`, statements);
}
