/**
 * The lint's report: text (`file:line:col: code message`, one per line, as
 * compilers print them), JSON, or SARIF 2.1.0 for CI code-scanning annotations.
 * Lines and columns are 1-based; columns count UTF-16 code units (SARIF's
 * default column kind).
 */
import path from "node:path";
import type { Finding, LintReport, Place } from "./engine.js";
import { ruleHelp } from "./messages.js";

export const FORMATS = ["text", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatText(report: LintReport): string {
  return report.findings
    .map((f) => {
      const also = f.also?.length ? ` (${f.also.length + 1} places; also at ${f.also.map((p) => `${p.start.line}:${p.start.column}`).join(", ")})` : "";
      return `${f.file}:${f.start.line}:${f.start.column}: ${f.code} ${f.severity === "warning" ? "(warning) " : ""}${f.message}${also}`;
    })
    .join("\n");
}

/** One line for stderr: what was linted and what was found. */
export function summary(report: LintReport): string {
  const what = `${plural(report.queries, "query", "queries")} in ${plural(report.files, "file", "files")}`;
  const warnings = report.warnings ? `, ${plural(report.warnings, "warning", "warnings")}` : "";
  const baselined = report.baselined ? ` (${plural(report.baselined, "finding", "findings")} in the baseline not shown)` : "";
  if (report.errors === 0) return `kqlgen: ${what}: no errors${warnings}${baselined}`;
  const errors = report.findings.filter((f) => f.severity === "error");
  // Errors of a file that does not parse belong to no query: count the files, not "1 of 0 queries".
  const failingQueries = new Set(errors.filter((f) => f.code !== "YAML").flatMap((f) => (f.queries ?? [0]).map((n) => `${f.file}\0${n}`))).size;
  const unreadable = new Set(errors.filter((f) => f.code === "YAML").map((f) => f.file)).size;
  const where = [
    ...(failingQueries ? [`${failingQueries} of ${plural(report.queries, "query", "queries")}`] : []),
    ...(unreadable ? [`${plural(unreadable, "file", "files")} that ${unreadable === 1 ? "does" : "do"} not parse`] : []),
  ].join(" and ");
  const files = failingQueries ? ` in ${plural(report.files, "file", "files")}` : ` (${what})`;
  return `kqlgen: ${plural(report.errors, "error", "errors")}${warnings} in ${where}${files}${baselined}`;
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(
    {
      files: report.files,
      queries: report.queries,
      errors: report.errors,
      warnings: report.warnings,
      findings: report.findings.map((f) => ({
        file: f.file,
        line: f.start.line,
        column: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
        code: f.code,
        severity: f.severity,
        message: f.message,
        ...(f.query !== undefined ? { query: f.query } : {}),
        ...(f.also?.length ? { also: f.also.map((p) => ({ line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column })) } : {}),
      })),
      ...(report.baselined ? { baselined: report.baselined } : {}),
    },
    null,
    2,
  );
}

/** A file name as a SARIF artifact URI: relative, `/`-separated, percent-encoded. */
export function artifactUri(file: string): string {
  const posix = file.split(path.sep).join("/");
  const encoded = posix
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
  return path.isAbsolute(file) ? `file://${encoded.startsWith("/") ? "" : "/"}${encoded}` : encoded;
}

export function formatSarif(report: LintReport, version: string): string {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const physical = (f: Finding, p: Place) => ({
    artifactLocation: { uri: artifactUri(f.file), ...(path.isAbsolute(f.file) ? {} : { uriBaseId: "%SRCROOT%" }) },
    region: { startLine: p.start.line, startColumn: p.start.column, endLine: p.end.line, endColumn: p.end.column },
  });
  const result = (f: Finding) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code),
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: physical(f, f),
        ...(f.query !== undefined ? { logicalLocations: [{ name: f.query, kind: "member" }] } : {}),
      },
    ],
    ...(f.also?.length ? { relatedLocations: f.also.map((p, i) => ({ id: i + 1, physicalLocation: physical(f, p), message: { text: "The same problem." } })) } : {}),
  });
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "kqlgen",
              version,
              rules: codes.map((code) => {
                const help = ruleHelp(code);
                return { id: code, shortDescription: { text: help.short }, fullDescription: { text: help.help }, help: { text: help.help } };
              }),
            },
          },
          results: report.findings.map(result),
        },
      ],
    },
    null,
    2,
  );
}
