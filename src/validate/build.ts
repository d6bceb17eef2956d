/**
 * The validators built in memory, when no current generated package is at
 * hand: the package `generate` would write is emitted, its validator modules
 * compiled to JavaScript (src/output/compile.ts), written to a temporary
 * folder and loaded. Loaded only then: it brings in the emitters and the compiler.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { emitPackage } from "../emitters/index.js";
import { compileJs } from "../output/compile.js";
import type { EmitOptions } from "../emitters/options.js";
import { RUNTIME_DIR, RUNTIME_MODULES } from "../emitters/package-files.js";
import type { SchemaSet } from "../model/schema.js";
import { validatorsFrom, type LoadedValidators } from "./load.js";

const require = createRequire(import.meta.url);

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

/**
 * The runtime modules the validators never load: the KQL helpers (with src/kql/)
 * and the Event Hubs consumer. Every other runtime module, a new one too, is compiled.
 */
const NOT_VALIDATING = new Set<string>(["eventhubs", "literals", "query", "run-query"] satisfies (typeof RUNTIME_MODULES)[number][]);
const VALIDATOR_RUNTIME = new Set(RUNTIME_MODULES.filter((m) => !NOT_VALIDATING.has(m)).map((m) => `${RUNTIME_DIR}${m}.ts`));

/** What the validators run on: the runtime above, the table modules, the dynamic-column schemas and the stream module. */
function isValidatorModule(path: string): boolean {
  return VALIDATOR_RUNTIME.has(path) || path.startsWith("src/tables/") || path === "src/dynamic-schemas.ts" || path === "src/stream.ts";
}

type Built = Pick<LoadedValidators, "tables" | "columns" | "checkStreamRecord">;
const loaded = new Map<string, Promise<Built>>();

/** Compiles and loads the validator modules of an emitted package (cached by content within a process). */
function importPackage(files: ReadonlyMap<string, string>, schema: SchemaSet): Promise<Built> {
  const wanted = [...files.keys()].filter(isValidatorModule);
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
          // As generate compiles lib/: no type checking (the package's own build does that).
          let js = compileJs(files.get(path)!, path);
          if (path === "src/dynamic-schemas.ts") js = resolveAjvImports(js);
          const file = join(dir, path.replace(/\.ts$/, ".js"));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, js);
        }
        return validatorsFrom(join(dir, "src"), schema);
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

/** Emits the package in memory and loads its validators. */
export async function buildValidators(schema: SchemaSet, options: EmitOptions, configFile: string | undefined): Promise<Built> {
  const files = await emitPackage(schema, options, configFile);
  return importPackage(files, schema);
}
