/**
 * Errors a user can act on. Every problem with input names where it is: the
 * file, and when known the table and column, plus what was expected.
 */
import { quote, safeText } from "./show.js";

export interface Location {
  /** The file the problem is in, as the user named it (relative paths stay relative). */
  readonly file?: string;
  readonly table?: string;
  readonly column?: string;
  /** Extra position inside the file: "row 4", "line 3", "/columns/2". */
  readonly at?: string;
}

export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  // File and table names come from the file system and from files: escaped and cut like any other untrusted text.
  const file = loc.file === undefined ? undefined : safeText(loc.file.length > 300 ? `${loc.file.slice(0, 299)}…` : loc.file);
  const at = loc.at === undefined ? undefined : safeText(loc.at.length > 200 ? `${loc.at.slice(0, 199)}…` : loc.at);
  if (file) parts.push(at ? `${file} (${at})` : file);
  else if (at) parts.push(at);
  if (loc.table) parts.push(`table ${/^[A-Za-z0-9_]{1,256}$/.test(loc.table) ? loc.table : quote(loc.table)}`);
  if (loc.column !== undefined) parts.push(`column ${quote(loc.column, 120)}`);
  return parts.join(", ");
}

/** One problem found in the input (schema files, configuration). */
export class InputProblem {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}

  toString(): string {
    const where = formatLocation(this.location);
    // One line, whatever a message quotes: no control character reaches the terminal.
    const message = safeText(this.message);
    return where ? `${where}: ${message}` : message;
  }
}

/**
 * Exit codes of the `kqlgen` command: 1 a failed check (drift, violations,
 * lint findings), 2 bad usage or input, 3 a live pull that failed (sign-in,
 * permissions, the service, the network), 70 an internal error.
 */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, pullFailed: 3, internal: 70 } as const;

/**
 * Thrown for bad usage or bad input: carries every problem found, so a user
 * fixes them in one go rather than one per run. Exit code 2.
 */
export class InputError extends Error {
  readonly exitCode = EXIT.badInput;
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(String).join("\n"));
    this.name = "InputError";
  }

  static of(location: Location, message: string): InputError {
    return new InputError([new InputProblem(location, message)]);
  }
}
