/**
 * The whole pipeline in one place: sources → schema model → type mapping →
 * emitters → output (formatted, ready to write or to compare).
 */
import { loadConfig, resolveOptions } from "./config/config.js";
import { emitPackage, RUNTIME_DIR, type OutputFiles } from "./emitters/index.js";
import type { SchemaSet } from "./model/schema.js";
import { formatFiles } from "./output/format.js";
import { readSchemaDir } from "./sources/index.js";

export interface PipelineInput {
  /** Folder of schema files. */
  readonly schemas: string;
  /** Config file; undefined: kqlgen.config.json when present. */
  readonly config?: string;
  /** Read symbolic links that lead out of the schemas folder. */
  readonly followSymlinks?: boolean;
}

export interface PipelineResult {
  readonly schema: SchemaSet;
  /** Formatted files of the generated package, sorted by path. */
  readonly files: OutputFiles;
}

export async function buildPackage(input: PipelineInput): Promise<PipelineResult> {
  const { config, file } = await loadConfig(input.config);
  const schema = await readSchemaDir(input.schemas, { followSymlinks: input.followSymlinks === true });
  const options = resolveOptions(config, schema, file);
  // The runtime is copied from templates that are kept formatted.
  const files = await formatFiles(await emitPackage(schema, options, file), (path) => path.startsWith(RUNTIME_DIR));
  return { schema, files };
}
