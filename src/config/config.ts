/**
 * kqlgen.config.json: read, checked against its own JSON Schema
 * (kqlgen.config.schema.json), and resolved against the schema set into the
 * options emitters take.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorObject } from "ajv";
import type { Ajv2020 as Ajv2020Class } from "ajv/dist/2020.js";
import type { EmitOptions } from "../emitters/options.js";
import { InputError, InputProblem } from "../model/errors.js";
import type { SchemaSet } from "../model/schema.js";
import type { ColumnOverride } from "../mapping/plan.js";
import type { LongMode } from "../mapping/type-table.js";
import type { LintConfig } from "../lint/config.js";
import { packagePath } from "../paths.js";
import { pointerToken } from "../../templates/runtime/validation.js";
import { readTextFile } from "../sources/files.js";
import { jsonDepth, MAX_JSON_DEPTH, quote, show } from "../model/show.js";
import { checkPattern, schemaPatterns } from "./regex-safety.js";

/** The largest config file kqlgen reads. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

export const DEFAULT_CONFIG_FILE = "kqlgen.config.json";
const CONFIG_SCHEMA = packagePath("kqlgen.config.schema.json");

export interface Config {
  /** The schemas folder, relative to the config file. */
  readonly schemas?: string;
  /** The generated package's folder, relative to the config file. */
  readonly out?: string;
  readonly package?: { readonly name?: string; readonly version?: string };
  readonly schemaIdBase?: string;
  readonly mapping?: {
    readonly long?: LongMode;
    readonly formats?: boolean;
    readonly unknownColumns?: "report" | "error";
    readonly missingColumns?: "report" | "error";
    readonly unsafeLongs?: "warn" | "error";
  };
  readonly columns?: Readonly<Record<string, ColumnOverride>>;
  readonly lint?: LintConfig;
}

export const DEFAULTS = {
  packageName: "kqlgen-tables",
  packageVersion: "0.0.0",
  long: "number" as LongMode,
  formats: false,
  unknownColumns: "report" as const,
  missingColumns: "report" as const,
  unsafeLongs: "warn" as const,
};

function explain(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === "enum") return `${e.message}: expected one of ${(params.allowedValues as unknown[]).map((v) => show(v)).join(", ")}`;
  if (e.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
    const near = closest(key, known);
    return `unknown key ${quote(key)}${near ? ` (did you mean ${quote(near)}?)` : ""}: expected one of ${known.map((k) => quote(k)).join(", ")}`;
  }
  if (e.keyword === "pattern") return `${e.message}`;
  return e.message ?? e.keyword;
}

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidate nearest to `word`, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

let validateConfig: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** Checks a parsed config against kqlgen.config.schema.json. */
export function checkConfig(json: unknown, file: string): Config {
  if (!validateConfig) {
    try {
      // The build's precompiled validator (scripts/config-validator.mjs), next to this module in dist/.
      validateConfig = createRequire(import.meta.url)("./config-validator.cjs") as typeof validateConfig;
    } catch {
      validateConfig = undefined;
    }
    if (typeof validateConfig !== "function") {
      const schema = JSON.parse(readFileSync(CONFIG_SCHEMA, "utf8"));
      const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020Class };
      validateConfig = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);
    }
  }
  if (jsonDepth(json) > MAX_JSON_DEPTH) {
    throw InputError.of({ file }, `JSON nested more than ${MAX_JSON_DEPTH} levels deep: expected a kqlgen config object`);
  }
  if (!validateConfig(json)) {
    // Ajv reports one error per failing keyword: a hostile config can make thousands. The first 20 tell the story.
    const errors = validateConfig.errors ?? [];
    const problems = errors.slice(0, 20).map((e) => new InputProblem({ file, at: e.instancePath || "/" }, explain(e)));
    if (errors.length > 20) problems.push(new InputProblem({ file }, `and ${errors.length - 20} more problems`));
    throw new InputError(problems);
  }
  const config = json as Config;
  // Patterns run on every value of the data: refuse those that can backtrack for ever.
  const problems: InputProblem[] = [];
  for (const [key, override] of Object.entries(config.columns ?? {})) {
    if (override.schema === undefined) continue;
    for (const { pointer, pattern } of schemaPatterns(override.schema, `/columns/${pointerToken(key)}/schema`)) {
      const verdict = checkPattern(pattern);
      if (!verdict.ok) problems.push(new InputProblem({ file, at: pointer }, `pattern ${quote(pattern)} is refused: ${verdict.why}; expected a pattern without nested, overlapping or empty repetition`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** "position 123" (or V8's "line 4 column 7") in a JSON.parse message → line and column, 1-based. */
export function jsonErrorAt(text: string, message: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const m = /position (\d+)/.exec(message);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    return { line: before.split("\n").length, column: pos - before.lastIndexOf("\n") };
  }
  if (/Unexpected end of JSON input/.test(message)) {
    const lines = text.split("\n");
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
  return undefined;
}

/** The config file that applies in `cwd`: kqlgen.config.json there or in the nearest folder above. */
export function findConfig(cwd: string = process.cwd()): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A path as the user should read it: relative to the working folder when it is below it. */
export function displayPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel === "" ? "." : path.isAbsolute(rel) ? abs : rel;
}

export interface LoadedConfig {
  readonly config: Config;
  /** The config file, as shown to the user; undefined: none. */
  readonly file?: string;
  /** The folder holding the config file (what its paths are relative to). */
  readonly dir?: string;
}

/**
 * Reads the config file: the one named (`--config`), else kqlgen.config.json
 * in `cwd` or the nearest folder above it, else none.
 */
export async function loadConfig(file: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const found = file === undefined ? findConfig(cwd) : path.resolve(cwd, file);
  if (found === undefined) return { config: {} };
  const shown = file ?? displayPath(found, cwd);
  // Read through the path the user gave when it names the same file (messages name it as given).
  const text = await readTextFile(path.resolve(shown) === found ? shown : found, {
    what: "config file",
    expected: "a kqlgen config object (JSON, --config)",
    noun: "the config file",
    readable: "a readable JSON file (--config)",
    formats: "JSON",
    maxBytes: MAX_CONFIG_BYTES,
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const message = (e as Error).message;
    const at = jsonErrorAt(text, message);
    throw InputError.of({ file: shown, ...(at ? { at: `line ${at.line}, column ${at.column}` } : {}) }, `malformed JSON (${message.replace(/\s*\(line \d+ column \d+\)/, "")}): expected a kqlgen config object`);
  }
  return { config: checkConfig(json, shown), file: shown, dir: path.dirname(found) };
}

/** Where a command reads schemas and writes the package: flags first, then the config's `schemas` and `out`. */
export interface ProjectPaths {
  readonly schemas?: string;
  readonly out?: string;
}

export interface LoadedProject extends LoadedConfig {
  /** The schemas folder (a flag as given, or the config's, shown relative to the working folder). */
  readonly schemas: string;
  /** The output folder, when the flags or the config name one. */
  readonly out?: string;
}

const NO_CONFIG_HINT = "run `kqlgen init` to write a kqlgen.config.json that names the schemas and output folders";

/** Loads the config and settles the schemas (and output) folders. */
export async function loadProject(
  input: { config?: string; schemas?: string; out?: string; cwd?: string; /** The flag that names the schemas folder (pull: --out). */ schemasFlag?: string },
  needOut = false,
): Promise<LoadedProject> {
  const cwd = input.cwd ?? process.cwd();
  const loaded = await loadConfig(input.config, cwd);
  const fromConfig = (key: "schemas" | "out"): string | undefined => {
    const value = loaded.config[key];
    return value === undefined || loaded.dir === undefined ? undefined : displayPath(path.resolve(loaded.dir, value), cwd);
  };
  const where = loaded.file ?? `no ${DEFAULT_CONFIG_FILE} in ${displayPath(cwd, cwd) === "." ? "this folder" : cwd} or a folder above it`;
  const schemas = input.schemas ?? fromConfig("schemas");
  if (schemas === undefined) {
    throw InputError.of({ file: loaded.file }, `no schemas folder: pass ${input.schemasFlag ?? "--schemas"} <dir> or name "schemas" in the config (${where}); ${NO_CONFIG_HINT}`);
  }
  const out = input.out ?? fromConfig("out");
  if (needOut && out === undefined) {
    throw InputError.of({ file: loaded.file }, `no output folder: pass --out <dir> or name "out" in the config (${where}); ${NO_CONFIG_HINT}`);
  }
  return { ...loaded, schemas, ...(out !== undefined ? { out } : {}) };
}

/** The options for emitters; every per-column override must name a real column of a fitting type. */
export function resolveOptions(
  config: Config,
  schema: SchemaSet,
  file?: string,
  /** Where warnings go (an override naming a table the schemas lack); with `strict` they are errors. */
  warnings: { readonly strict?: boolean; readonly warn?: (problem: InputProblem) => void } = {},
): EmitOptions {
  const problems: InputProblem[] = [];
  const overrides = new Map<string, ColumnOverride>();
  for (const [key, override] of Object.entries(config.columns ?? {})) {
    const dot = key.indexOf(".");
    const tableName = key.slice(0, dot);
    const columnName = key.slice(dot + 1);
    const at = `/columns/${pointerToken(key)}`;
    const table = schema.tables.find((t) => t.name === tableName);
    if (!table) {
      const near = closest(tableName, schema.tables.map((t) => t.name));
      const problem = new InputProblem(
        { file, at, table: tableName },
        `no such table in the schemas${near ? ` (did you mean ${quote(near)}?)` : ""}: the override is ignored${warnings.strict ? " (--strict makes this an error)" : ""}`,
      );
      if (warnings.strict) problems.push(problem);
      else warnings.warn?.(problem);
      continue;
    }
    const column = table.columns.find((c) => c.name === columnName);
    if (!column) {
      const near = closest(columnName, table.columns.map((c) => c.name));
      problems.push(new InputProblem({ file, at, table: tableName, column: columnName }, `no such column in table ${tableName}${near ? ` (did you mean ${quote(near)}?)` : ""}`));
      continue;
    }
    if (override.long !== undefined && column.type !== "long") {
      problems.push(new InputProblem({ file, at, table: tableName, column: columnName }, `"long" applies to long columns: this column is ${column.type}`));
    }
    if (override.schema !== undefined && column.type !== "dynamic") {
      problems.push(new InputProblem({ file, at, table: tableName, column: columnName }, `"schema" applies to dynamic columns: this column is ${column.type}`));
    }
    overrides.set(key, override);
  }
  if (problems.length) throw new InputError(problems);
  const packageName = config.package?.name ?? DEFAULTS.packageName;
  return {
    packageName,
    packageVersion: config.package?.version ?? DEFAULTS.packageVersion,
    schemaIdBase: config.schemaIdBase ?? `https://schemas.kqlgen.invalid/${packageName}/`,
    mapping: {
      choices: { long: config.mapping?.long ?? DEFAULTS.long, formats: config.mapping?.formats ?? DEFAULTS.formats },
      unknownColumns: config.mapping?.unknownColumns ?? DEFAULTS.unknownColumns,
      missingColumns: config.mapping?.missingColumns ?? DEFAULTS.missingColumns,
      unsafeLongs: config.mapping?.unsafeLongs ?? DEFAULTS.unsafeLongs,
      overrides,
    },
  };
}
