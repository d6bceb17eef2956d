/**
 * TypeScript row interfaces, made by json-schema-to-typescript from the same
 * JSON Schema the package ships. The type mapping's TypeScript type is passed
 * as `tsType`; a user's JSON Schema for a dynamic column is converted as is.
 */
import { compile } from "json-schema-to-typescript";
import type { TablePlan } from "../mapping/plan.js";
import { tableJsonSchema } from "./json-schema.js";
import type { EmitOptions } from "./options.js";

export async function tableInterface(plan: TablePlan, options: EmitOptions): Promise<string> {
  const schema = tableJsonSchema(plan, options, (c) => (c.ts === undefined ? {} : { tsType: c.ts }));
  delete schema.$schema;
  delete schema.$id;
  delete schema.$comment;
  const ts = await compile(schema as Parameters<typeof compile>[0], plan.table.name, {
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
