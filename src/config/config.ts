/**
 * kqlgen.config.json: read, checked against its own JSON Schema
 * (kqlgen.config.schema.json), and resolved against the schema set into the
 * options emitters take.
 */
import { readFileSync } from "node:fs";
import { lstat } from "node:fs/promises";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { EmitOptions } from "../emitters/options.js";
import { InputError, InputProblem } from "../model/errors.js";
import type { SchemaSet } from "../model/schema.js";
import type { ColumnOverride } from "../mapping/plan.js";
import type { LongMode } from "../mapping/type-table.js";
import type { LintConfig } from "../lint/config.js";
import { packagePath } from "../paths.js";
import { pointerToken } from "../../templates/runtime/validation.js";
import { readTextFile } from "../files.js";
import { jsonDepth, MAX_JSON_DEPTH, quote, show } from "../model/show.js";
import { checkPattern, schemaPatterns } from "./regex-safety.js";

/** The largest config file kqlgen reads. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

export const DEFAULT_CONFIG_FILE = "kqlgen.config.json";
const CONFIG_SCHEMA = packagePath("kqlgen.config.schema.json");

export interface Config {
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
  if (e.keyword === "additionalProperties") return `unknown key ${quote(String(params.additionalProperty))}: expected only the keys kqlgen.config.schema.json lists`;
  if (e.keyword === "pattern") return `${e.message}`;
  return e.message ?? e.keyword;
}

let validateConfig: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/** Checks a parsed config against kqlgen.config.schema.json. */
export function checkConfig(json: unknown, file: string): Config {
  if (!validateConfig) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA, "utf8"));
    validateConfig = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
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
      if (!verdict.ok) problems.push(new InputProblem({ file, at: pointer }, `pattern ${quote(pattern)} is refused: ${verdict.why}; expected a pattern without nested or overlapping repetition`));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return config;
}

/** Reads the config file: the one named, or kqlgen.config.json when present, or none. */
export async function loadConfig(file: string | undefined): Promise<{ config: Config; file?: string }> {
  const path = file ?? DEFAULT_CONFIG_FILE;
  if (file === undefined) {
    try {
      await lstat(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return { config: {} };
    }
  }
  const text = await readTextFile(path, {
    what: "config file",
    expected: "a kqlgen config object (JSON, --config)",
    noun: "the config file",
    readable: "a readable JSON file (--config)",
    formats: "JSON",
    maxBytes: MAX_CONFIG_BYTES,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw InputError.of({ file: path }, `malformed JSON (${(e as Error).message}): expected a kqlgen config object`);
  }
  return { config: checkConfig(json, path), file: path };
}

/** The options for emitters; every per-column override must name a real column of a fitting type. */
export function resolveOptions(config: Config, schema: SchemaSet, file?: string): EmitOptions {
  const problems: InputProblem[] = [];
  const overrides = new Map<string, ColumnOverride>();
  for (const [key, override] of Object.entries(config.columns ?? {})) {
    const dot = key.indexOf(".");
    const tableName = key.slice(0, dot);
    const columnName = key.slice(dot + 1);
    const at = `/columns/${pointerToken(key)}`;
    const table = schema.tables.find((t) => t.name === tableName);
    if (!table) {
      problems.push(new InputProblem({ file, at, table: tableName }, `no such table in the schemas: expected one of ${schema.tables.slice(0, 10).map((t) => t.name).join(", ")}${schema.tables.length > 10 ? `, … (${schema.tables.length} tables)` : ""}`));
      continue;
    }
    const column = table.columns.find((c) => c.name === columnName);
    if (!column) {
      const near = table.columns.find((c) => c.name.toLowerCase() === columnName.toLowerCase());
      problems.push(new InputProblem({ file, at, table: tableName, column: columnName }, `no such column in table ${tableName}${near ? ` (did you mean ${quote(near.name)}?)` : ""}`));
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
