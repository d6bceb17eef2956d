/** `kqlgen generate` and `kqlgen check`. */
import { Option, type Command } from "commander";
import { EXIT } from "../../model/errors.js";
import type { ExitCode, Io } from "../io.js";

interface Flags {
  schemas?: string;
  out?: string;
  config?: string;
  followSymlinks?: boolean;
  strict?: boolean;
  stat?: boolean;
}

function pipelineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots); default: the config's \"schemas\""))
    .addOption(new Option("--out <dir>", "folder of the generated package; default: the config's \"out\""))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json here or in the nearest folder above)"))
    .addOption(new Option("--strict", "warnings (a column override naming a table the schemas lack) are errors"))
    .addOption(new Option("--follow-symlinks", "read symbolic links in the schemas folder that lead outside it (refused by default)"));
}

export function registerGenerate(program: Command, io: Io, done: (code: ExitCode) => void): void {
  pipelineOptions(program.command("generate").description("write the generated package for the schemas")).action(async (flags: Flags) => {
    // The pipeline (the compiler, prettier, ...) loads only for the commands that use it.
    const { generate } = await import("../../api.js");
    const result = await generate({ schemas: flags.schemas, out: flags.out, config: flags.config, strict: flags.strict === true, followSymlinks: flags.followSymlinks === true,
      onWait: (pid) => io.err(`kqlgen: waiting for another kqlgen run (process ${pid}) writing ${flags.out ?? "the output folder"}`),
    });
    for (const w of result.warnings) io.err(`kqlgen: warning: ${w}`);
    io.out(`kqlgen: wrote ${result.tables} tables (${result.files} files) to ${result.out}`);
    done(EXIT.ok);
  });

  pipelineOptions(program.command("check").description("exit 1 with a diff when the generated package is stale"))
    .addOption(new Option("--stat", "list the stale files with lines added and removed, not the diffs"))
    .action(async (flags: Flags) => {
      const { check } = await import("../../api.js");
      const { describeDrift } = await import("../../output/check.js");
      const result = await check({ schemas: flags.schemas, out: flags.out, config: flags.config, strict: flags.strict === true, followSymlinks: flags.followSymlinks === true });
      for (const w of result.warnings) io.err(`kqlgen: warning: ${w}`);
      if (result.interrupted !== undefined) {
        io.out(`kqlgen: ${result.interrupted}`);
        done(EXIT.checkFailed);
      } else if (!result.upToDate) {
        io.out(describeDrift(result.out, result.drift, { stat: flags.stat === true }));
        done(EXIT.checkFailed);
      } else {
        io.out(`kqlgen: ${result.out} is up to date (${result.files} files)`);
        done(EXIT.ok);
      }
    });
}
