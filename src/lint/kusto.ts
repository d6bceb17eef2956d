/**
 * Kusto's own parser and analyzer (`@kusto/language-service-next`, Kusto.Language
 * compiled to JavaScript), loaded lazily: only `kqlgen lint` (and tests) call
 * `loadKusto`, never `generate`, the generated package or the query helpers.
 *
 * The package is not a module: its two scripts define the globals `Bridge` and
 * `System`, then `Kusto`. They are loaded once per process (a second copy throws
 * "Class ... is already defined"); an already loaded copy is reused.
 */
import type { KustoType } from "../model/kusto-types.js";
import type { SchemaSet } from "../model/schema.js";

/** One diagnostic of Kusto's parser or analyzer. Offsets are UTF-16 code units of the query text. */
export interface KustoDiagnostic {
  /** e.g. "KS142". */
  readonly code: string;
  /** "Error", "Warning", "Suggestion" or "Information". */
  readonly severity: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
}

/** A column of a query's result, as the analyzer types it. */
export interface KustoResultColumn {
  readonly name: string;
  readonly type: string;
}

export interface KustoAnalysis {
  readonly diagnostics: readonly KustoDiagnostic[];
  /** The result's columns when the query ends in a table; undefined otherwise. */
  readonly columns: readonly KustoResultColumn[] | undefined;
}

/** Tables and columns the analyzer checks queries against (an opaque Kusto GlobalState). */
export interface KustoGlobals {
  readonly state: unknown;
}

export interface GlobalsOptions {
  /** Tables to accept without knowing their columns (any column, of unknown type): "open" tables. */
  readonly openTables?: readonly string[];
  /** The database's name (default "kqlgen"). */
  readonly database?: string;
}

/** The parts of Kusto.Language kqlgen uses. */
export interface Kusto {
  /** Tables and columns of a schema set (plus open tables) on top of Kusto's built-in functions. */
  globals(schema: SchemaSet, options?: GlobalsOptions): KustoGlobals;
  /** Parses and analyzes a query against the globals. */
  analyze(text: string, globals: KustoGlobals): KustoAnalysis;
  /** The names a query's text refers to (parse only; no analysis): tables, columns, functions, members. */
  identifiers(text: string): string[];
  /** Kusto.Language itself and the Bridge.NET runtime, for tests that walk syntax trees. */
  readonly language: any;
  readonly bridge: any;
}

let loading: Promise<Kusto> | undefined;

/** Loads Kusto's parser (about half a second), once per process. */
export function loadKusto(): Promise<Kusto> {
  return (loading ??= load());
}

async function load(): Promise<Kusto> {
  const g = globalThis as { Kusto?: { Language?: unknown }; Bridge?: unknown };
  if (!g.Kusto?.Language) {
    // Specifiers in variables: the package ships no types for its .min.js files.
    const bridge = "@kusto/language-service-next/bridge.min.js";
    const language = "@kusto/language-service-next/Kusto.Language.Bridge.min.js";
    await import(bridge);
    await import(language);
  }
  if (!g.Kusto?.Language || !g.Bridge) throw new Error("@kusto/language-service-next did not define the globals Kusto and Bridge");
  return facade(g.Kusto.Language, g.Bridge);
}

function facade(K: any, Bridge: any): Kusto {
  const S = K.Symbols;
  const scalar = new Map<KustoType, unknown>();
  const scalarType = (type: KustoType) => {
    let symbol = scalar.get(type);
    if (symbol === undefined) {
      symbol = S.ScalarTypes.GetSymbol(type);
      if (!symbol) throw new Error(`Kusto.Language does not know the type ${type}`);
      scalar.set(type, symbol);
    }
    return symbol;
  };
  const toArray = (list: unknown): any[] => (list ? Bridge.toArray(list) : []);

  return {
    language: K,
    bridge: Bridge,
    globals(schema, options = {}) {
      const tables = schema.tables.map(
        (t) => new S.TableSymbol.$ctor4(t.name, t.columns.map((c) => new S.ColumnSymbol(c.name, scalarType(c.type)))),
      );
      const known = new Set(schema.tables.map((t) => t.name));
      for (const name of new Set(options.openTables ?? [])) {
        if (!known.has(name)) tables.push(new S.TableSymbol.$ctor4(name, []).WithIsOpen(true));
      }
      const database = new S.DatabaseSymbol.ctor(options.database ?? "kqlgen", tables);
      return { state: K.GlobalState.Default.WithDatabase(database).WithCache() };
    },
    analyze(text, globals) {
      const code = K.KustoCode.ParseAndAnalyze(text, globals.state);
      const diagnostics = toArray(code.GetDiagnostics()).map(
        (d): KustoDiagnostic => ({ code: String(d.Code), severity: String(d.Severity), message: String(d.Message), start: d.Start, length: d.Length }),
      );
      const result = code.ResultType;
      const columns = result && result.Columns ? toArray(result.Columns).map((c) => ({ name: String(c.Name), type: String(c.Type.Name) })) : undefined;
      return { diagnostics, columns };
    },
    identifiers(text) {
      const names: string[] = [];
      K.KustoCode.Parse(text).Syntax.WalkElements((element: any) => {
        if (element instanceof K.Syntax.NameReference) names.push(String(element.SimpleName));
      });
      return names;
    },
  };
}
