/**
 * The lint: every query of every file, analyzed by Kusto's own analyzer
 * against the tables of a schema set. Tables a query may use that the schema
 * set does not hold (other workspaces, watchlists) can be declared ignored:
 * they become "open" tables, whose columns are not checked.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/errors.js";
import type { SchemaSet } from "../model/schema.js";
import { fileKind } from "./files.js";
import { loadKusto, type Kusto } from "./kusto.js";
import { kqlFileQueries, yamlFileQueries, type FileQueries, type Position } from "./queries.js";

export type FindingSeverity = "error" | "warning";

/** One problem in a linted file. */
export interface Finding {
  /** The file as the user named it (or as found under a folder or glob). */
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
  /** Kusto's diagnostic code (e.g. "KS142"), or "YAML" for a rule file that does not parse. */
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** JSON Pointer of the query in a YAML file. */
  readonly query?: string;
}

export interface LintReport {
  readonly files: number;
  readonly queries: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
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
}

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

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^$()|[\]{}\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

/** The open tables for the ignore list: exact names, and every name a query mentions that a pattern matches. */
function openTables(kusto: Kusto, schema: SchemaSet, ignore: readonly string[], texts: readonly string[]): string[] {
  const known = new Set(schema.tables.map((t) => t.name));
  const exact = ignore.filter((p) => !p.includes("*"));
  const patterns = ignore.filter((p) => p.includes("*")).map(wildcard);
  const names = new Set(exact);
  if (patterns.length) {
    for (const text of texts) for (const name of kusto.identifiers(text)) if (patterns.some((p) => p.test(name))) names.add(name);
  }
  return [...names].filter((n) => !known.has(n)).sort();
}

export async function lint(options: LintOptions): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const read: { file: string; content: FileQueries }[] = [];
  for (const file of options.files) {
    const text = await readText(file, cwd);
    read.push({ file, content: fileKind(file) === "yaml" ? yamlFileQueries(text) : kqlFileQueries(text) });
  }
  const findings: Finding[] = [];
  const queries = read.flatMap((r) => r.content.queries.map((q) => ({ file: r.file, query: q })));
  if (queries.length > 0) {
    const kusto = await loadKusto();
    const globals = kusto.globals(options.schema, {
      openTables: openTables(kusto, options.schema, options.ignoreTables ?? [], queries.map((q) => q.query.text)),
    });
    for (const { file, query } of queries) {
      const { diagnostics } = kusto.analyze(query.text, globals);
      for (const d of diagnostics) {
        const severity: FindingSeverity | undefined = d.severity === "Error" ? "error" : d.severity === "Warning" && options.warnings ? "warning" : undefined;
        if (!severity) continue;
        const start = query.position(d.start);
        const end = d.length > 0 ? query.position(d.start + d.length) : start;
        findings.push({ file, start, end, code: d.code, severity, message: d.message, ...(query.pointer !== undefined ? { query: query.pointer } : {}) });
      }
    }
  }
  for (const { file, content } of read) {
    if (content.problem) {
      findings.push({ file, start: content.problem.position, end: content.problem.position, code: "YAML", severity: "error", message: content.problem.message });
    }
  }
  const order = new Map(options.files.map((f, i) => [f, i]));
  findings.sort(
    (a, b) =>
      order.get(a.file)! - order.get(b.file)! ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    files: options.files.length,
    queries: queries.length,
    findings,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}
