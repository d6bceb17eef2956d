/**
 * What the CLI prints for an error no command turned into a message: one line
 * saying what kqlgen was doing and what went wrong, never a stack trace
 * unless `--debug` (or KQLGEN_DEBUG=1) asks for it. Errors of the file system
 * (a read-only disk, no space left) are the user's to fix, not kqlgen's bugs:
 * they get exit 2 and the file they concern.
 */
import { errnoText } from "../sources/files.js";
import { EXIT } from "../model/errors.js";
import { oneLine, safeText } from "../model/show.js";
import { redactSecrets } from "../sources/live/redact.js";

const DOING: Readonly<Record<string, string>> = {
  generate: "generating the package",
  check: "checking the generated package",
  pull: "pulling schemas",
  diff: "comparing schema folders",
  validate: "validating data",
  lint: "linting queries",
};

/** System error codes that describe the machine's state, not a bug. */
const ENVIRONMENT = new Set(["ENOENT", "EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EMFILE", "ENFILE", "EIO", "EBUSY", "ENOTDIR", "EISDIR", "ELOOP", "ENAMETOOLONG", "EXDEV", "ENOTEMPTY", "EEXIST"]);

export function describeUnexpected(e: unknown, command: string | undefined, debug: boolean): { code: number; lines: string[] } {
  const doing = (command !== undefined && DOING[command]) || "running";
  const err = e as NodeJS.ErrnoException | undefined;
  let message: string;
  try {
    message = err instanceof Error ? `${err.name && err.name !== "Error" ? `${err.name}: ` : ""}${err.message}` : String(e);
  } catch {
    message = "an error that cannot be described";
  }
  const lines: string[] = [];
  let code: number = EXIT.internal;
  if (typeof err?.code === "string" && ENVIRONMENT.has(err.code) && typeof err.syscall === "string") {
    const file = typeof err.path === "string" ? safeText(err.path) : undefined;
    const dest = typeof (err as { dest?: unknown }).dest === "string" ? ` → ${safeText((err as unknown as { dest: string }).dest)}` : "";
    lines.push(`kqlgen: error: ${file ? `${file}${dest}: ` : ""}${doing} failed: ${errnoText(err)} (${err.code}, ${err.syscall})`);
    code = EXIT.badInput;
  } else if (e instanceof RangeError && /call stack/i.test(e.message)) {
    lines.push(`kqlgen: internal error while ${doing}: the input is nested too deeply for kqlgen (${oneLine(message, 120)}); run with --debug for the stack trace and report it`);
  } else {
    lines.push(`kqlgen: internal error while ${doing}: ${oneLine(redactSecrets(message), 300)}; run with --debug (or KQLGEN_DEBUG=1) for the stack trace and report it`);
  }
  if (debug && err instanceof Error && typeof err.stack === "string") lines.push(safeText(redactSecrets(err.stack), true));
  return { code, lines };
}
