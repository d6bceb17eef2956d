/**
 * The lint's report: text (`file:line:col: code message`, one per line, as
 * compilers print them), JSON, or SARIF 2.1.0 for CI code-scanning annotations.
 * Lines and columns are 1-based; columns count UTF-16 code units (SARIF's
 * default column kind).
 */
import path from "node:path";
import type { Finding, LintReport } from "./engine.js";

export const FORMATS = ["text", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export function formatText(report: LintReport): string {
  return report.findings
    .map((f) => `${f.file}:${f.start.line}:${f.start.column}: ${f.code} ${f.severity === "warning" ? "(warning) " : ""}${f.message}`)
    .join("\n");
}

/** One line for stderr: what was linted and what was found. */
export function summary(report: LintReport): string {
  const what = `${report.queries} ${report.queries === 1 ? "query" : "queries"} in ${report.files} ${report.files === 1 ? "file" : "files"}`;
  const warnings = report.warnings ? `, ${report.warnings} ${report.warnings === 1 ? "warning" : "warnings"}` : "";
  if (report.errors === 0) return `kqlgen: ${what}: no errors${warnings}`;
  const failing = new Set(report.findings.filter((f) => f.severity === "error").map((f) => `${f.file}\0${f.query ?? ""}`)).size;
  return `kqlgen: ${report.errors} ${report.errors === 1 ? "error" : "errors"}${warnings} in ${failing} of ${what}`;
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
      })),
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

function ruleText(code: string): string {
  return code === "YAML" ? "The rule file is not valid YAML." : `Kusto analyzer diagnostic ${code}.`;
}

export function formatSarif(report: LintReport, version: string): string {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const result = (f: Finding) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code),
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file), ...(path.isAbsolute(f.file) ? {} : { uriBaseId: "%SRCROOT%" }) },
          region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
        },
        ...(f.query !== undefined ? { logicalLocations: [{ name: f.query, kind: "member" }] } : {}),
      },
    ],
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
              rules: codes.map((code) => ({ id: code, shortDescription: { text: ruleText(code) } })),
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
