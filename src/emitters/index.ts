/**
 * Emitters: the schema model, through the type mapping, to every file of the
 * generated package. Pure: no file system writes. Most modules come out in
 * prettier's layout already (layout.ts); `preformatted` lists them, and the
 * output phase formats the rest.
 */
import { compareNames, type SchemaSet } from "../model/schema.js";
import { planTable, type TablePlan } from "../mapping/plan.js";
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

/** One file of the generated package, as an emitter wrote it. */
export interface EmittedFile {
  readonly path: string;
  readonly text: string;
  /** The text is in prettier's layout already. */
  readonly formatted: boolean;
}

/**
 * Every file of the package, one at a time: each table's files, then the
 * package's own. Everything that can refuse the input (table names, the
 * user's schemas) is checked before the first file. A consumer that holds
 * only the file in hand keeps memory flat however many tables there are.
 *
 * `inputs`: the fingerprint of the schemas and options (src/emitters/inputs-hash.ts),
 * recorded in package.json so `validate` can tell whether a generated folder
 * is current without emitting it again.
 */
export function emitPackageFiles(schema: SchemaSet, options: EmitOptions, configFile?: string, inputs?: string): Iterable<EmittedFile> {
  checkTableNames(schema.tables);
  const plans = schema.tables.map((t) => planTable(t, options.mapping));
  checkUserSchemas(plans, configFile);
  return filesOf(plans, options, configFile, inputs);
}

function* filesOf(plans: readonly TablePlan[], options: EmitOptions, configFile: string | undefined, inputs: string | undefined): Generator<EmittedFile> {
  const file = (path: string, m: { text: string; formatted: boolean }): EmittedFile => ({ path, text: m.text, formatted: m.formatted });
  for (const plan of plans) {
    const name = plan.table.name;
    const plain = plan.columns.every((c) => !c.userSchema);
    const json = printJsonSchema(tableJsonSchema(plan, options));
    yield file(`schemas/${name}.schema.json`, { text: json, formatted: plain && isAscii(json) });
    const record = printJsonSchema(recordJsonSchema(plan, options));
    yield file(`schemas/${name}.record.schema.json`, { text: record, formatted: plain && isAscii(record) });
    yield file(`src/tables/${name}.ts`, emitTableModule(plan, tableInterface(plan, options, configFile), eventInterface(plan)));
    yield file(`src/kql/${name}.ts`, emitKqlModule(plan));
  }
  const dynamic = emitDynamicValidators(plans, configFile);
  if (dynamic) yield { path: "src/dynamic-schemas.ts", text: dynamic.source, formatted: false };
  yield file("src/stream.ts", emitStreamModule(plans, options.mapping.choices.formats));
  yield file("src/eventhubs.ts", emitEventHubsModule());
  yield file("src/index.ts", emitIndex(plans));
  // The runtime is copied from templates that are kept formatted.
  for (const [path, text] of runtimeFiles()) yield { path, text, formatted: true };
  const pkg = packageJson(options, dynamic?.needsAjvRuntime ?? false, inputs);
  yield file("package.json", { text: pkg, formatted: isAscii(pkg) });
  yield { path: ".gitattributes", text: GITATTRIBUTES, formatted: false };
  yield file("tsconfig.json", { text: tsconfigJson(), formatted: true });
  const readmeText = readme(options, plans);
  // The README's code block is TypeScript prettier formats too: its lines must fit.
  const codeFits = readmeText.split("```")[1]?.split("\n").every((l) => l.length <= 120) ?? true;
  yield file("README.md", { text: readmeText, formatted: codeFits && isAscii(readmeText) && plans.every((p) => /^[A-Za-z0-9]+$/.test(p.table.name)) });
}

/** Every file of the package at once, sorted by path (for small packages, tests and `validate`). */
export async function emitPackageParts(schema: SchemaSet, options: EmitOptions, configFile?: string, inputs?: string): Promise<EmittedPackage> {
  const files: OutputFiles = new Map();
  const preformatted = new Set<string>();
  for (const f of emitPackageFiles(schema, options, configFile, inputs)) {
    files.set(f.path, f.text);
    if (f.formatted) preformatted.add(f.path);
  }
  return { files: new Map([...files].sort(([a], [b]) => compareNames(a, b))), preformatted };
}

export async function emitPackage(schema: SchemaSet, options: EmitOptions, configFile?: string, inputs?: string): Promise<OutputFiles> {
  return (await emitPackageParts(schema, options, configFile, inputs)).files;
}
