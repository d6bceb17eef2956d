/**
 * The generated package's JavaScript and declarations, compiled in-process at
 * generate time by oxc-transform (oxc's TypeScript transformer, in Rust), one
 * module at a time (memory stays flat): types stripped, and declarations from
 * the module alone (isolatedDeclarations). About 50 MB of TypeScript a second,
 * so 2,000 tables compile in seconds. kqlgen writes
 * every module so that its declarations follow from that module alone
 * (explicit types on everything exported); one that does not is kqlgen's bug,
 * an internal error, and test/package-js.test.ts keeps every template and
 * emitter from it.
 *
 * oxc-transform's version is pinned exactly in package.json: its printer
 * decides lib/'s bytes, and `check` compares them.
 *
 * src/<path>.ts → lib/<path>.js and lib/<path>.d.ts. The package's exports point at lib/.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Oxc from "oxc-transform";
import { GENERATED_HEADER } from "../emitters/names.js";
import { InputError } from "../model/errors.js";

const require = createRequire(import.meta.url);

let oxcLoaded: typeof Oxc | undefined;
/** oxc-transform and its native binding (20 ms to load), on first use. */
function oxc(): typeof Oxc {
  if (oxcLoaded === undefined) {
    try {
      oxcLoaded = require("oxc-transform") as typeof Oxc;
    } catch (e) {
      throw missingBinding(e);
    }
  }
  return oxcLoaded;
}

/**
 * oxc-transform's compiler is a native package per platform, one of its
 * optional dependencies: `npm install --omit=optional` leaves it out. The
 * error (exit 2) names the package this machine needs and the npm install
 * that adds it. Its version is oxc-transform's own: lib/'s bytes depend on it.
 */
function missingBinding(cause: unknown): Error {
  let pkg: { version?: string; optionalDependencies?: Record<string, string> } = {};
  try {
    pkg = JSON.parse(readFileSync(require.resolve("oxc-transform/package.json"), "utf8")) as typeof pkg;
  } catch {
    return InputError.of({}, "kqlgen needs oxc-transform (it compiles the generated package's lib/), which is not installed: reinstall kqlgen");
  }
  const binding = bindingName(Object.keys(pkg.optionalDependencies ?? {}));
  const why = cause instanceof Error ? cause.message.split("\n")[0]!.slice(0, 200) : String(cause);
  if (binding === undefined) {
    return InputError.of({}, `oxc-transform, which compiles the generated package's lib/, has no compiler for ${process.platform}-${process.arch} (${why})`);
  }
  return InputError.of(
    {},
    `compiling the generated package's lib/ needs ${binding}, oxc-transform's compiler for this machine, an optional dependency that is not installed (npm install --omit=optional leaves it out): run npm install ${binding}@${pkg.version}`,
  );
}

/** The binding package for this platform among oxc-transform's optional dependencies (`@oxc-transform/binding-linux-x64-gnu`). */
function bindingName(bindings: readonly string[]): string | undefined {
  const base = `@oxc-transform/binding-${process.platform}-${process.arch}`;
  const musl = process.platform === "linux" && !(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
  const wanted = [base, `${base}-${musl ? "musl" : "gnu"}`, `${base}-msvc`, `${base}-gnueabihf`, `${base}-${musl ? "musleabihf" : "gnueabihf"}`];
  return wanted.find((name) => bindings.includes(name));
}

/** Where the compiled package goes. */
export const LIB_DIR = "lib/";

/** Compiled output keeps the generated header (declarations drop comments that are not attached to a declaration). */
function withHeader(text: string): string {
  return text.startsWith(GENERATED_HEADER) ? text : `${GENERATED_HEADER}\n${text}`;
}

/** oxc's first error on a module, as one line naming the file and line. */
function firstError(errors: readonly Oxc.OxcError[], source: string, fileName: string): string | undefined {
  const e = errors[0];
  if (e === undefined) return undefined;
  const at = e.labels[0]?.start;
  const line = at === undefined ? 0 : source.slice(0, at).split("\n").length;
  return `${fileName} line ${line}: ${e.message}`;
}

/** How every module of the package is compiled: its JavaScript, and its declarations from it alone. */
const MODULE_OPTIONS = {
  lang: "ts",
  sourceType: "module",
  target: "es2022",
  typescript: { declaration: { stripInternal: false } },
} as const satisfies Oxc.TransformOptions;

/**
 * A module's JavaScript and declarations, or an internal error: a module oxc
 * cannot parse, or one whose declarations need the other modules, is
 * kqlgen's bug (emitters print only code they mean, with explicit types;
 * test/package-js.test.ts).
 */
function compiled(result: Oxc.TransformResult, source: string, fileName: string): { js: string; dts: string } {
  // Declaration errors (TS9xxx, a missing annotation) leave the JavaScript right; a parse error does not.
  const parse = result.errors.filter((e) => !/^TS9\d{3}:/.test(e.message));
  if (parse.length > 0) throw new Error(`internal: cannot compile ${firstError(parse, source, fileName)}`);
  const problem = firstError(result.errors, source, fileName);
  if (problem !== undefined) throw new Error(`internal: ${problem} (a generated module's declarations must follow from the module alone)`);
  return { js: withHeader(result.code), dts: withHeader(result.declaration ?? "") };
}

/** One TypeScript module → JavaScript only (types stripped, nothing checked). */
export function compileJs(source: string, fileName: string): string {
  const result = oxc().transformSync(fileName, source, { lang: "ts", sourceType: "module", target: "es2022" });
  if (result.errors.length > 0) throw new Error(`internal: cannot compile ${firstError(result.errors, source, fileName)}`);
  return withHeader(result.code);
}

/**
 * A file of the package and what it compiles to: itself, and for a src/
 * module its lib/ .js and .d.ts. Compiled on a thread of the pool: the main
 * thread emits the next files meanwhile.
 */
export async function withCompiled(path: string, text: string): Promise<[string, string][]> {
  if (!path.startsWith("src/") || !path.endsWith(".ts")) return [[path, text]];
  const { js, dts } = compiled(await oxc().transform(path, text, MODULE_OPTIONS), text, path);
  const lib = LIB_DIR + path.slice("src/".length, -".ts".length);
  return [
    [path, text],
    [`${lib}.js`, js],
    [`${lib}.d.ts`, dts],
  ];
}
