/**
 * kqlgen.config.json: read, checked against its own JSON Schema
 * (kqlgen.config.schema.json), and resolved against the schema set into the
 * options emitters take.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
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
  if (e.keyword === "enum") return `${e.message}: expected one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "additionalProperties") return `unknown key ${JSON.stringify(params.additionalProperty)}: expected only the keys kqlgen.config.schema.json lists`;
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
  if (!validateConfig(json)) {
    const problems = (validateConfig.errors ?? []).map((e) => new InputProblem({ file, at: e.instancePath || "/" }, explain(e)));
    throw new InputError(problems);
  }
  return json as Config;
}

/** Reads the config file: the one named, or kqlgen.config.json when present, or none. */
export async function loadConfig(file: string | undefined): Promise<{ config: Config; file?: string }> {
  const path = file ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (file === undefined && code === "ENOENT") return { config: {} };
    throw InputError.of({ file: path }, `cannot read the config file (${code === "ENOENT" ? "it does not exist" : code}): expected a readable JSON file (--config)`);
  }
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
      problems.push(new InputProblem({ file, at, table: tableName }, `no such table in the schemas: expected one of ${schema.tables.map((t) => t.name).join(", ")}`));
      continue;
    }
    const column = table.columns.find((c) => c.name === columnName);
    if (!column) {
      const near = table.columns.find((c) => c.name.toLowerCase() === columnName.toLowerCase());
      problems.push(new InputProblem({ file, at, table: tableName, column: columnName }, `no such column in table ${tableName}${near ? ` (did you mean ${JSON.stringify(near.name)}?)` : ""}`));
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
