/** What emitters need besides the schema: the resolved mapping and package identity. */
import type { MappingOptions } from "../mapping/plan.js";

export interface EmitOptions {
  readonly mapping: MappingOptions;
  readonly packageName: string;
  readonly packageVersion: string;
  /** Base of every JSON Schema `$id`; the table name and `.schema.json` follow. */
  readonly schemaIdBase: string;
}

/** A generated package: relative path → file content. */
export type OutputFiles = Map<string, string>;
