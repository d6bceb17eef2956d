/**
 * Messages a person can act on: the analyzer's most common diagnostics
 * (unknown name, unknown table, unknown function, `Expected: ;`, operator type
 * errors) said in a sentence that names the closest columns ("did you mean"),
 * and, with a previous schema set, that a column was removed. Rule help for
 * SARIF lives here too, so the text and SARIF reports say the same.
 */
import type { SchemaChange } from "../diff/diff.js";
import type { SchemaSet } from "../model/schema.js";
import type { KustoDiagnostic } from "./kusto.js";
import type { Flavour, FunctionDef } from "./builtins.js";
import { LOG_ANALYTICS_FUNCTIONS, PORTAL_FUNCTIONS } from "./builtins.js";

/** kqlgen's own rule ids (Kusto's are KSnnn). */
export const RULES = {
  tooComplex: "kqlgen-too-complex",
  unusedSuppression: "kqlgen-unused-suppression",
  yaml: "YAML",
} as const;

/** Damerau–Levenshtein distance (optimal string alignment), case-insensitive. */
export function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/** The candidates closest to a name (at most three), nearest first: a case-only difference, or a few edits. */
export function closest(name: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : distance(name, c);
    if (d <= limit) scored.push([c, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([c]) => c);
}

const quoteList = (names: readonly string[]) => names.map((n) => `'${n}'`).join(", ").replace(/, ([^,]*)$/, " or $1");

export interface MessageContext {
  readonly schema: SchemaSet;
  /** What `kqlgen diff` says changed from the previous schema set (--previous-schemas) to this one. */
  readonly drift?: readonly SchemaChange[];
  readonly flavour: Flavour;
  readonly functions: readonly FunctionDef[];
  /** The query's text (for the names it mentions). */
  readonly text: string;
  /** Tables of the schema set the query names. */
  readonly tables: readonly string[];
}

/** Columns Log Analytics adds to every table, which the Defender portal's tables lack. */
const LOG_ANALYTICS_COLUMNS = new Set(["TimeGenerated", "TenantId", "SourceSystem", "Type", "_BilledSize", "_IsBillable", "_ResourceId", "_SubscriptionId"]);

function nameIn(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1];
}

/** The message of a diagnostic, translated when kqlgen knows better words for it. */
export function explain(d: KustoDiagnostic, ctx: MessageContext): string {
  switch (d.code) {
    case "KS142": {
      const name = nameIn(d.message);
      if (name === undefined) return d.message;
      const removed = removedColumn(name, ctx);
      if (removed) return removed;
      if (d.argumentOf) {
        const near = closest(name, d.argumentOf.columns);
        const hashes = d.argumentOf.columns.filter((c) => /SHA1$|SHA256$/.test(c));
        const hint = near.length ? `did you mean ${quoteList(near)}?` : hashes.length && d.argumentOf.function === "FileProfile" ? `its hash columns are ${quoteList(hashes)}.` : "name one of its columns.";
        return `'${name}' is not a column of the table piped into ${d.argumentOf.function}, whose argument names one of its columns: ${hint}`;
      }
      if (ctx.flavour === "portal" && LOG_ANALYTICS_COLUMNS.has(name)) {
        return `'${name}' is a Log Analytics column, and this file is linted as portal (Defender advanced hunting)${name === "TimeGenerated" ? ": the portal's time column is Timestamp" : ""}. For Sentinel queries, set lint.flavour (or --flavour) to log-analytics and lint against Log Analytics schemas.`;
      }
      const candidates = d.scope?.length ? d.scope : ctx.tables.flatMap((t) => ctx.schema.tables.find((x) => x.name === t)?.columns.map((c) => c.name) ?? []);
      const near = closest(name, candidates);
      const what = d.scope?.length ? `'${name}' is not a column here, nor a known table, variable or function` : `'${name}' is not a known column, table, variable or function`;
      if (near.length) return `${what}: did you mean ${quoteList(near)}?`;
      return `${what}: check the spelling, or declare the column (lint.tables in kqlgen.config.json) if the schemas lack it.`;
    }
    case "KS204": {
      const name = nameIn(d.message);
      if (name === undefined) return d.message;
      const removed = ctx.drift?.some((c) => c.kind === "table-removed" && c.table === name);
      if (removed) return `The table '${name}' was removed in the new schema (the previous schemas have it).`;
      const near = closest(name, ctx.schema.tables.map((t) => t.name));
      const hint = near.length ? `did you mean ${quoteList(near)}? If it lives elsewhere, ` : "if it lives elsewhere (another workspace, a watchlist), ";
      return `'${name}' is not a table of the schemas, nor a tabular variable or function: ${hint}list it in --ignore-tables or lint.ignoreTables, or declare it in lint.tables.`;
    }
    case "KS211": {
      const name = nameIn(d.message);
      if (name === undefined) return d.message;
      const other: Flavour = ctx.flavour === "portal" ? "log-analytics" : "portal";
      const inOther = (other === "portal" ? PORTAL_FUNCTIONS : LOG_ANALYTICS_FUNCTIONS).some((f) => f.name === name);
      if (inOther) return `'${name}' is a function of the ${other} flavour, and this file is linted as ${ctx.flavour}: set lint.flavour (or --flavour) to ${other} for it.`;
      const near = closest(name, ctx.functions.map((f) => f.name));
      return `'${name}' is not a known function${near.length ? `: did you mean ${quoteList(near)}?` : ""}. A function of your own: declare it in lint.functions in kqlgen.config.json.`;
    }
    case "KS005": {
      const expected = /^Expected: (.+)$/.exec(d.message)?.[1];
      if (expected === ";") return "Expected ';' here: the text before it is a whole query. Separate queries with a blank line, and end each let statement with ';'.";
      if (expected !== undefined) return `Kusto's parser expected '${expected}' here. If a new query starts here or on the next line, separate the queries with a blank line.`;
      return d.message;
    }
    case "KS106":
    case "KS107": {
      const m = /operand types (\w+) and (\w+)/.exec(d.message);
      if (!m) return d.message;
      const retyped = retypedColumn(d, ctx);
      if (retyped) return `${d.message} ${retyped}`;
      return `${d.message} Convert one side so both are the same type (for example to${m[2] === "string" ? "string" : m[2]}() on the ${m[1]} side), or check the column's type in the schema.`;
    }
    default:
      return d.message;
  }
}

/** "removed in the new schema", when the previous schema set had the column in a table the query names. */
function removedColumn(name: string, ctx: MessageContext): string | undefined {
  const change = ctx.drift?.find((c) => c.kind === "column-removed" && c.column === name && ctx.tables.includes(c.table));
  if (!change) return undefined;
  return `The column '${name}' (${change.from}) was removed from ${change.table} in the new schema (the previous schemas have it).`;
}

/** For a type error: the operand before the operator, when it is a column whose type changed from the previous schema set. */
function retypedColumn(d: KustoDiagnostic, ctx: MessageContext): string | undefined {
  if (!ctx.drift?.length) return undefined;
  const before = /([A-Za-z_][A-Za-z0-9_]*)\s*\)?\s*$/.exec(ctx.text.slice(Math.max(0, d.start - 200), d.start))?.[1];
  const change = before && ctx.drift.find((c) => c.kind === "column-retyped" && c.column === before && ctx.tables.includes(c.table));
  if (!change) return undefined;
  return `The column '${before}' of ${change.table} was ${change.from} in the previous schemas and is ${change.to} in the new one.`;
}

/** A rule's description and help, for SARIF and the docs. */
export function ruleHelp(code: string): { short: string; help: string } {
  switch (code) {
    case "KS142":
      return { short: "Unknown name: not a column, table, variable or function.", help: "A column the query uses is not in the table (misspelled, removed or renamed in the schema). kqlgen names the closest columns. Fix the name, or declare the column in lint.tables of kqlgen.config.json." };
    case "KS204":
      return { short: "Unknown table.", help: "The table is not in the schemas. Fix the name, or list a table from elsewhere in --ignore-tables / lint.ignoreTables, or declare it with its columns in lint.tables." };
    case "KS211":
      return { short: "Unknown function.", help: "The function is neither Kusto's nor a built-in function of the flavour (portal: FileProfile, SeenBy, DeviceFromIP, AssignedIPAddresses; log-analytics: arg, _GetWatchlist). Set the flavour, or declare your function in lint.functions." };
    case "KS005":
      return { short: "Syntax error.", help: "Kusto's parser expected something else here. In a file of several queries, separate them with a blank line and end let statements with ';'." };
    case "KS106":
    case "KS107":
      return { short: "Type error.", help: "An operator's operands have types it does not combine, often because a column changed type in the schema. Convert one side (tostring(), tolong(), todatetime())." };
    case RULES.tooComplex:
      return { short: "Query too large or too deeply nested to analyze.", help: "kqlgen skips queries nested deeper than its limit or longer than its limit, so that one file cannot exhaust time and memory. Simplify the query." };
    case RULES.unusedSuppression:
      return { short: "A suppression comment silences nothing.", help: "A // kqlgen-ignore-next-line or // kqlgen-ignore-file comment whose codes match no finding. Remove it, or fix its codes." };
    case RULES.yaml:
      return { short: "The rule file is not valid YAML.", help: "The YAML file does not parse, so its queries cannot be read." };
    default:
      return { short: `Kusto analyzer diagnostic ${code}.`, help: `Kusto's analyzer reported ${code}; see the message.` };
  }
}
