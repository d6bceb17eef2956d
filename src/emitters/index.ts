/**
 * Emitters: the schema model, through the type mapping, to every file of the
 * generated package. Pure: no file system writes, no formatting (that is output's job).
 */
import type { SchemaSet } from "../model/schema.js";
import { planTable } from "../mapping/plan.js";
import { newProject } from "./code.js";
import { emitDynamicValidators } from "./dynamic.js";
import { printJsonSchema, recordJsonSchema, tableJsonSchema } from "./json-schema.js";
import type { EmitOptions, OutputFiles } from "./options.js";
import { emitKqlModule } from "./kql-module.js";
import { emitIndex, packageJson, readme, runtimeFiles, tsconfigJson } from "./package-files.js";
import { emitStreamModule } from "./stream-module.js";
import { emitTableModule } from "./table-module.js";
import { checkTableNames } from "./names.js";
import { tableInterface } from "./types.js";
import { checkUserSchemas } from "./dynamic.js";

export type { EmitOptions, OutputFiles } from "./options.js";
export { RUNTIME_DIR } from "./package-files.js";

export async function emitPackage(schema: SchemaSet, options: EmitOptions, configFile?: string): Promise<OutputFiles> {
  const plans = schema.tables.map((t) => planTable(t, options.mapping));
  const project = newProject();
  const files: OutputFiles = new Map();
  checkTableNames(schema.tables);
  checkUserSchemas(plans, configFile);
  const interfaces = plans.map((p) => tableInterface(p, options, configFile));
  plans.forEach((plan, i) => {
    const name = plan.table.name;
    files.set(`schemas/${name}.schema.json`, printJsonSchema(tableJsonSchema(plan, options)));
    files.set(`schemas/${name}.record.schema.json`, printJsonSchema(recordJsonSchema(plan, options)));
    files.set(`src/tables/${name}.ts`, emitTableModule(project, plan, interfaces[i]!, events[i]!));
    files.set(`src/kql/${name}.ts`, emitKqlModule(project, plan));
  });
  const dynamic = emitDynamicValidators(plans, configFile);
  if (dynamic) files.set("src/dynamic-schemas.ts", dynamic.source);
  files.set("src/stream.ts", emitStreamModule(project, plans, options.mapping.choices.formats));
  files.set("src/index.ts", emitIndex(project, plans));
  for (const [path, text] of runtimeFiles()) files.set(path, text);
  files.set("package.json", packageJson(options, dynamic?.needsAjvRuntime ?? false));
  files.set("tsconfig.json", tsconfigJson());
  files.set("README.md", readme(options, plans));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
