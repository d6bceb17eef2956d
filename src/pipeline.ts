/**
 * The whole pipeline in one place: sources → schema model → type mapping →
 * emitters → output (formatted, ready to write or to compare).
 */
import { loadProject, resolveOptions } from "./config/config.js";
import { emitPackageParts, RUNTIME_DIR, type OutputFiles } from "./emitters/index.js";
import { InputProblem } from "./model/errors.js";
import type { SchemaSet } from "./model/schema.js";
import { formatFiles } from "./output/format.js";
import { compileFiles } from "./output/compile.js";
import { inputsHash } from "./emitters/inputs-hash.js";
import { readSchemaDir } from "./sources/index.js";

export interface PipelineInput {
  /** Folder of schema files; undefined: the config's `schemas`. */
  readonly schemas?: string;
  /** Config file; undefined: kqlgen.config.json in `cwd` or the nearest folder above. */
  readonly config?: string;
  /** Read symbolic links that lead out of the schemas folder. */
  readonly followSymlinks?: boolean;
  /** Where relative paths start and the config search begins (default: process.cwd()). */
  readonly cwd?: string;
  /** Warnings (an override naming a table the schemas lack) are errors. */
  readonly strict?: boolean;
}

export interface PipelineResult {
  readonly schema: SchemaSet;
  /** Formatted files of the generated package, sorted by path. */
  readonly files: OutputFiles;
  /** What was questionable but not wrong (config overrides naming tables the schemas lack). */
  readonly warnings: readonly InputProblem[];
  /** The schemas folder read. */
  readonly schemas: string;
  /** The config's output folder (relative to the working folder), when it names one. */
  readonly out?: string;
}

export async function buildPackage(input: PipelineInput): Promise<PipelineResult> {
  const project = await loadProject(input);
  const schema = await readSchemaDir(project.schemas, { followSymlinks: input.followSymlinks === true });
  const warnings: InputProblem[] = [];
  const options = resolveOptions(project.config, schema, project.file, { strict: input.strict, warn: (p) => warnings.push(p) });
  // The runtime is copied from templates that are kept formatted; most modules are emitted in prettier's layout.
  const emitted = await emitPackageParts(schema, options, project.file, inputsHash(schema, options));
  const sources = await formatFiles(emitted.files, (path) => path.startsWith(RUNTIME_DIR) || emitted.preformatted.has(path));
  const files = compileFiles(sources);
  return { schema, files, warnings, schemas: project.schemas, ...(project.out !== undefined ? { out: project.out } : {}) };
}
