/**
 * Validators for the JSON Schemas users give `dynamic` columns, compiled by
 * Ajv to standalone code (so the generated package runs them without Ajv's
 * compiler) and typed by a small declaration.
 */
import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { InputError } from "../model/errors.js";
import type { TablePlan } from "../mapping/plan.js";
import { GENERATED_HEADER } from "./names.js";

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
  const ajv = new Ajv({ code: { source: true, esm: true, lines: true }, allErrors: false, verbose: true, strict: false });
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
    refs[name] = name;
  }
  const code = standaloneCode.default(ajv, refs);
  const source = [
    GENERATED_HEADER,
    "// Validators for the JSON Schemas configured for dynamic columns, compiled by Ajv (standalone code).",
    "// @ts-nocheck",
    code,
  ].join("\n");
  return { source, needsAjvRuntime: code.includes("ajv/dist/runtime") };
}
