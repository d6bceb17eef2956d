/**
 * The KQL module of one table (`src/kql/<Table>.ts`): the table as the start
 * of a typed query, `<Table>Kql`, made by the runtime's `kqlTable` from the
 * row interface and each column's Kusto type. Names are written as they are in
 * the model; the runtime quotes them (brackets where KQL needs them) through
 * its one escaper, so no KQL text is built here. Written in prettier's layout (layout.ts).
 */
import type { TablePlan } from "../mapping/plan.js";
import type { LongMode } from "../mapping/type-table.js";
import type { EmittedModule } from "./table-module.js";
import { assignCall, doc, fits, jsString as str, moduleText } from "./layout.js";
import { tableModule, tableNames } from "./names.js";

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

export function emitKqlModule(plan: TablePlan): EmittedModule {
  const { table } = plan;
  const n = tableNames(table.name);
  const longs = longModes(plan);
  const first = plan.columns[0]?.name ?? "Column";
  // A column named like an inherited property (`constructor`) that is not a long is said to be none:
  // else the longs object's inherited `constructor` would not type as a long mode.
  const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));
  const plain = longs.length ? plan.columns.filter((c) => inherited.has(c.name) && !longs.some(([name]) => name === c.name)) : [];
  const columns = [
    doc(`The Kusto type of each column of ${table.name}.`),
    `const columns = {`,
    ...plan.columns.map((c) => `  ${propertyKey(c.name)}: ${str(c.kusto)},`),
    `} as const;`,
  ].join("\n");
  const entries = [...longs.map(([k, v]) => `${propertyKey(k)}: ${str(v)}`), ...plain.map((c) => `${propertyKey(c.name)}: undefined`)];
  const lhs = `export const ${n.kql}: TableQuery<${n.interface}, typeof columns>`;
  const laid = assignCall(lhs, `kqlTable<${n.interface}>()`, [str(table.name), "columns"], longs.length ? entries : undefined);
  const call = laid ?? `${lhs} = kqlTable<${n.interface}>()(${str(table.name)}, columns${longs.length ? `, { ${entries.join(", ")} }` : ""});`;
  const text = moduleText(`Table ${table.name} in KQL: typed column references and query builder.`, [
    [`import { kqlTable, type TableQuery } from "../runtime/query.js";`, `import type { ${n.interface} } from "..${tableModule(table.name).slice(1)}";`].join("\n"),
    columns,
    [
      doc(
        `The table ${table.name} as the start of a typed KQL query: \`${n.kql}.where(...).project(...)\`.\n` +
          `\`${n.kql}.col[${str(first)}]\` is a typed column reference; the row type follows the query.`,
      ),
      call,
    ].join("\n"),
  ]);
  const formatted = laid !== undefined && plan.columns.length > 0 && plan.columns.every((c) => JS_IDENTIFIER.test(c.name)) && fits(text);
  return { text, formatted };
}
