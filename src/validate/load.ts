/**
 * The generated validators, loaded in-process: `kqlgen validate` runs exactly
 * the code a generated package runs — the table checks and the runtime's
 * stream record check — and no second implementation of the rules.
 *
 * Fast path: the generated package at the config's `out` (or `--out`) ships
 * compiled JavaScript in lib/, and its package.json records the fingerprint
 * of the schemas and options it was made from (`kqlgen.inputs`, see
 * src/emitters/inputs-hash.ts). When that fingerprint is the one the current schemas
 * and config give, lib/ is loaded as it is: no emitter, no TypeScript, no
 * formatter is loaded (start-up is Node's plus reading the schemas).
 *
 * Otherwise (no output folder, a stale one, or one whose imports do not
 * resolve) the package is emitted and compiled in memory (build.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { loadProject, resolveOptions } from "../config/config.js";
import { inputsHash } from "../emitters/inputs-hash.js";
import type { InputProblem } from "../model/errors.js";
import type { SchemaSet } from "../model/schema.js";
import { readSchemaDir } from "../sources/index.js";

// The runtime's own types (the modules loaded below are the generated copies of these files).
import type { checkStreamRecord, RecordSink, StreamTable } from "../../templates/runtime/stream.js";
import type { ValidationError } from "../../templates/runtime/validation.js";

export type { RecordSink, StreamTable, ValidationError };

/** The runtime's record check (templates/runtime/stream.ts). */
export type CheckStreamRecord = typeof checkStreamRecord;

/** The generated validators of a schema set, ready to run. */
export interface LoadedValidators {
  readonly schema: SchemaSet;
  /** category ("AdvancedHunting-<Table>") → the runtime's table entry: the generated stream module's `streamTables`. */
  readonly tables: ReadonlyMap<string, StreamTable>;
  /** The runtime's record check: envelope, table check, MachineGroup, unknown columns. */
  readonly checkStreamRecord: CheckStreamRecord;
  /** Per table, the columns a streamed record carries (the table's, plus MachineGroup when the stream adds it), in order. */
  readonly columns: ReadonlyMap<string, readonly string[]>;
  /** Where the code came from: the output folder's lib/ (current), or built in memory. */
  readonly from: { readonly kind: "package"; readonly dir: string } | { readonly kind: "memory"; readonly reason: string };
  /** Config warnings (an override naming a table the schemas lack). */
  readonly warnings: readonly InputProblem[];
}

export interface LoadInput {
  /** Folder of schema files; undefined: the config's `schemas`. */
  readonly schemas?: string;
  /** The generated package to use when current; undefined: the config's `out`. */
  readonly out?: string;
  /** Config file; undefined: kqlgen.config.json here or in the nearest folder above. */
  readonly config?: string;
  /** Read symbolic links that lead out of the schemas folder. */
  readonly followSymlinks?: boolean;
}

const require = createRequire(import.meta.url);

/**
 * Loads an ES module by Node's own loader (`require` of ESM, Node >= 20.19):
 * a bundler or test runner that rewrites this module's `import()` calls
 * (vitest does) must not load the generated modules its own way — they have
 * to run exactly as in a generated package (vitest's loader, for one, gets
 * the default export of Ajv's CommonJS runtime helpers wrong).
 */
export function loadModule(file: string): Record<string, unknown> {
  return require(file) as Record<string, unknown>;
}

/** The validators of compiled modules in `lib` (a generated package's lib/, or a temporary copy). */
export function validatorsFrom(lib: string, schema: SchemaSet): Pick<LoadedValidators, "tables" | "columns" | "checkStreamRecord"> {
  const runtime = loadModule(path.join(lib, "runtime/stream.js"));
  const stream = loadModule(path.join(lib, "stream.js"));
  const tables = stream.streamTables as ReadonlyMap<string, StreamTable>;
  if (!(tables instanceof Map) || typeof runtime.checkStreamRecord !== "function") {
    // (a kqlgen whose emitters and runtime disagree)
    throw new Error("internal: the generated stream module does not export streamTables, or its runtime checkStreamRecord");
  }
  const columns = new Map<string, readonly string[]>();
  for (const table of schema.tables) {
    // The table's columns in its check's order, MachineGroup last when the stream adds it (the package is current: its inputs hash covers the runtime).
    // (Typed here: `instanceof Map` above narrowed the map to Map<any, any>.)
    const entry: StreamTable | undefined = tables.get(`${runtime.CATEGORY_PREFIX as string}${table.name}`);
    columns.set(table.name, (entry?.columns ?? table.columns).map((c) => c.name));
  }
  return { tables, columns, checkStreamRecord: runtime.checkStreamRecord as CheckStreamRecord };
}

/** Why the output folder's lib/ cannot be used, or undefined when it can. */
function staleReason(out: string | undefined, inputs: string): string | undefined {
  if (out === undefined) return "no output folder configured";
  let pkg: { kqlgen?: { inputs?: unknown } };
  try {
    pkg = JSON.parse(readFileSync(path.join(out, "package.json"), "utf8")) as typeof pkg;
  } catch {
    return `${out} holds no generated package`;
  }
  if (pkg.kqlgen?.inputs !== inputs) return `${out} is not current for these schemas and config`;
  if (!existsSync(path.join(out, "lib", "stream.js"))) return `${out} has no lib/`;
  return undefined;
}

/** The validators for a schema folder (and config): the current generated package's, else built in memory. Throws InputError on bad schemas or config. */
export async function loadValidators(input: LoadInput): Promise<LoadedValidators> {
  const project = await loadProject(input);
  const schema = await readSchemaDir(project.schemas, { followSymlinks: input.followSymlinks === true });
  const warnings: InputProblem[] = [];
  const options = resolveOptions(project.config, schema, project.file, { warn: (p) => warnings.push(p) });
  const inputs = inputsHash(schema, options);
  let reason = staleReason(project.out, inputs);
  if (reason === undefined) {
    const dir = path.resolve(project.out!);
    try {
      return { schema, ...validatorsFrom(path.join(dir, "lib"), schema), from: { kind: "package", dir }, warnings };
    } catch (e) {
      reason = `${project.out}/lib does not load (${(e as Error).message.split("\n")[0]})`;
    }
  }
  const { buildValidators } = await import("./build.js");
  return { schema, ...(await buildValidators(schema, options, project.file)), from: { kind: "memory", reason }, warnings };
}
