/**
 * The whole pipeline in one place: sources → schema model → type mapping →
 * emitters → output (formatted, ready to write or to compare).
 */
import { loadProject, resolveOptions } from "./config/config.js";
import { emitPackageFiles, type OutputFiles } from "./emitters/index.js";
import { InputProblem } from "./model/errors.js";
import { compareNames, type SchemaSet } from "./model/schema.js";
import { formatFile } from "./output/format.js";
import { withCompiled } from "./output/compile.js";
import { inputsHash } from "./emitters/inputs-hash.js";
import { readSchemaDir } from "./sources/index.js";

/** Files whose compilation may run ahead of the consumer. */
const COMPILE_AHEAD = 8;

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

export interface PackageStream extends Omit<PipelineResult, "files"> {
  /**
   * The package's files, one at a time, each formatted and each src/ module
   * followed by its lib/ .js and .d.ts, in no particular order. Emitted as
   * they are consumed: a writer that keeps only the file in hand keeps memory
   * flat however many tables there are. Iterate once.
   */
  readonly files: Iterable<readonly [string, string]> | AsyncIterable<readonly [string, string]>;
}

/** Reads the schemas and config, checks them, and returns the package's files as a stream (see PackageStream). */
export async function streamPackage(input: PipelineInput): Promise<PackageStream> {
  const project = await loadProject(input);
  const schema = await readSchemaDir(project.schemas, { followSymlinks: input.followSymlinks === true });
  const warnings: InputProblem[] = [];
  const options = resolveOptions(project.config, schema, project.file, { strict: input.strict, warn: (p) => warnings.push(p) });
  // Every check that can refuse the input runs here, before the first file.
  const emitted = emitPackageFiles(schema, options, project.file, inputsHash(schema, options));
  async function* files(): AsyncGenerator<readonly [string, string]> {
    // Modules compile on the thread pool while the next files are emitted; a few at a time, in order.
    const pending: Promise<[string, string][]>[] = [];
    for (const f of emitted) {
      const text = f.formatted ? f.text : await formatFile(f.path, f.text);
      const compiled = withCompiled(f.path, text);
      compiled.catch(() => undefined); // awaited below, in order
      pending.push(compiled);
      if (pending.length > COMPILE_AHEAD) yield* await pending.shift()!;
    }
    while (pending.length > 0) yield* await pending.shift()!;
  }
  return { schema, files: files(), warnings, schemas: project.schemas, ...(project.out !== undefined ? { out: project.out } : {}) };
}

/** The whole package in memory, sorted by path (tests, small packages). */
export async function buildPackage(input: PipelineInput): Promise<PipelineResult> {
  const { files: stream, ...rest } = await streamPackage(input);
  const files: OutputFiles = new Map();
  for await (const [path, text] of stream) files.set(path, text);
  return { ...rest, files: new Map([...files].sort(([a], [b]) => compareNames(a, b))) };
}
