/** `kqlgen generate` and `kqlgen check`. */
import { Option, type Command } from "commander";
import { EXIT } from "../../model/errors.js";
import type { ExitCode, Io } from "../io.js";

interface Flags {
  schemas: string;
  out: string;
  config?: string;
}

function pipelineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots)").default("fixtures/"))
    .addOption(new Option("--out <dir>", "folder of the generated package").default("generated/"))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json when present)"));
}

export function registerGenerate(program: Command, io: Io, done: (code: ExitCode) => void): void {
  pipelineOptions(program.command("generate").description("write the generated package for the schemas")).action(async (flags: Flags) => {
    // The pipeline (ts-morph, prettier, ...) loads only for the commands that use it.
    const { buildPackage } = await import("../../pipeline.js");
    const { writeOutput } = await import("../../output/write.js");
    const { withOwnerMarker } = await import("../../output/tree.js");
    const { schema, files } = await buildPackage({ schemas: flags.schemas, config: flags.config });
    const marked = withOwnerMarker(files);
    await writeOutput(flags.out, marked, { onWait: (pid) => io.err(`kqlgen: waiting for another kqlgen run (process ${pid}) writing ${flags.out}`) });
    io.out(`kqlgen: wrote ${schema.tables.length} tables (${marked.size} files) to ${flags.out}`);
    done(EXIT.ok);
  });

  pipelineOptions(program.command("check").description("exit 1 with a diff when the generated package is stale")).action(async (flags: Flags) => {
    const { buildPackage } = await import("../../pipeline.js");
    const { compareOutput, describeDrift, hasDrift } = await import("../../output/check.js");
    const { withOwnerMarker } = await import("../../output/tree.js");
    const { files: unmarked } = await buildPackage({ schemas: flags.schemas, config: flags.config });
    const files = withOwnerMarker(unmarked);
    const drift = await compareOutput(flags.out, files);
    if (hasDrift(drift)) {
      io.out(describeDrift(flags.out, drift));
      done(EXIT.checkFailed);
    } else {
      io.out(`kqlgen: ${flags.out} is up to date (${files.size} files)`);
      done(EXIT.ok);
    }
  });
}
