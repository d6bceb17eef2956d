/**
 * Emitters: the schema model, through the type mapping, to every file of the
 * generated package. Pure: no file system writes. Most modules come out in
 * prettier's layout already (layout.ts); `preformatted` lists them, and the
 * output phase formats the rest.
 */
import type { SchemaSet } from "../model/schema.js";
import { planTable } from "../mapping/plan.js";
import { emitDynamicValidators } from "./dynamic.js";
import { emitEventHubsModule } from "./eventhubs-module.js";
import { printJsonSchema, recordJsonSchema, tableJsonSchema } from "./json-schema.js";
import type { EmitOptions, OutputFiles } from "./options.js";
import { emitKqlModule } from "./kql-module.js";
import { emitIndex, GITATTRIBUTES, packageJson, readme, runtimeFiles, tsconfigJson } from "./package-files.js";
import { emitStreamModule } from "./stream-module.js";
import { emitTableModule } from "./table-module.js";
import { checkTableNames } from "./names.js";
import { isAscii } from "./layout.js";
import { eventInterface, tableInterface } from "./types.js";
import { checkUserSchemas } from "./dynamic.js";

export type { EmitOptions, OutputFiles } from "./options.js";
export { RUNTIME_DIR } from "./package-files.js";

export interface EmittedPackage {
  readonly files: OutputFiles;
  /** Paths whose text is formatted already (prettier would not change it). */
  readonly preformatted: ReadonlySet<string>;
}

/**
 * `inputs`: the fingerprint of the schemas and options (src/emitters/inputs-hash.ts),
 * recorded in package.json so `validate` can tell whether a generated folder
 * is current without emitting it again.
 */
export async function emitPackageParts(schema: SchemaSet, options: EmitOptions, configFile?: string, inputs?: string): Promise<EmittedPackage> {
  const plans = schema.tables.map((t) => planTable(t, options.mapping));
  checkTableNames(schema.tables);
  checkUserSchemas(plans, configFile);
  const files: OutputFiles = new Map();
  const preformatted = new Set<string>();
  const put = (path: string, m: { text: string; formatted: boolean }) => {
    files.set(path, m.text);
    if (m.formatted) preformatted.add(path);
  };
  for (const plan of plans) {
    const name = plan.table.name;
    const json = printJsonSchema(tableJsonSchema(plan, options));
    put(`schemas/${name}.schema.json`, { text: json, formatted: isAscii(json) && plan.columns.every((c) => !c.userSchema) });
    const record = printJsonSchema(recordJsonSchema(plan, options));
    put(`schemas/${name}.record.schema.json`, { text: record, formatted: isAscii(record) && plan.columns.every((c) => !c.userSchema) });
    put(`src/tables/${name}.ts`, emitTableModule(plan, tableInterface(plan, options, configFile), eventInterface(plan)));
    put(`src/kql/${name}.ts`, emitKqlModule(plan));
  }
  const dynamic = emitDynamicValidators(plans, configFile);
  if (dynamic) files.set("src/dynamic-schemas.ts", dynamic.source);
  put("src/stream.ts", emitStreamModule(plans, options.mapping.choices.formats));
  put("src/eventhubs.ts", emitEventHubsModule());
  put("src/index.ts", emitIndex(plans));
  for (const [path, text] of runtimeFiles()) files.set(path, text);
  const pkg = packageJson(options, dynamic?.needsAjvRuntime ?? false, inputs);
  put("package.json", { text: pkg, formatted: isAscii(pkg) });
  files.set(".gitattributes", GITATTRIBUTES);
  put("tsconfig.json", { text: tsconfigJson(), formatted: true });
  const readmeText = readme(options, plans);
  // The README's code block is TypeScript prettier formats too: its lines must fit.
  const codeFits = readmeText.split("```")[1]?.split("\n").every((l) => l.length <= 120) ?? true;
  put("README.md", { text: readmeText, formatted: codeFits && isAscii(readmeText) && plans.every((p) => /^[A-Za-z0-9]+$/.test(p.table.name)) });
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), preformatted };
}

export async function emitPackage(schema: SchemaSet, options: EmitOptions, configFile?: string, inputs?: string): Promise<OutputFiles> {
  return (await emitPackageParts(schema, options, configFile, inputs)).files;
}
