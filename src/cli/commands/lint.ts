/** `kqlgen lint`: saved queries (.kql, and `query:` in YAML rule files) checked by Kusto's analyzer against the schemas. */
import { readFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { lint } from "../../lint/engine.js";
import { expandPaths } from "../../lint/files.js";
import { FORMATS, formatJson, formatSarif, formatText, summary, type Format } from "../../lint/format.js";
import { loadConfig } from "../../config/config.js";
import { EXIT, InputError } from "../../model/errors.js";
import { readSchemaDir } from "../../sources/index.js";
import type { ExitCode, Io } from "../io.js";
import { packagePath } from "../../paths.js";

interface Flags {
  schemas: string;
  config?: string;
  ignoreTables: string[];
  format: Format;
  warnings?: boolean;
}

function kqlgenVersion(): string {
  const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

/** `--ignore-tables A,B --ignore-tables C` → ["A", "B", "C"]. */
function tableList(value: string, previous: string[]): string[] {
  const names = value.split(",").map((n) => n.trim());
  const bad = names.find((n) => !/^[A-Za-z0-9_*]+$/.test(n));
  if (bad !== undefined) {
    throw InputError.of({}, `--ignore-tables: ${JSON.stringify(bad)} is not a table name: expected names (letters, digits, _) or patterns with *, separated by commas`);
  }
  return [...previous, ...names];
}

export function registerLint(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("lint")
    .description("check saved KQL queries (.kql files, query: in .yaml rules) against the schemas with Kusto's analyzer; exit 1 on errors")
    .argument("<paths...>", "files, folders or glob patterns (quote them: 'rules/**/*.yaml')")
    .addOption(new Option("--schemas <dir>", "folder of schema files the queries run against").default("fixtures/"))
    .addOption(new Option("--config <file>", "config file whose lint.ignoreTables adds to --ignore-tables (default: kqlgen.config.json when present)"))
    .addOption(
      new Option("--ignore-tables <names>", "tables not in the schemas to accept unchecked (other workspaces, watchlists): comma-separated, * wildcards; repeatable")
        .argParser(tableList)
        .default([]),
    )
    .addOption(new Option("--format <format>", "report format").choices(FORMATS).default("text"))
    .addOption(new Option("--warnings", "also report Kusto's warnings (they never fail the lint)"))
    .action(async (paths: string[], flags: Flags) => {
      const { config } = await loadConfig(flags.config);
      const ignoreTables = [...(config.lint?.ignoreTables ?? []), ...flags.ignoreTables];
      const schema = await readSchemaDir(flags.schemas);
      const files = await expandPaths(paths);
      const report = await lint({ schema, files, ignoreTables, warnings: flags.warnings === true });
      if (report.queries === 0 && report.findings.length === 0) {
        throw InputError.of({}, `no KQL queries in ${files.length} ${files.length === 1 ? "file" : "files"}: expected .kql files or YAML rules with query: keys`);
      }
      if (flags.format === "json") io.out(formatJson(report));
      else if (flags.format === "sarif") io.out(formatSarif(report, kqlgenVersion()));
      else if (report.findings.length) io.out(formatText(report));
      io.err(summary(report));
      done(report.errors > 0 ? EXIT.checkFailed : EXIT.ok);
    });
}
