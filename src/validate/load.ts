/**
 * The generated validators, loaded in-process: the package `generate` would
 * write is emitted in memory, its TypeScript turned into JavaScript with
 * TypeScript's own `transpileModule`, written to a temporary folder and
 * imported. `kqlgen validate` then runs exactly the code a generated package
 * runs — the table checks and the runtime's stream record check — and no
 * second implementation of the rules.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { loadConfig, resolveOptions } from "../config/config.js";
import { emitPackage } from "../emitters/index.js";
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
}

export interface LoadInput {
  /** Folder of schema files. */
  readonly schemas: string;
  /** Config file; undefined: kqlgen.config.json when present. */
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
function loadModule(file: string): Record<string, unknown> {
  return require(file) as Record<string, unknown>;
}

/** TypeScript → JavaScript, one module at a time: no type checking (the package's own build does that). */
export function transpile(source: string, fileName: string): string {
  return ts.transpileModule(source, {
    fileName,
    reportDiagnostics: false,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, declaration: false },
  }).outputText;
}

const AJV_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(["'])(ajv(?:\/[^"']*)?)\2/g;

/**
 * Makes Ajv's standalone code load from anywhere: bare `ajv/...` specifiers
 * become absolute (resolved from kqlgen's own dependencies), and a `require`
 * is provided where Ajv's code calls one (it does, even in ESM output).
 */
export function resolveAjvImports(code: string): string {
  let usesRequire = false;
  const out = code.replace(AJV_SPECIFIER, (_all, lead: string, quote: string, spec: string) => {
    const file = require.resolve(spec);
    if (/^require/.test(lead)) {
      usesRequire = true;
      return `${lead}${quote}${file}${quote}`;
    }
    return `${lead}${quote}${pathToFileURL(file).href}${quote}`;
  });
  return usesRequire ? `import { createRequire as __kqlgenCreateRequire } from "node:module";\nconst require = __kqlgenCreateRequire(import.meta.url);\n${out}` : out;
}

const loaded = new Map<string, Promise<Omit<LoadedValidators, "schema">>>();

/** Transpiles and imports the validator modules of an emitted package (cached by content within a process). */
function importPackage(files: ReadonlyMap<string, string>, schema: SchemaSet): Promise<Omit<LoadedValidators, "schema">> {
  // What the validators run on; not the KQL helpers (src/kql/, src/runtime/kql.ts).
  const wanted = [...files.keys()].filter((p) => /^src\/(runtime\/(formats|validation|stream|storage|capture)\.ts$|tables\/|dynamic-schemas\.ts$|stream\.ts$)/.test(p));
  const hash = createHash("sha256");
  for (const p of wanted) hash.update(p).update("\0").update(files.get(p)!).update("\0");
  const key = hash.digest("hex");
  let entry = loaded.get(key);
  if (entry === undefined) {
    entry = (async () => {
      const dir = mkdtempSync(join(tmpdir(), "kqlgen-validate-"));
      try {
        writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
        for (const path of wanted) {
          let js = transpile(files.get(path)!, path);
          if (path === "src/dynamic-schemas.ts") js = resolveAjvImports(js);
          const file = join(dir, path.replace(/\.ts$/, ".js"));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, js);
        }
        const runtime = loadModule(join(dir, "src/runtime/stream.js"));
        const stream = loadModule(join(dir, "src/stream.js"));
        const tables = stream.streamTables as ReadonlyMap<string, StreamTable>;
        if (!(tables instanceof Map) || typeof runtime.checkStreamRecord !== "function") {
          // (a kqlgen whose emitters and runtime disagree)
          throw new Error("internal: the generated stream module does not export streamTables, or its runtime checkStreamRecord");
        }
        const columns = new Map<string, readonly string[]>();
        for (const table of schema.tables) {
          const entry = tables.get(`${runtime.CATEGORY_PREFIX as string}${table.name}`);
          columns.set(table.name, [...table.columns.map((c) => c.name), ...(entry?.decorated ? [runtime.DECORATION as string] : [])]);
        }
        return { tables, columns, checkStreamRecord: runtime.checkStreamRecord as CheckStreamRecord };
      } finally {
        // Every module is loaded and linked by now: the files are no longer needed.
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    loaded.set(key, entry);
    entry.catch(() => loaded.delete(key));
  }
  return entry;
}

/** Emits the package for a schema folder (and config) in memory and loads its validators. Throws InputError on bad schemas or config. */
export async function loadValidators(input: LoadInput): Promise<LoadedValidators> {
  const { config, file } = await loadConfig(input.config);
  const schema = await readSchemaDir(input.schemas, { followSymlinks: input.followSymlinks === true });
  const options = resolveOptions(config, schema, file);
  const files = await emitPackage(schema, options, file);
  return { schema, ...(await importPackage(files, schema)) };
}
