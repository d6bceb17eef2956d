/**
 * The generated package's JavaScript and declarations, compiled in-process
 * from its TypeScript sources at generate time, one module at a time
 * (TypeScript's `transpileModule` and `transpileDeclaration`, from the
 * TypeScript that ts-morph bundles). The sources are written so that each
 * module's declarations follow from that module alone (isolatedDeclarations).
 * A module that does not (a new runtime file without explicit types) still
 * gets right declarations, from a type-checking emit of the whole package —
 * seconds instead of milliseconds; test/package-js.test.ts keeps kqlgen's own
 * templates and emitters on the fast path.
 *
 * src/<path>.ts → lib/<path>.js and lib/<path>.d.ts. The package's exports point at lib/.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import { GENERATED_HEADER } from "../emitters/names.js";
import { packagePath } from "../paths.js";
import { codeHash, TextCache, tsMorphVersion } from "./cache.js";

type Ts = typeof TsMorph.ts;
const require = createRequire(import.meta.url);
let loaded: typeof TsMorph | undefined;
/** ts-morph, for the slow path only. */
function tsMorph(): typeof TsMorph {
  // require, not import(): Node's ESM loader would scan the CommonJS bundle for its exports first.
  loaded ??= require("ts-morph") as typeof TsMorph;
  return loaded;
}

let tsLoaded: Ts | undefined;
/**
 * The TypeScript that ts-morph bundles, loaded on first use (a second of
 * start-up, which a warm cache never pays): its typescript.js alone, without
 * the rest of ts-morph (half a second more); ts-morph's `ts` if that file moved.
 */
function typescript(): Ts {
  if (tsLoaded === undefined) {
    try {
      tsLoaded = createRequire(require.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js") as Ts;
    } catch {
      tsLoaded = tsMorph().ts;
    }
  }
  return tsLoaded;
}

/** Compiled output keeps the generated header (TypeScript drops comments it cannot attach to a statement). */
function withHeader(text: string): string {
  return text.startsWith(GENERATED_HEADER) ? text : `${GENERATED_HEADER}\n${text}`;
}
import type { OutputFiles } from "../emitters/options.js";

/** Where the compiled package goes. */
export const LIB_DIR = "lib/";

function compilerOptions(ts: Ts): TsMorph.ts.CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    sourceMap: false,
    declaration: true,
    isolatedDeclarations: true,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
  };
}

/** One TypeScript module → JavaScript. */
export function compileJs(source: string, fileName: string): string {
  const ts = typescript();
  return withHeader(ts.transpileModule(source, { fileName, reportDiagnostics: false, compilerOptions: { ...compilerOptions(ts), declaration: false } }).outputText);
}

/** One module's declarations from the module alone, or the first reason they cannot be. */
export function isolatedDeclarations(source: string, fileName: string): { dts: string } | { problem: string } {
  const ts = typescript();
  const declaration = ts.transpileDeclaration(source, { fileName, reportDiagnostics: true, compilerOptions: compilerOptions(ts) });
  const problem = declaration.diagnostics?.[0];
  if (!problem) return { dts: withHeader(declaration.outputText) };
  const line = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start).line + 1 : 0;
  return { problem: `${fileName} line ${line}: ${ts.flattenDiagnosticMessageText(problem.messageText, " ")}` };
}

/**
 * JavaScript and declarations of `wanted`, each from its module alone, in one
 * program (each module parsed once, for both): what transpileModule and
 * transpileDeclaration print, module by module (nothing is resolved, nothing
 * type-checked). A module whose declarations do not follow from it alone
 * (isolatedDeclarations errors) gets JavaScript only.
 */
function isolatedEmit(files: OutputFiles, wanted: readonly string[]): Map<string, { js?: string; dts?: string }> {
  const ts = typescript();
  const options: TsMorph.ts.CompilerOptions = { ...compilerOptions(ts), noLib: true, noResolve: true, noCheck: true, isolatedModules: true, types: [], outDir: "/lib", rootDir: "/src" };
  const fileOf = (name: string) => name.replace(/^\//, "");
  const host: TsMorph.ts.CompilerHost = {
    getSourceFile: (name, language) => {
      const text = files.get(fileOf(name));
      return text === undefined ? undefined : ts.createSourceFile(name, text, language);
    },
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => files.has(fileOf(name)),
    readFile: (name) => files.get(fileOf(name)),
  };
  const program = ts.createProgram(
    wanted.map((p) => `/${p}`),
    options,
    host,
  );
  const out = new Map<string, { js?: string; dts?: string }>(wanted.map((p) => [p, {}]));
  const result = program.emit(undefined, (name, text) => {
    const dts = name.endsWith(".d.ts");
    const path = `src/${name.slice("/lib/".length, dts ? -".d.ts".length : -".js".length)}.ts`;
    const entry = out.get(path);
    if (entry === undefined) return;
    if (dts) entry.dts = withHeader(text);
    else entry.js = withHeader(text);
  });
  // Declarations with errors are the slow path's.
  for (const d of result.diagnostics) {
    const entry = d.file ? out.get(fileOf(d.file.fileName)) : undefined;
    if (entry) delete entry.dts;
    else if (!d.file) for (const e of out.values()) delete e.dts;
  }
  return out;
}

/** Modules per program of isolatedEmit: memory stays bounded, and each program's fixed cost is shared by many. */
const COMPILE_CHUNK = 200;

/** Declarations of `wanted` from a type-checked program of every module (the slow path). */
function programDeclarations(files: OutputFiles, wanted: readonly string[]): Map<string, string> {
  const { Project, ts } = tsMorph();
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...compilerOptions(ts), isolatedDeclarations: false, emitDeclarationOnly: true, skipLibCheck: true, lib: ["lib.es2022.d.ts"], types: [], outDir: "/out", rootDir: "/src" } });
  for (const [path, text] of files) if (path.startsWith("src/") && path.endsWith(".ts")) project.createSourceFile(`/${path}`, text);
  const out = new Map<string, string>();
  const want = new Set(wanted);
  for (const file of project.emitToMemory({ emitOnlyDtsFiles: true }).getFiles()) {
    const src = `src/${file.filePath.replace(/^\/out\//, "").replace(/\.d\.ts$/, ".ts")}`;
    if (want.has(src)) out.set(src, withHeader(file.text));
  }
  return out;
}

let cache: TextCache | undefined;

/** What the last compileFiles had to declare by the slow path (kqlgen's own modules never should). */
export let slowDeclarations: readonly string[] = [];

interface Precompiled {
  readonly sha256: string;
  readonly js: string;
  readonly dts: string;
}
let precompiled: Record<string, Precompiled> | undefined;

/** The runtime modules compiled at kqlgen's build (scripts/compile-runtime.mjs), when they are the ones given. */
function precompiledFor(path: string, text: string): Precompiled | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = JSON.parse(readFileSync(packagePath("dist", "runtime-lib.json"), "utf8")) as Record<string, Precompiled>;
    } catch {
      precompiled = {};
    }
  }
  const entry = precompiled[path];
  return entry && entry.sha256 === createHash("sha256").update(text).digest("hex") ? entry : undefined;
}

/** The package's files plus lib/: each src/ module compiled. */
export function compileFiles(files: OutputFiles): OutputFiles {
  cache ??= new TextCache(`compile ts-morph ${tsMorphVersion()} ${codeHash(import.meta.url)} ${GENERATED_HEADER}`);
  const out: OutputFiles = new Map(files);
  const slow: string[] = [];
  /** Modules to compile: path → cache key. */
  const todo = new Map<string, string>();
  for (const [path, text] of files) {
    if (!path.startsWith("src/") || !path.endsWith(".ts")) continue;
    const base = LIB_DIR + path.slice("src/".length, -".ts".length);
    const ready = precompiledFor(path, text);
    if (ready) {
      out.set(`${base}.js`, ready.js);
      out.set(`${base}.d.ts`, ready.dts);
      continue;
    }
    // A module compiled before (same kqlgen, same TypeScript, same text): its output, without loading TypeScript.
    const key = cache.key(path, text);
    const cached = cache.get<{ js: string; dts: string }>(key);
    if (cached !== undefined && typeof cached.js === "string" && typeof cached.dts === "string") {
      out.set(`${base}.js`, cached.js);
      out.set(`${base}.d.ts`, cached.dts);
      continue;
    }
    todo.set(path, key);
  }
  if (todo.size) {
    // In programs of COMPILE_CHUNK modules: one program holds every module's syntax tree (2,000 tables in one took 3.8 GB).
    const wanted = [...todo.keys()];
    const emitted = new Map<string, { js?: string; dts?: string }>();
    for (let i = 0; i < wanted.length; i += COMPILE_CHUNK) for (const [path, e] of isolatedEmit(files, wanted.slice(i, i + COMPILE_CHUNK))) emitted.set(path, e);
    for (const [path, key] of todo) {
      const base = LIB_DIR + path.slice("src/".length, -".ts".length);
      const { js, dts } = emitted.get(path) ?? {};
      if (js === undefined) throw new Error(`internal: no JavaScript for ${path}`);
      out.set(`${base}.js`, js);
      if (dts !== undefined) {
        out.set(`${base}.d.ts`, dts);
        // Only declarations that follow from the module alone: the slow path's depend on the other modules.
        cache.set(key, { js, dts });
      } else slow.push(path);
    }
  }
  if (slow.length) {
    const declared = programDeclarations(files, slow);
    for (const path of slow) {
      const dts = declared.get(path);
      if (dts === undefined) throw new Error(`internal: no declarations for ${path}`);
      out.set(`${LIB_DIR}${path.slice("src/".length, -".ts".length)}.d.ts`, dts);
    }
  }
  slowDeclarations = slow;
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
