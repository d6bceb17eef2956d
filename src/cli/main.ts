/**
 * The `kqlgen` command: a thin layer over the pipeline. Each command lives in
 * commands/ and is registered here. Exit codes: 0 ok, 1 a failed check (or
 * findings), 2 bad usage or bad input, 70 an internal error.
 */
import { Command, CommanderError } from "commander";
import { EXIT, InputError } from "../model/errors.js";
import { registerGenerate } from "./commands/generate.js";
import { registerPull } from "./commands/pull.js";
import { registerDiff } from "./commands/diff.js";
import { registerValidate } from "./commands/validate.js";
import { registerLint } from "./commands/lint.js";
import { registerInit } from "./commands/init.js";
import { KQLGEN_VERSION } from "../paths.js";
import { processIo, type ExitCode, type Io } from "./io.js";
import { describeUnexpected } from "./unexpected.js";

export async function main(argv: readonly string[], io: Io = processIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const done = (c: ExitCode) => {
    code = c;
  };
  const program = new Command()
    .name("kqlgen")
    .description("Typed TypeScript packages, validators and stream parsers from Kusto table schemas.")
    .version(KQLGEN_VERSION, "-V, --version", "print kqlgen's version")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(run kqlgen --help for usage)")
    .option("--debug", "on an internal error, print its stack trace (also KQLGEN_DEBUG=1)");

  registerInit(program, io, done);
  registerGenerate(program, io, done);
  registerPull(program, io, done);
  registerDiff(program, io, done);
  registerValidate(program, io, done);
  registerLint(program, io, done);

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
    // One line saying what was being done; the stack only when asked for.
    const debug = program.opts<{ debug?: boolean }>().debug === true || argv.includes("--debug") || process.env.KQLGEN_DEBUG === "1";
    const command = argv.find((a) => !a.startsWith("-"));
    const { code, lines } = describeUnexpected(e, command, debug);
    io.err(lines.join("\n"));
    return code;
  }
}
