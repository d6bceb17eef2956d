/**
 * Reading an input file kqlgen is pointed at (a schema file, the config) as
 * text, defensively: only regular files (a FIFO would block, a device never
 * ends), no symbolic link that leads out of the folder being read unless the
 * user allows it, a size cap, strict UTF-8, and errors that say what really
 * happened (a read-only file system is not "it does not exist").
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../model/errors.js";

/** Why a file-system call failed, in words (for "cannot read the file (…)"). */
export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return "it does not exist, or is a broken link";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ELOOP":
      return "a loop of symbolic links";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "an I/O error of the device";
    case "EBUSY":
      return "the file is busy";
    case "EEXIST":
      return "it already exists";
    case "ENOTEMPTY":
      return "the folder is not empty";
    case "EXDEV":
      return "it is on another device";
    default:
      return typeof err?.code === "string" ? err.code : "an unexpected error";
  }
}

/** What kind of non-regular file a stat result describes. */
function kindOf(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isDirectory()) return "a folder";
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isSocket()) return "a socket";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  return "not a regular file";
}

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

export interface ReadTextOptions {
  /** "schema file", "config file": named in messages. */
  readonly what: string;
  /** Bytes read at most; a larger file is refused. */
  readonly maxBytes: number;
  /**
   * The folder being read: a symbolic link in it that resolves outside it is
   * refused, unless `followSymlinks`.
   */
  readonly root?: string;
  readonly followSymlinks?: boolean;
  /** The flag that allows links out of the folder, named in the message. */
  readonly followFlag?: string;
  /** What to say is expected, e.g. "a getschema result (JSON or CSV)". */
  readonly expected: string;
  /** "cannot read <the file> (…)": default "the file". */
  readonly noun?: string;
  /** "…: expected <readable>" when it cannot be read: default `a readable ${what}`. */
  readonly readable?: string;
  /** The text formats, for "expected UTF-8 text (JSON or CSV)". */
  readonly formats: string;
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a file's text (BOM removed) or throws an InputError naming the file
 * and what is wrong. Synchronous calls inside (a schemas folder is thousands of
 * small files, read one after another; each call through the thread pool cost
 * more than the read), only for regular files, so nothing blocks.
 */
export async function readTextFile(file: string, options: ReadTextOptions): Promise<string> {
  const fail = (why: string) => InputError.of({ file }, why);
  const cannot = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === "ENOENT" && options.noun !== undefined ? "it does not exist" : errnoText(e);
    return fail(`cannot read ${options.noun ?? "the file"} (${why}): expected ${options.readable ?? `a readable ${options.what}`}`);
  };
  let target: string;
  let size: number;
  try {
    const link = lstatSync(file);
    if (link.isSymbolicLink() && options.root !== undefined && options.followSymlinks !== true) {
      const real = realpathSync(file);
      const root = realpathSync(options.root);
      if (!inside(real, root)) {
        throw fail(
          `is a symbolic link to ${real}, outside the folder ${options.root}: refused (a link can make kqlgen read and quote any file)` +
            `${options.followFlag ? `; pass ${options.followFlag} to read it` : ""}`,
        );
      }
    }
    const s = statSync(file);
    if (s.isDirectory()) throw cannot({ code: "EISDIR" });
    if (!s.isFile()) throw fail(`is ${kindOf(s)}: expected a regular ${options.what} holding ${options.expected}`);
    if (s.size > options.maxBytes) {
      throw fail(`the file is ${formatMb(s.size)}: larger than the ${formatMb(options.maxBytes)} kqlgen reads for a ${options.what}`);
    }
    target = file;
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw cannot(e);
  }

  // Read up to the cap whatever stat said: /proc files say 0 bytes and are not.
  let buffer: Buffer;
  try {
    const fd = openSync(target, "r");
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        // The size stat gave, and one byte more to see the end (a schema file is a few KB: no 1 MB buffer per file).
        const want = total === 0 ? Math.max(size + 1, 4096) : 1 << 20;
        const chunk = Buffer.allocUnsafe(Math.min(want, 1 << 20, options.maxBytes + 1 - total));
        const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
        if (total > options.maxBytes) {
          throw fail(`the file holds more than the ${formatMb(options.maxBytes)} kqlgen reads for a ${options.what}`);
        }
      }
      buffer = Buffer.concat(chunks, total);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw cannot(e);
  }

  let text: string;
  try {
    text = UTF8.decode(buffer);
  } catch {
    throw fail(`the file is not valid UTF-8: expected UTF-8 text (${options.formats})`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
