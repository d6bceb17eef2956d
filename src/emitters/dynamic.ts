/**
 * Validators for the JSON Schemas users give `dynamic` columns, compiled by
 * Ajv to standalone code (so the generated package runs them without Ajv's
 * compiler) and typed by a small declaration.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { InputError } from "../model/errors.js";
import { overrideKey, type TablePlan } from "../mapping/plan.js";
import { pointerToken } from "../../templates/runtime/validation.js";
import { GENERATED_HEADER } from "./names.js";
import { checkUserSchema } from "./user-schema.js";

/** Checks every configured column schema (local references only, no loops that consume nothing) before Ajv sees them. */
export function checkUserSchemas(plans: readonly TablePlan[], configFile: string | undefined): void {
  for (const p of plans) {
    for (const c of p.columns) {
      if (!c.userSchema) continue;
      checkUserSchema(c.userSchema, { file: configFile, table: p.table.name, column: c.name, at: `/columns/${pointerToken(overrideKey(p.table.name, c.name))}` });
    }
  }
}

export function dynamicValidatorName(table: string, column: string): string {
  return `validate_${table}_${column.replace(/[^A-Za-z0-9_]/g, (ch) => `$${ch.codePointAt(0)!.toString(16)}`)}`;
}

export interface DynamicValidators {
  /** TypeScript module text (Ajv's code, type-checking off for it). */
  readonly source: string;
  /** Whether the code imports Ajv's small runtime helpers (the package then depends on ajv). */
  readonly needsAjvRuntime: boolean;
}

export function emitDynamicValidators(plans: readonly TablePlan[], configFile: string | undefined): DynamicValidators | undefined {
  const columns = plans.flatMap((p) => p.columns.filter((c) => c.userSchema).map((c) => ({ table: p.table.name, column: c })));
  if (columns.length === 0) return undefined;
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: true }, allErrors: false, verbose: true, strict: false });
  const refs: Record<string, string> = {};
  for (const { table, column } of columns) {
    const name = dynamicValidatorName(table, column.name);
    try {
      ajv.addSchema(column.userSchema!, name);
      ajv.getSchema(name);
    } catch (e) {
      throw InputError.of(
        { file: configFile, table, column: column.name },
        `the JSON Schema configured for this dynamic column does not compile (${(e as Error).message}): expected a valid JSON Schema`,
      );
    }
    refs[`${name}_compiled`] = name;
  }
  // Ajv's "ESM" output still calls require() for its runtime helpers: make those imports.
  const imports: string[] = [];
  const code = standaloneCode
    .default(ajv, refs)
    .replace(/^"use strict";/, "")
    .replace(/const (\w+) = require\("(ajv\/dist\/runtime\/[\w/]+)"\)\.default;/g, (_all, name: string, spec: string) => {
      imports.push(`import ${name}_module from "${spec}.js";`);
      return `const ${name} = ${name}_module.default;`;
    })
    // Ajv exports each validator untyped: only the typed exports below leave the module.
    .replace(/^export const (\w+_compiled) = /gm, "const $1 = ");
  // Ajv's code is plain JavaScript: type-checking is off for this file, and typed exports follow it.
  const typed = Object.values(refs).map((name) => `export const ${name}: SchemaValidator = bounded(${name}_compiled as unknown as SchemaValidator);`);
  const source = [
    GENERATED_HEADER,
    "// Validators for the JSON Schemas configured for dynamic columns, compiled by Ajv (standalone code).",
    "// @ts-nocheck",
    ...imports,
    code,
    "",
    "type SchemaValidator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; data?: unknown }[] | null };",
    "// A value nested deeper than the stack allows is invalid, not a crash of the caller.",
    "function bounded(validate: SchemaValidator): SchemaValidator {",
    "  const guarded = ((data: unknown): boolean => {",
    "    try {",
    "      const ok = validate(data);",
    "      guarded.errors = validate.errors;",
    "      return ok;",
    "    } catch (e) {",
    "      if (!(e instanceof RangeError)) throw e;",
    '      guarded.errors = [{ instancePath: "", message: "is nested too deeply to check" }];',
    "      return false;",
    "    }",
    "  }) as SchemaValidator;",
    "  return guarded;",
    "}",
    ...typed,
  ].join("\n");
  if (/\brequire\(/.test(code)) throw new Error("Ajv's standalone code needs require() in a way kqlgen cannot turn into an import");
  return { source, needsAjvRuntime: imports.length > 0 };
}
