/** `kqlgen diff <old> <new>`: what changed between two schema folders. */
import { Option, type Command } from "commander";
import { diffFails, diffSchemas, FAIL_ON, formatDiffJson, formatDiffText, type FailOn } from "../../diff/index.js";
import { EXIT, InputError, type InputProblem } from "../../model/errors.js";
import type { SchemaSet } from "../../model/schema.js";
import { readSchemaDir } from "../../sources/index.js";
import type { ExitCode, Io } from "../io.js";

interface Flags {
  json?: boolean;
  failOn: FailOn;
  followSymlinks?: boolean;
}

export function failOnOption(description: string, defaultLevel?: FailOn): Option {
  const option = new Option("--fail-on <level>", description).choices(FAIL_ON);
  return defaultLevel ? option.default(defaultLevel) : option;
}

/** Reads both folders, reporting the problems of both at once. */
async function readBoth(oldDir: string, newDir: string, followSymlinks: boolean): Promise<[SchemaSet, SchemaSet]> {
  const problems: InputProblem[] = [];
  const read = async (dir: string) => {
    try {
      return await readSchemaDir(dir, { followSymlinks });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
      return undefined;
    }
  };
  const [a, b] = [await read(oldDir), await read(newDir)];
  if (!a || !b) throw new InputError(problems);
  return [a, b];
}

export function registerDiff(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("diff")
    .description("compare two schema folders: tables and columns added, removed, retyped, moved (exit 1 on breaking changes)")
    .argument("<old>", "folder of the old schemas")
    .argument("<new>", "folder of the new schemas")
    .option("--json", "print the changes as JSON")
    .option("--follow-symlinks", "read symbolic links in the schema folders that lead outside them (refused by default)")
    .addOption(failOnOption("exit 1 on breaking changes only, or on additive ones too", "breaking"))
    .action(async (oldDir: string, newDir: string, flags: Flags) => {
      const [oldSet, newSet] = await readBoth(oldDir, newDir, flags.followSymlinks === true);
      const diff = diffSchemas(oldSet, newSet);
      const failed = diffFails(diff, flags.failOn);
      const labels = { old: oldDir, new: newDir };
      io.out(flags.json ? formatDiffJson(diff, labels, failed) : formatDiffText(diff, labels));
      done(failed ? EXIT.checkFailed : EXIT.ok);
    });
}
