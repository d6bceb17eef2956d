/**
 * Test helper: Kusto's own parser as the oracle for KQL text. Loaded once per
 * test file (through the lint's lazy loader, which reuses a copy already in the
 * process), with globals built from a schema set, and readers that parse many
 * literals or names in one `print` statement and check each one.
 */
import { loadKusto, type Kusto, type KustoAnalysis, type KustoGlobals } from "../../src/lint/kusto.js";
import type { SchemaSet } from "../../src/model/schema.js";
import { readSchemaDir } from "../../src/sources/index.js";

export type { Kusto, KustoGlobals };

let kusto: Promise<Kusto> | undefined;

/** Kusto.Language, loaded once per test file. */
export function getKusto(): Promise<Kusto> {
  return (kusto ??= loadKusto());
}

/** Globals with the tables of a schema set (plus open tables). */
export async function globalsFor(schema: SchemaSet, openTables: readonly string[] = []): Promise<KustoGlobals> {
  return (await getKusto()).globals(schema, { openTables });
}

/** Globals with the tables of a schemas folder. */
export async function globalsForDir(dir: string): Promise<{ schema: SchemaSet; globals: KustoGlobals }> {
  const schema = await readSchemaDir(dir);
  return { schema, globals: await globalsFor(schema) };
}

export async function analyze(text: string, globals: KustoGlobals): Promise<KustoAnalysis> {
  return (await getKusto()).analyze(text, globals);
}

/** How Kusto read one piece of text: its value, or why it did not read it as one whole literal or name. */
export type Reading = { ok: true; value: unknown; kind: string } | { ok: false; problem: string };

/**
 * A literal value as plain JavaScript: strings, numbers and booleans as they are,
 * 64-bit integers as bigint, timespans as bigint ticks, other .NET values as their string.
 */
export function plainValue(value: any): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value !== "object") return value;
  if (value.$boxed) return plainValue(value.v);
  if (value.T?.$$name === "System.Int64") return BigInt(value.toString());
  if (value.ticks !== undefined) return BigInt(value.ticks.toString());
  if (value instanceof Date) return value;
  return String(value);
}

/**
 * Parses `print x0 = <t0>, x1 = <t1>, ...` (or `print <t0> = 0, ...` for names) and reads each
 * piece: no diagnostic may touch it, the parsed expression (or name) must span exactly its text,
 * and its value is returned. Batches with a diagnostic are re-read one piece at a time.
 */
export function readPieces(k: Kusto, pieces: readonly string[], as: "literal" | "name"): Reading[] {
  const K = k.language;
  const starts: number[] = [];
  let text = "print ";
  pieces.forEach((p, i) => {
    if (i > 0) text += ", ";
    if (as === "literal") {
      text += `x${i} = `;
      starts.push(text.length);
      text += p;
    } else {
      starts.push(text.length);
      text += `${p} = 0`;
    }
  });
  const code = K.KustoCode.Parse(text);
  const diagnostics: any[] = k.bridge.toArray(code.GetDiagnostics());
  if (diagnostics.length > 0 && pieces.length > 1) return pieces.flatMap((p) => readPieces(k, [p], as));
  if (diagnostics.length > 0) {
    return [{ ok: false, problem: diagnostics.map((d) => `${d.Code} ${d.Message} @${d.Start}`).join("; ") }];
  }
  const print = code.Syntax.Statements.getItem(0).Element.Expression;
  if (print.Expressions.Count !== pieces.length) return pieces.map(() => ({ ok: false, problem: `parsed ${print.Expressions.Count} expressions` }));
  return pieces.map((p, i): Reading => {
    const named = print.Expressions.getItem(i).Element;
    if (as === "name") {
      const name = named.Name;
      if (!(named instanceof K.Syntax.SimpleNamedExpression)) return { ok: false, problem: `not a named expression: ${named.ToString()}` };
      if (name.TextStart !== starts[i] || name.Width !== p.length) return { ok: false, problem: `the name spans ${name.TextStart}+${name.Width}, not ${starts[i]}+${p.length}` };
      return { ok: true, value: String(name.SimpleName), kind: "name" };
    }
    const e = named.Expression;
    if (e.TextStart !== starts[i] || e.Width !== p.length) return { ok: false, problem: `the expression spans ${e.TextStart}+${e.Width}, not ${starts[i]}+${p.length}` };
    if (!e.IsLiteral) return { ok: false, problem: `not a literal: ${e.constructor.$$name}` };
    return { ok: true, value: e instanceof K.Syntax.DynamicExpression ? e : plainValue(e.LiteralValue), kind: String(e.constructor.$$name).replace("Kusto.Language.Syntax.", "") };
  });
}

/** The JSON value a parsed `dynamic(...)` literal holds (longs as bigint). */
export function dynamicValue(k: Kusto, dynamicExpression: any): unknown {
  const K = k.language;
  const walk = (e: any): unknown => {
    if (e instanceof K.Syntax.JsonObjectExpression) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < e.Pairs.Count; i++) {
        const pair = e.Pairs.getItem(i).Element;
        const key = String(K.KustoFacts.GetStringLiteralValue(pair.Name.Text));
        Object.defineProperty(out, key, { value: walk(pair.Value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (e instanceof K.Syntax.JsonArrayExpression) {
      const out: unknown[] = [];
      for (let i = 0; i < e.Values.Count; i++) out.push(walk(e.Values.getItem(i).Element));
      return out;
    }
    if (e instanceof K.Syntax.PrefixUnaryExpression) {
      const v = walk(e.Expression);
      if (e.Operator.Text !== "-") throw new Error(`unexpected prefix ${e.Operator.Text}`);
      return typeof v === "bigint" ? -v : -(v as number);
    }
    if (e.Kind === K.Syntax.SyntaxKind.NullLiteralExpression) return null;
    const text = String(e.ToString()).trim();
    if (e.Kind === K.Syntax.SyntaxKind.LongLiteralExpression) return BigInt(text);
    return plainValue(e.LiteralValue);
  };
  return walk(dynamicExpression.Expression);
}
