/**
 * The `kqlgen` command: a thin layer over the pipeline. Exit codes: 0 ok,
 * 1 a failed check, 2 bad usage or bad input.
 */
import { Command, CommanderError, Option } from "commander";
import { EXIT, InputError } from "../model/errors.js";
import { compareOutput, describeDrift, hasDrift } from "../output/check.js";
import { writeOutput } from "../output/write.js";
import { buildPackage } from "../pipeline.js";

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

interface GenerateFlags {
  schemas: string;
  out: string;
  config?: string;
}

function withPipelineOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots)").default("fixtures/"))
    .addOption(new Option("--out <dir>", "folder of the generated package").default("generated/"))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json when present)"));
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("kqlgen")
    .description("Typed TypeScript packages, validators and stream parsers from Kusto table schemas.")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(run kqlgen --help for usage)");

  withPipelineOptions(program.command("generate").description("write the generated package for the schemas")).action(async (flags: GenerateFlags) => {
    const { schema, files } = await buildPackage({ schemas: flags.schemas, config: flags.config });
    await writeOutput(flags.out, files);
    io.out(`kqlgen: wrote ${schema.tables.length} tables (${files.size} files) to ${flags.out}`);
  });

  withPipelineOptions(program.command("check").description("exit 1 with a diff when the generated package is stale")).action(async (flags: GenerateFlags) => {
    const { files } = await buildPackage({ schemas: flags.schemas, config: flags.config });
    const drift = await compareOutput(flags.out, files);
    if (hasDrift(drift)) {
      io.out(describeDrift(flags.out, drift));
      code = EXIT.checkFailed;
    } else {
      io.out(`kqlgen: ${flags.out} is up to date (${files.size} files)`);
    }
  });

  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (e instanceof InputError) {
      io.err(e.problems.map((p) => `kqlgen: error: ${p}`).join("\n"));
      return e.exitCode;
    }
    io.err(`kqlgen: internal error: ${(e as Error)?.stack ?? String(e)}`);
    return 70;
  }
}
