/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal: progress lines go to stderr, and only then. */
  readonly isTTY?: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
  isTTY: process.stderr.isTTY === true,
};

/** What a command's action returns: its exit code. */
export type ExitCode = number;
