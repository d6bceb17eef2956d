/**
 * The lint: every query of every file, analyzed by Kusto's own analyzer
 * against the tables of a schema set, with the built-in functions of the
 * file's flavour and the team's declared functions and tables. Tables a query
 * may use that the schema set does not hold (other workspaces, watchlists) can
 * be declared ignored: they become "open" tables, whose columns are not checked.
 *
 * Files are read one at a time and let go once analyzed: memory does not grow
 * with the number of files (only the findings are kept).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemas, type SchemaChange } from "../diff/diff.js";
import { InputError } from "../model/errors.js";
import type { KustoType } from "../model/kusto-types.js";
import type { SchemaSet } from "../model/schema.js";
import { builtinFunctions, type Flavour, type FunctionDef } from "./builtins.js";
import { fileKind } from "./files.js";
import { loadKusto, type Kusto, type KustoGlobals } from "./kusto.js";
import { explain, RULES } from "./messages.js";
import { kqlFileQueries, markdownFileQueries, yamlFileQueries, type FileQueries, type Position, type Query } from "./queries.js";
import { splitQueries } from "./split.js";
import { suppressed, suppressions, unused } from "./suppress.js";

export type FindingSeverity = "error" | "warning";

/** Where a finding is. */
export interface Place {
  readonly start: Position;
  readonly end: Position;
}

/** One problem in a linted file: one rule and message, at one place or several (`also`). */
export interface Finding extends Place {
  /** The file as the user named it (or as found under a folder or glob). */
  readonly file: string;
  /** Kusto's diagnostic code (e.g. "KS142"), "YAML" for a rule file that does not parse, or one of kqlgen's (kqlgen-...). */
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** JSON Pointer of the query in a YAML file. */
  readonly query?: string;
  /** The same problem at more places in the file (one missing column used seven times is one finding). */
  readonly also?: readonly Place[];
  /** The queries of the file the finding is in, numbered from 1 in file order (several when grouped): for counting failing queries. */
  readonly queries?: readonly number[];
}

export interface LintReport {
  readonly files: number;
  readonly queries: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** Findings the baseline covered (not in `findings`). */
  readonly baselined?: number;
}

export interface LintOptions {
  readonly schema: SchemaSet;
  /** Files to read (see expandPaths). */
  readonly files: readonly string[];
  /** Tables whose columns are not checked: names, or patterns with `*`. */
  readonly ignoreTables?: readonly string[];
  /** Also report Kusto's warnings (they never fail the lint). */
  readonly warnings?: boolean;
  /** Folder relative file names are read from (default: the process's). */
  readonly cwd?: string;
  /** The flavour of a file (default: portal for every file). */
  readonly flavour?: (file: string) => Flavour;
  /** Functions a team declares (config lint.functions). */
  readonly functions?: readonly FunctionDef[];
  /** Tables and columns beyond the schemas (config lint.tables). */
  readonly extraTables?: Readonly<Record<string, Readonly<Record<string, KustoType>>>>;
  /** An older schema set: a column it has and the new one lacks is called removed. */
  readonly previousSchema?: SchemaSet;
}

/** Queries nested deeper, or longer, are not analyzed (a finding says so): Kusto's analyzer needs time and memory that grow fast with both. */
export const LIMITS = { nesting: 200, length: 1_000_000 } as const;

/** A file's text: UTF-8, without a byte order mark. Unreadable files are bad input (exit 2). */
async function readText(file: string, cwd: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path.resolve(cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw InputError.of({ file }, `cannot read the file (${code === "ENOENT" ? "it does not exist" : code === "EACCES" ? "permission denied" : (code ?? String(e))})`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw InputError.of({ file }, "the file is not valid UTF-8: expected UTF-8 text");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fileQueries(file: string, text: string): FileQueries {
  const kind = fileKind(file);
  return kind === "yaml" ? yamlFileQueries(text) : kind === "markdown" ? markdownFileQueries(text) : kqlFileQueries(text);
}

/** `*` patterns only, matched without regular expressions (a pattern cannot make matching slow). */
function wildcard(pattern: string): (name: string) => boolean {
  const parts = pattern.split("*");
  return (name) => {
    if (!name.startsWith(parts[0]!) || name.length < parts[0]!.length + parts[parts.length - 1]!.length || !name.endsWith(parts[parts.length - 1]!)) return false;
    let at = parts[0]!.length;
    const end = name.length - parts[parts.length - 1]!.length;
    for (const part of parts.slice(1, -1)) {
      const i = name.indexOf(part, at);
      if (i === -1 || i + part.length > end) return false;
      at = i + part.length;
    }
    return parts.length > 1 || name === pattern;
  };
}

/** The deepest nesting of (), [] and {} outside strings and comments, stopping once past `limit`. */
export function nesting(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") {
      const nl = text.indexOf("\n", i);
      if (nl === -1) break;
      i = nl;
    } else if (c === '"' || c === "'") {
      const verbatim = text[i - 1] === "@";
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) if (!verbatim && text[i] === "\\") i++;
    } else if (c === "`" && text.startsWith("```", i)) {
      const close = text.indexOf("```", i + 3);
      if (close === -1) break;
      i = close + 2;
    } else if (c === "(" || c === "[" || c === "{") {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
  }
  return max;
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const flavourOf = options.flavour ?? (() => "portal" as Flavour);
  const patterns = (options.ignoreTables ?? []).filter((p) => p.includes("*")).map(wildcard);
  const known = new Set(options.schema.tables.map((t) => t.name));
  const openTables = new Set((options.ignoreTables ?? []).filter((p) => !p.includes("*")));
  let kusto: Kusto | undefined;

  // Ignored-table patterns need the names every query mentions before the analyzer's tables are built: a first pass, keeping only names.
  if (patterns.length) {
    for (const file of options.files) {
      const { queries } = fileQueries(file, await readText(file, cwd));
      if (queries.length === 0) continue;
      kusto ??= await loadKusto();
      for (const q of queries) for (const name of kusto.identifiers(q.text)) if (!known.has(name) && patterns.some((p) => p(name))) openTables.add(name);
    }
  }

  const globalsByFlavour = new Map<Flavour, { globals: KustoGlobals; functions: readonly FunctionDef[] }>();
  const globalsFor = (k: Kusto, flavour: Flavour) => {
    let entry = globalsByFlavour.get(flavour);
    if (!entry) {
      const functions = [...(options.functions ?? []), ...builtinFunctions(flavour)];
      const globals = k.globals(options.schema, { openTables: [...openTables].filter((n) => !known.has(n)).sort(), functions, ...(options.extraTables ? { extraTables: options.extraTables } : {}) });
      entry = { globals, functions };
      globalsByFlavour.set(flavour, entry);
    }
    return entry;
  };
  const tableNames = new Set([...known, ...Object.keys(options.extraTables ?? {}), ...(options.previousSchema?.tables.map((t) => t.name) ?? [])]);
  const drift = options.previousSchema ? diffSchemas(options.previousSchema, options.schema).changes : undefined;

  const findings: Finding[] = [];
  let queryCount = 0;
  for (const file of options.files) {
    const text = await readText(file, cwd);
    const content = fileQueries(file, text);
    const marks = suppressions(text);
    const raw: Finding[] = [];
    const add = (f: Finding) => {
      if (f.code !== RULES.unusedSuppression && suppressed(marks, f.code, f.start.line)) return;
      raw.push(f);
    };
    if (content.problem) {
      add({ file, start: content.problem.position, end: content.problem.position, code: RULES.yaml, severity: "error", message: content.problem.message });
    }
    let fileQuery = 0;
    if (content.queries.length) {
      kusto ??= await loadKusto();
      const flavour = flavourOf(file);
      const { globals, functions } = globalsFor(kusto, flavour);
      for (const source of content.queries) {
        const pointer = source.pointer !== undefined ? { query: source.pointer } : {};
        const tooBig = source.text.length > LIMITS.length;
        const deep = tooBig ? 0 : nesting(source.text, LIMITS.nesting);
        if (tooBig || deep > LIMITS.nesting) {
          queryCount++;
          fileQuery++;
          const at = source.position(0);
          add({
            file,
            start: at,
            end: at,
            code: RULES.tooComplex,
            severity: "error",
            message: tooBig
              ? `The query is ${source.text.length} characters long: kqlgen analyzes queries up to ${LIMITS.length} characters, and skipped it.`
              : `The query nests brackets more than ${LIMITS.nesting} deep: kqlgen analyzes queries nested up to ${LIMITS.nesting} levels, and skipped it.`,
            ...pointer,
            queries: [fileQuery],
          });
          continue;
        }
        for (const query of splitQueries(kusto, source)) {
          queryCount++;
          analyzeQuery(kusto, query, globals, { file, flavour, functions, tableNames, options, drift, pointer: { ...pointer, queries: [++fileQuery] }, add });
        }
      }
    }
    for (const idle of unused(marks)) {
      const what = idle.codes.length ? idle.codes.join(", ") : "every code";
      raw.push({
        file,
        start: idle.position,
        end: idle.position,
        code: RULES.unusedSuppression,
        severity: "warning",
        message: `This kqlgen-ignore-${idle.kind} comment silences nothing (${what}): remove it${idle.codes.length ? " or fix its codes" : ""}.`,
      });
    }
    findings.push(...group(dedupe(raw)));
  }

  const order = new Map(options.files.map((f, i) => [f, i]));
  findings.sort(
    (a, b) =>
      order.get(a.file)! - order.get(b.file)! ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return {
    files: options.files.length,
    queries: queryCount,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

/** The name a KS142 message quotes. */
const unknownName = (message: string) => /'([^']*)'/.exec(message)?.[1] ?? "";

/** Unknown table, unknown function: what makes the rest of a query's columns unknowable. */
const CAUSES = new Set(["KS204", "KS211"]);

interface QueryContext {
  readonly file: string;
  readonly flavour: Flavour;
  readonly functions: readonly FunctionDef[];
  readonly tableNames: ReadonlySet<string>;
  readonly options: LintOptions;
  readonly drift: readonly SchemaChange[] | undefined;
  readonly pointer: { query?: string; queries: readonly number[] };
  readonly add: (f: Finding) => void;
}

function analyzeQuery(kusto: Kusto, query: Query, globals: KustoGlobals, ctx: QueryContext): void {
  const all = kusto.analyze(query.text, globals).diagnostics;
  if (all.length === 0) return;
  // After an unknown table or function, the columns that follow cannot be known: those findings follow from the first and are counted in its message.
  const sorted = [...all].sort((a, b) => a.start - b.start);
  const cause = sorted.find((d) => d.severity === "Error" && CAUSES.has(d.code));
  // A later unknown name follows from it when the table it is looked up in has no known columns; a column of a known table is still checked.
  const followers = cause ? sorted.filter((d) => d.start > cause.start && (d.code === "KS145" || (d.code === "KS142" && (!d.scope?.length || d.scope.includes(unknownName(d.message)))))) : [];
  const diagnostics = sorted.filter((d) => !followers.includes(d));
  let tables: string[] | undefined;
  for (const d of diagnostics) {
    const severity: FindingSeverity | undefined = d.severity === "Error" ? "error" : d.severity === "Warning" && ctx.options.warnings ? "warning" : undefined;
    if (!severity) continue;
    tables ??= [...new Set(kusto.identifiers(query.text).filter((n) => ctx.tableNames.has(n)))];
    const message = explain(d, {
      schema: ctx.options.schema,
      ...(ctx.drift ? { drift: ctx.drift } : {}),
      flavour: ctx.flavour,
      functions: ctx.functions,
      text: query.text,
      tables,
    });
    const start = query.position(d.start);
    const end = d.length > 0 ? query.position(d.start + d.length) : start;
    const hidden = d === cause && followers.length ? ` (${followers.length} later ${followers.length === 1 ? "finding" : "findings"} in this query that ${followers.length === 1 ? "follows" : "follow"} from it not shown)` : "";
    ctx.add({ file: ctx.file, start, end, code: d.code, severity, message: message + hidden, ...ctx.pointer });
  }
}

/** One finding per rule and place (a let statement carried into several queries is analyzed with each): the first one's message. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.start.line, f.start.column, f.code, f.query ?? ""]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One finding per rule and message in a query: its places in order. */
function group(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = JSON.stringify([f.query ?? "", f.code, f.severity, f.message]);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column);
    const [first, ...rest] = sorted;
    const queries = [...new Set(sorted.flatMap((f) => f.queries ?? []))].sort((a, b) => a - b);
    return rest.length ? { ...first!, also: rest.map((r) => ({ start: r.start, end: r.end })), ...(queries.length ? { queries } : {}) } : first!;
  });
}
