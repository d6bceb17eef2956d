/**
 * The whole pipeline in one place: sources → schema model → type mapping →
 * emitters → output (formatted, ready to write or to compare).
 */
import { loadConfig, resolveOptions } from "./config/config.js";
import { emitPackageParts, RUNTIME_DIR, type OutputFiles } from "./emitters/index.js";
import type { SchemaSet } from "./model/schema.js";
import { formatFiles } from "./output/format.js";
import { readSchemaDir } from "./sources/index.js";

export interface PipelineInput {
  /** Folder of schema files. */
  readonly schemas: string;
  /** Config file; undefined: kqlgen.config.json when present. */
  readonly config?: string;
}

export interface PipelineResult {
  readonly schema: SchemaSet;
  /** Formatted files of the generated package, sorted by path. */
  readonly files: OutputFiles;
}

export async function buildPackage(input: PipelineInput): Promise<PipelineResult> {
  const { config, file } = await loadConfig(input.config);
  const schema = await readSchemaDir(input.schemas);
  const options = resolveOptions(config, schema, file);
  // The runtime is copied from templates that are kept formatted; most modules are emitted in prettier's layout.
  const emitted = await emitPackageParts(schema, options, file);
  const files = await formatFiles(emitted.files, (path) => path.startsWith(RUNTIME_DIR) || emitted.preformatted.has(path));
  return { schema, files };
}
