/**
 * kqlgen's programmatic API (the package's main export), for scripts and
 * build tools: the same pipeline the `kqlgen` command runs.
 *
 * ```js
 * import { generate, check, readSchemas } from "kqlgen";
 * const { out, tables } = await generate({ cwd: "/path/to/project" }); // kqlgen.config.json found by walking up
 * const { upToDate, drift } = await check({ schemas: "schemas", out: "generated" });
 * const { tables: found } = await readSchemas("schemas");
 * ```
 *
 * Bad input throws an `InputError` whose `problems` name the file, table and
 * column; nothing on disk changes then.
 */
import path from "node:path";
import { loadProject } from "./config/config.js";
import type { Drift } from "./output/check.js";
import type { InputProblem } from "./model/errors.js";
import type { SchemaSet } from "./model/schema.js";
import { readSchemaDir } from "./sources/index.js";

export { InputError, InputProblem, EXIT } from "./model/errors.js";
export type { Column, SchemaSet, Table } from "./model/schema.js";
export type { KustoType } from "./model/kusto-types.js";
export type { Drift } from "./output/check.js";
export type { Config } from "./config/config.js";

export interface ProjectOptions {
  /** Folder of schema files; default: the config's `schemas`. */
  readonly schemas?: string;
  /** The generated package's folder; default: the config's `out`. */
  readonly out?: string;
  /** Config file; default: kqlgen.config.json in `cwd` or the nearest folder above it. */
  readonly config?: string;
  /** Where relative paths start and the config search begins; default: process.cwd(). */
  readonly cwd?: string;
  /** Warnings (a column override naming a table the schemas lack) throw instead. */
  readonly strict?: boolean;
  /** Read symbolic links in the schemas folder that lead outside it (refused by default). */
  readonly followSymlinks?: boolean;
}

export interface GenerateOptions extends ProjectOptions {
  /** Called when another kqlgen run holds the output folder's lock (its process id), before waiting for it. */
  readonly onWait?: (pid: number) => void;
}

export interface GenerateResult {
  /** The output folder written (relative to `cwd` when below it). */
  readonly out: string;
  /** Number of tables. */
  readonly tables: number;
  /** Number of files the package holds. */
  readonly files: number;
  readonly warnings: readonly InputProblem[];
}

export interface CheckResult {
  /** The output folder compared. */
  readonly out: string;
  readonly upToDate: boolean;
  /** Files that differ, are missing or are extra. */
  readonly drift: Drift;
  /** Number of files the package holds. */
  readonly files: number;
  readonly warnings: readonly InputProblem[];
  /** What an interrupted generate left in or beside the folder, in one line (then the folder was not compared). */
  readonly interrupted?: string;
}

async function build(options: ProjectOptions) {
  const cwd = options.cwd ?? process.cwd();
  const project = await loadProject({ ...options, cwd }, true);
  const { streamPackage } = await import("./pipeline.js");
  // Paths stay as the user gave them (for messages) when they are relative to the process's own folder.
  const here = path.resolve(cwd) === process.cwd();
  const built = await streamPackage({ ...options, schemas: here ? project.schemas : path.resolve(cwd, project.schemas), cwd });
  // The package carries kqlgen's owner marker (the folder is one kqlgen may replace).
  const { withOwnerMarker } = await import("./output/tree.js");
  const result = { ...built, files: withOwnerMarker(built.files) };
  return { result, out: project.out!, outPath: here ? project.out! : path.resolve(cwd, project.out!) };
}

/** Writes the generated package (`kqlgen generate`): file by file as they are made, committed all at once. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { result, out, outPath } = await build(options);
  const { writeOutput } = await import("./output/write.js");
  const written = await writeOutput(outPath, result.files, options.onWait ? { onWait: options.onWait } : {});
  return { out, tables: result.schema.tables.length, files: written.files, warnings: result.warnings };
}

/** Compares what `generate` would write with the output folder (`kqlgen check`); writes nothing. */
export async function check(options: ProjectOptions = {}): Promise<CheckResult> {
  const { result, out, outPath } = await build(options);
  const { compareOutput, hasDrift } = await import("./output/check.js");
  const { interruptedRun } = await import("./output/write.js");
  const interrupted = await interruptedRun(outPath, out);
  if (interrupted !== undefined) {
    let files = 0;
    for await (const _ of result.files) files++;
    return { out, upToDate: false, drift: { changed: [], created: [], deleted: [] }, files, warnings: result.warnings, interrupted };
  }
  const { files, ...drift } = await compareOutput(outPath, result.files);
  return { out, upToDate: !hasDrift(drift), drift, files, warnings: result.warnings };
}

/** Reads a folder of schema files (every supported format) into the schema model. */
export async function readSchemas(dir: string, options: { readonly followSymlinks?: boolean } = {}): Promise<SchemaSet> {
  return readSchemaDir(dir, { followSymlinks: options.followSymlinks === true });
}
