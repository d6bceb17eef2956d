/** `kqlgen lint`: saved queries (.kql, and `query:` in YAML rule files) checked by Kusto's analyzer against the schemas. */
import { readFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { FLAVOURS, type Flavour } from "../../lint/builtins.js";
import { FORMATS, type Format } from "../../lint/format.js";
import { EXIT, InputError, InputProblem } from "../../model/errors.js";
import type { ExitCode, Io } from "../io.js";
import { requireOptional } from "../optional.js";
import { packagePath } from "../../paths.js";

interface Flags {
  schemas?: string;
  config?: string;
  ignoreTables: string[];
  format: Format;
  warnings?: boolean;
  flavour?: Flavour;
  baseline?: string;
  writeBaseline?: string;
  previousSchemas?: string;
  followSymlinks?: boolean;
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

/** The older schema set: errors name the flag it came from. */
async function readPrevious(dir: string) {
  const { readSchemaDir } = await import("../../sources/index.js");
  try {
    return await readSchemaDir(dir);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map((p) => new InputProblem(p.location, p.message.replace("(--schemas)", "(--previous-schemas)"))));
    throw e;
  }
}

export function registerLint(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("lint")
    .description("check saved KQL queries (.kql files, query: in .yaml rules, kql blocks in Markdown) against the schemas with Kusto's analyzer; exit 1 on errors")
    .argument("<paths...>", "files, folders or glob patterns (quote them: 'rules/**/*.yaml')")
    .addOption(new Option("--schemas <dir>", "folder of schema files the queries run against; default: the config's \"schemas\""))
    .addOption(new Option("--config <file>", "config file with a lint section: flavour, overrides, ignoreTables, tables, functions (default: kqlgen.config.json when present)"))
    .addOption(
      new Option("--ignore-tables <names>", "tables not in the schemas to accept unchecked (other workspaces, watchlists): comma-separated, * wildcards; repeatable")
        .argParser(tableList)
        .default([]),
    )
    .addOption(new Option("--format <format>", "report format").choices(FORMATS).default("text"))
    .addOption(new Option("--warnings", "also report Kusto's warnings (they never fail the lint)"))
    .addOption(new Option("--flavour <flavour>", "where the queries run, for every file (default: lint.flavour of the config, else portal): the built-in functions it knows").choices(FLAVOURS))
    .addOption(new Option("--previous-schemas <dir>", "an older schema folder: a column it has and --schemas lacks is reported as removed"))
    .addOption(new Option("--baseline <file>", "findings to accept (written by --write-baseline): only new ones are reported"))
    .addOption(new Option("--write-baseline <file>", "write the current findings to a baseline file and exit 0"))
    .addOption(new Option("--follow-symlinks", "read symbolic links in the schemas folder that lead outside it (refused by default)"))
    .action(async (paths: string[], flags: Flags) => {
      requireOptional("lint");
      // Loaded when lint runs: every other command's start-up would pay for them.
      const [{ applyBaseline, readBaseline, writeBaseline }, { declaredFunctions, flavourOf }, { lint }, { expandPaths }, { formatJson, formatSarif, formatText, summary }, { loadProject }] = await Promise.all([
        import("../../lint/baseline.js"),
        import("../../lint/config.js"),
        import("../../lint/engine.js"),
        import("../../lint/files.js"),
        import("../../lint/format.js"),
        import("../../config/config.js"),
      ]);
      const { config, file: configFile, schemas } = await loadProject({ config: flags.config, schemas: flags.schemas });
      const ignoreTables = [...(config.lint?.ignoreTables ?? []), ...flags.ignoreTables];
      const { readSchemaDir } = await import("../../sources/index.js");
      const schema = await readSchemaDir(schemas, { followSymlinks: flags.followSymlinks === true });
      const previousSchema = flags.previousSchemas !== undefined ? await readPrevious(flags.previousSchemas) : undefined;
      const baseline = flags.baseline !== undefined ? await readBaseline(flags.baseline) : undefined;
      const flavour = flags.flavour !== undefined ? () => flags.flavour! : flavourOf(config.lint, "portal", configFile);
      const files = await expandPaths(paths);
      let report = await lint({
        schema,
        files,
        ignoreTables,
        warnings: flags.warnings === true,
        flavour,
        functions: declaredFunctions(config.lint),
        ...(config.lint?.tables ? { extraTables: config.lint.tables } : {}),
        ...(previousSchema ? { previousSchema } : {}),
      });
      if (report.queries === 0 && report.findings.length === 0) {
        throw InputError.of({}, `no KQL queries in ${files.length} ${files.length === 1 ? "file" : "files"}: expected .kql files, YAML rules with query: keys, or Markdown with kql code blocks`);
      }
      if (flags.writeBaseline !== undefined) {
        const count = await writeBaseline(flags.writeBaseline, report.findings);
        io.err(`kqlgen: wrote ${count} ${count === 1 ? "finding" : "findings"} of ${report.queries} ${report.queries === 1 ? "query" : "queries"} to the baseline ${flags.writeBaseline}`);
        done(EXIT.ok);
        return;
      }
      if (baseline) {
        const applied = applyBaseline(report.findings, baseline);
        report = {
          ...report,
          findings: applied.findings,
          errors: applied.findings.filter((f) => f.severity === "error").length,
          warnings: applied.findings.filter((f) => f.severity === "warning").length,
          baselined: applied.baselined,
        };
      }
      if (flags.format === "json") io.out(formatJson(report));
      else if (flags.format === "sarif") io.out(formatSarif(report, kqlgenVersion()));
      else if (report.findings.length) io.out(formatText(report));
      io.err(summary(report));
      done(report.errors > 0 ? EXIT.checkFailed : EXIT.ok);
    });
}
