/**
 * TypeScript row interfaces, made by json-schema-to-typescript from the same
 * JSON Schema the package ships. The type mapping's TypeScript type is passed
 * as `tsType`; a user's JSON Schema for a dynamic column is converted as is.
 */
import { compile } from "json-schema-to-typescript";
import type { TablePlan } from "../mapping/plan.js";
import { eventJsonSchema, tableJsonSchema } from "./json-schema.js";
import type { EmitOptions } from "./options.js";

export async function tableInterface(plan: TablePlan, options: EmitOptions): Promise<string> {
  const schema = tableJsonSchema(plan, options, (c) => (c.ts === undefined ? {} : { tsType: c.ts }));
  delete schema.$schema;
  delete schema.$id;
  delete schema.$comment;
  return interfaceOf(schema, plan.table.name);
}

/** The interface of a streamed record's properties (`<Table>Event`): optional, nullable columns. */
export async function eventInterface(plan: TablePlan): Promise<string> {
  // A configured JSON Schema's type is the row's (declared once, in the row interface).
  const user = (name: string, nullable: boolean) => `NonNullable<${plan.table.name}[${JSON.stringify(name)}]>${nullable ? " | null" : ""}`;
  return interfaceOf(
    eventJsonSchema(plan, (c) => ({ tsType: c.shape.ts ?? user(c.name, c.shape.nullable) })),
    `${plan.table.name}Event`,
  );
}

async function interfaceOf(schema: Record<string, unknown>, name: string): Promise<string> {
  const ts = await compile(schema as Parameters<typeof compile>[0], name, {
    bannerComment: "",
    format: false,
    additionalProperties: false,
    strictIndexSignatures: true,
    unknownAny: true,
    declareExternallyReferenced: true,
    enableConstEnums: false,
  });
  // One-line doc comments stay on one line.
  return ts.trim().replace(/\/\*\*\n\s*\* ([^\n]*)\n\s*\*\//g, "/** $1 */");
}
