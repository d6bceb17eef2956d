/**
 * The generated package's JavaScript and declarations, compiled in-process
 * from its TypeScript sources at generate time, one module at a time
 * (TypeScript's `transpileModule` and `transpileDeclaration`, from the
 * TypeScript that ts-morph bundles). The sources are written so that each
 * module's declarations follow from that module alone (isolatedDeclarations);
 * a module that does not is a kqlgen bug, reported as such.
 *
 * src/<path>.ts → lib/<path>.js and lib/<path>.d.ts. The package's exports point at lib/.
 */
import { ts } from "ts-morph";
import type { OutputFiles } from "../emitters/options.js";

/** Where the compiled package goes. */
export const LIB_DIR = "lib/";

const COMPILER_OPTIONS: import("ts-morph").ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  sourceMap: false,
  declaration: true,
  isolatedDeclarations: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

export interface CompiledModule {
  readonly js: string;
  readonly dts: string;
}

/** One TypeScript module → JavaScript and its declarations. Throws when the declarations cannot follow from the module alone. */
export function compileModule(source: string, fileName: string): CompiledModule {
  const js = ts.transpileModule(source, { fileName, reportDiagnostics: false, compilerOptions: { ...COMPILER_OPTIONS, declaration: false } }).outputText;
  const declaration = ts.transpileDeclaration(source, { fileName, reportDiagnostics: true, compilerOptions: COMPILER_OPTIONS });
  const problem = declaration.diagnostics?.[0];
  if (problem) {
    const line = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start).line + 1 : 0;
    throw new Error(`internal: the declarations of ${fileName} do not follow from the module alone (line ${line}: ${ts.flattenDiagnosticMessageText(problem.messageText, " ")})`);
  }
  return { js, dts: declaration.outputText };
}

/** The package's files plus lib/: each src/ module compiled. */
export function compileFiles(files: OutputFiles): OutputFiles {
  const out: OutputFiles = new Map(files);
  for (const [path, text] of files) {
    if (!path.startsWith("src/") || !path.endsWith(".ts")) continue;
    const { js, dts } = compileModule(text, path);
    const base = LIB_DIR + path.slice("src/".length, -".ts".length);
    out.set(`${base}.js`, js);
    out.set(`${base}.d.ts`, dts);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
