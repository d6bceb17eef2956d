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
import type { FunctionDef } from "./builtins.js";

/** One diagnostic of Kusto's parser or analyzer. Offsets are UTF-16 code units of the query text. */
export interface KustoDiagnostic {
  /** e.g. "KS142". */
  readonly code: string;
  /** "Error", "Warning", "Suggestion" or "Information". */
  readonly severity: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
  /** For an unknown name used in a pipe operator: the columns of the operator's input (empty when the input is not a known table); undefined elsewhere. */
  readonly scope?: readonly string[];
  /** For an unknown name given as a column argument of an invoked function (`| invoke FileProfile(X)`): the function, and the piped table's columns. */
  readonly argumentOf?: { readonly function: string; readonly columns: readonly string[] };
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
  /** Functions whose arguments may be column names of the piped input: name → parameter indexes. */
  readonly columnArguments?: ReadonlyMap<string, readonly number[]>;
}

export interface GlobalsOptions {
  /** Tables to accept without knowing their columns (any column, of unknown type): "open" tables. */
  readonly openTables?: readonly string[];
  /** The database's name (default "kqlgen"). */
  readonly database?: string;
  /** Functions beyond Kusto's own (built-in functions of a flavour, declared functions). */
  readonly functions?: readonly FunctionDef[];
  /** Tables and columns beyond the schema set: a known table gets the columns added, another table is made. */
  readonly extraTables?: Readonly<Record<string, Readonly<Record<string, KustoType>>>>;
}

/** The parts of Kusto.Language kqlgen uses. */
export interface Kusto {
  /** Tables and columns of a schema set (plus open tables) on top of Kusto's built-in functions. */
  globals(schema: SchemaSet, options?: GlobalsOptions): KustoGlobals;
  /** Parses and analyzes a query against the globals. */
  analyze(text: string, globals: KustoGlobals): KustoAnalysis;
  /** The names a query's text refers to (parse only; no analysis): tables, columns, functions, members. */
  identifiers(text: string): string[];
  /** The syntax errors of a text (parse only, no analysis): how many, and the offset of the first. */
  syntaxErrors(text: string): { count: number; first: number };
  /** Whether a text holds only `let` statements (and comments): definitions for the queries after it. */
  onlyLets(text: string): boolean;
  /** Kusto.Language itself and the Bridge.NET runtime, for tests that walk syntax trees. */
  readonly language: any;
  readonly bridge: any;
}

interface ColumnArgument {
  readonly function: string;
  readonly columns: readonly string[];
  readonly isColumn: boolean;
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
      const extra = options.extraTables ?? {};
      const columnsOf = (spec: Readonly<Record<string, KustoType>>) => Object.entries(spec).map(([n, t]) => new S.ColumnSymbol(n, scalarType(t)));
      const members: unknown[] = schema.tables.map((t) => {
        const have = new Set(t.columns.map((c) => c.name));
        const added = Object.entries(extra[t.name] ?? {}).filter(([n]) => !have.has(n));
        return new S.TableSymbol.$ctor4(t.name, [
          ...t.columns.map((c) => new S.ColumnSymbol(c.name, scalarType(c.type))),
          ...added.map(([n, type]) => new S.ColumnSymbol(n, scalarType(type))),
        ]);
      });
      const known = new Set(schema.tables.map((t) => t.name));
      for (const [name, spec] of Object.entries(extra)) {
        if (!known.has(name)) {
          members.push(new S.TableSymbol.$ctor4(name, columnsOf(spec)));
          known.add(name);
        }
      }
      for (const name of new Set(options.openTables ?? [])) {
        if (!known.has(name)) members.push(new S.TableSymbol.$ctor4(name, []).WithIsOpen(true));
      }
      const columnArguments = new Map<string, readonly number[]>();
      const names = new Set<string>();
      for (const f of options.functions ?? []) {
        if (names.has(f.name) || known.has(f.name)) continue;
        names.add(f.name);
        members.push(functionSymbol(f));
        if (f.columnArguments?.length) columnArguments.set(f.name, f.columnArguments);
      }
      const database = new S.DatabaseSymbol.ctor(options.database ?? "kqlgen", members);
      return { state: K.GlobalState.Default.WithDatabase(database).WithCache(), columnArguments };
    },
    analyze(text, globals) {
      const code = K.KustoCode.ParseAndAnalyze(text, globals.state);
      let diagnostics = toArray(code.GetDiagnostics()).map(
        (d): KustoDiagnostic => ({ code: String(d.Code), severity: String(d.Severity), message: String(d.Message), start: d.Start, length: d.Length }),
      );
      if (diagnostics.some((d) => d.code === "KS142")) {
        const args = globals.columnArguments?.size ? columnArgumentSpans(code, globals.columnArguments) : new Map<number, ColumnArgument>();
        diagnostics = diagnostics
          .filter((d) => !(d.code === "KS142" && args.get(d.start)?.isColumn))
          .map((d) => {
            if (d.code !== "KS142") return d;
            const arg = args.get(d.start);
            const scope = scopeAt(code, d.start);
            return { ...d, ...(scope ? { scope } : {}), ...(arg ? { argumentOf: { function: arg.function, columns: arg.columns } } : {}) };
          });
      }
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
    syntaxErrors(text) {
      const errors = toArray(K.KustoCode.Parse(text).GetDiagnostics()).filter((d) => String(d.Severity) === "Error");
      return { count: errors.length, first: errors.length ? Math.min(...errors.map((d) => d.Start as number)) : -1 };
    },
    onlyLets(text) {
      const syntax = K.KustoCode.Parse(text).Syntax;
      const statements = syntax?.Statements ? toArray(syntax.Statements).map((s: any) => s.Element ?? s) : [];
      return statements.length > 0 && statements.every((s: any) => s instanceof K.Syntax.LetStatement);
    },
  };

  /** A function symbol from its description: parameters and result built as symbols, no KQL text. */
  function functionSymbol(f: FunctionDef): unknown {
    const params: unknown[] = [];
    if (f.input === "extend") params.push(new S.Parameter.ctor("T", S.ParameterTypeKind.Tabular, S.ArgumentKind.Expression, null, null, false, null, 1, 1, null, null));
    for (const p of f.parameters) {
      params.push(new S.Parameter.$ctor3(p.name, scalarType(p.type), S.ArgumentKind.Expression, null, null, false, null, p.optional ? 0 : 1, 1, null, null));
    }
    if (f.database) {
      const db = new S.DatabaseSymbol.ctor(f.name, f.database.map((t) => new S.TableSymbol.$ctor4(t, []).WithIsOpen(true)));
      return new S.FunctionSymbol.$ctor5(f.name, db, params);
    }
    const own = f.columns.map((c) => new S.ColumnSymbol(c.name, scalarType(c.type)));
    const table = (columns: unknown[]) => (f.open ? new S.TableSymbol.ctor(columns).WithIsOpen(true) : new S.TableSymbol.ctor(columns));
    if (f.input === "none") return new S.FunctionSymbol.$ctor5(f.name, table(own), params);
    const extend = (info: any) => {
      const input = toArray(info.ArgumentTypes)[0];
      const inputColumns = input && input.Columns ? toArray(input.Columns) : [];
      const have = new Set(inputColumns.map((c) => String(c.Name)));
      return table([...inputColumns, ...own.filter((c: any) => !have.has(String(c.Name)))]);
    };
    return new S.FunctionSymbol.ctor(f.name, extend, S.Tabularity.Tabular, params);
  }

  /** The input table's columns of the pipe operator at an offset (`T | where X`: T's columns for X). */
  function scopeAt(code: any, offset: number): string[] | undefined {
    let node = code.Syntax.GetTokenAt(offset);
    while (node && node.Parent) {
      const parent = node.Parent;
      if (parent instanceof K.Syntax.PipeExpression && parent.Operator === node) {
        const type = parent.Expression?.ResultType;
        // No columns: the input is not a known table (an unknown table or function before it).
        return type && type.Columns ? toArray(type.Columns).map((c) => String(c.Name)) : [];
      }
      node = parent;
    }
    return undefined;
  }

  /** `| invoke F(Name)` arguments where F takes a column name, by offset: whether Name is a column of the piped input. */
  function columnArgumentSpans(code: any, functions: ReadonlyMap<string, readonly number[]>): Map<number, ColumnArgument> {
    const spans = new Map<number, ColumnArgument>();
    code.Syntax.WalkElements((element: any) => {
      if (!(element instanceof K.Syntax.InvokeOperator)) return;
      const call = element.Function;
      if (!(call instanceof K.Syntax.FunctionCallExpression)) return;
      const indexes = functions.get(String(call.Name?.SimpleName));
      const pipe = element.Parent;
      if (!indexes || !(pipe instanceof K.Syntax.PipeExpression)) return;
      const type = pipe.Expression?.ResultType;
      const list: string[] = type && type.Columns ? toArray(type.Columns).map((c) => String(c.Name)) : [];
      const columns = new Set(list);
      const name = String(call.Name?.SimpleName);
      const args = call.ArgumentList?.Expressions;
      const count = args ? args.Count : 0;
      for (const index of indexes) {
        // Indexes count the scalar parameters: the piped table is not in the argument list.
        if (index >= count) continue;
        const arg = args.getItem(index).Element;
        if (arg instanceof K.Syntax.NameReference) spans.set(arg.TextStart, { function: name, columns: list, isColumn: columns.has(String(arg.SimpleName)) });
      }
    });
    return spans;
  }
}
