/**
 * The `lint` section of kqlgen.config.json (checked by kqlgen.config.schema.json):
 *
 *   "lint": {
 *     "flavour": "portal",
 *     "overrides": [{ "files": ["sentinel/**"], "flavour": "log-analytics" }],
 *     "ignoreTables": ["Watchlist_*"],
 *     "tables": { "MyTable_CL": { "Computer": "string" }, "DeviceInfo": { "NewColumn": "string" } },
 *     "functions": [{ "name": "Lookup", "parameters": [{ "name": "key", "type": "string" }], "columns": { "Value": "string" } }]
 *   }
 */
import type { KustoType } from "../model/kusto-types.js";
import { InputError, InputProblem } from "../model/errors.js";
import type { Flavour, FunctionDef } from "./builtins.js";
import { globMatcher } from "./files.js";

export interface LintConfig {
  readonly ignoreTables?: readonly string[];
  /** The flavour of every file (default portal). */
  readonly flavour?: Flavour;
  /** Flavours by glob of files; the last matching entry wins. */
  readonly overrides?: readonly { readonly files: readonly string[]; readonly flavour: Flavour }[];
  /** Tables the schemas lack, and columns they lack: table → column → type. */
  readonly tables?: Readonly<Record<string, Readonly<Record<string, KustoType>>>>;
  readonly functions?: readonly DeclaredFunction[];
}

export interface DeclaredFunction {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: readonly { readonly name: string; readonly type: KustoType; readonly optional?: boolean }[];
  /** "extend": invoked on a table (`T | invoke F()`) and returns it with `columns` added; "none" (default): returns `columns`. */
  readonly input?: "extend" | "none";
  readonly columns?: Readonly<Record<string, KustoType>>;
  /** The result may have other columns too (unchecked). */
  readonly open?: boolean;
}

export function declaredFunctions(config: LintConfig | undefined): FunctionDef[] {
  return (config?.functions ?? []).map((f) => ({
    name: f.name,
    parameters: f.parameters ?? [],
    input: f.input ?? "none",
    columns: Object.entries(f.columns ?? {}).map(([name, type]) => ({ name, type })),
    ...(f.open ? { open: true } : {}),
    ...(f.description ? { description: f.description } : {}),
  }));
}

/** A function from a file (as given, `/`-separated) to its flavour; bad globs are bad input naming the config. */
export function flavourOf(config: LintConfig | undefined, fallback: Flavour, configFile?: string): (file: string) => Flavour {
  const overrides = (config?.overrides ?? []).map((o, i) => {
    try {
      return { matchers: o.files.map((g) => globMatcher(g.replace(/^\.\//, ""))), flavour: o.flavour };
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.problems.map((p) => new InputProblem({ file: configFile, at: `/lint/overrides/${i}/files` }, `${p.location.file}: ${p.message}`)));
      throw e;
    }
  });
  const base = config?.flavour ?? fallback;
  return (file) => {
    const posix = file.split("\\").join("/").replace(/^\.\//, "");
    let flavour = base;
    for (const o of overrides) if (o.matchers.some((m) => m.test(posix))) flavour = o.flavour;
    return flavour;
  };
}
