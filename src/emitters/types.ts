/**
 * TypeScript row interfaces, written from the type mapping: each column's
 * TypeScript type (the mapping's, or the one built from a dynamic column's
 * configured JSON Schema) with its Kusto type as doc comment. The interface is
 * named by `tableNames`, like everything else of the table.
 */
import { recordColumns, type ColumnPlan, type TablePlan } from "../mapping/plan.js";
import { overrideKey } from "../mapping/plan.js";
import { pointerToken } from "../../templates/runtime/validation.js";
import { columnDescription, eventDescription, recordColumnDescription, tableDescription } from "./json-schema.js";
import { tableNames } from "./names.js";
import { jsString } from "./layout.js";
import type { EmitOptions } from "./options.js";
import { schemaToTs } from "./user-schema.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name in a type: bare when it is an identifier, else a string literal. */
export function typePropertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : jsString(name);
}

/** The TypeScript type of a column, null included. */
export function columnTsType(plan: TablePlan, c: ColumnPlan, configFile?: string): string {
  if (c.ts !== undefined) return c.ts;
  const loc = { file: configFile, table: plan.table.name, column: c.name, at: `/columns/${pointerToken(overrideKey(plan.table.name, c.name))}` };
  const type = schemaToTs(c.userSchema!, loc);
  if (!c.nullable || type === "unknown") return type;
  // `|` binds loosest in types: `A & B | null` is `(A & B) | null`.
  return `${type} | null`;
}

export function tableInterface(plan: TablePlan, _options: EmitOptions, configFile?: string): string {
  const lines = [`/** ${tableDescription(plan)} */`, `export interface ${tableNames(plan.table.name).interface} {`];
  for (const c of plan.columns) {
    lines.push(`  /** ${columnDescription(c)} */`, `  ${typePropertyName(c.name)}: ${columnTsType(plan, c, configFile)};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/** The interface of a streamed record's properties (`<Table>Event`): optional, nullable columns. */
export function eventInterface(plan: TablePlan): string {
  const n = tableNames(plan.table.name);
  // A configured JSON Schema's type is the row's (declared once, in the row interface).
  const user = (name: string, nullable: boolean) => `NonNullable<${n.interface}[${jsString(name)}]>${nullable ? " | null" : ""}`;
  const lines = [`/** ${eventDescription(plan)} */`, `export interface ${n.event} {`];
  for (const c of recordColumns(plan)) {
    const type = c.shape.ts ?? user(c.name, c.shape.nullable);
    lines.push(`  /** ${recordColumnDescription(c)} */`, `  ${typePropertyName(c.name)}${c.shape.optional ? "?" : ""}: ${type};`);
  }
  lines.push("}");
  return lines.join("\n");
}
