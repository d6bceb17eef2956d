/**
 * The one way kqlgen changes files on disk (generate's package, pull's
 * snapshots): a set of file writes and deletions inside one folder, applied
 * all or nothing, and recoverable after a crash or Ctrl-C at any instant.
 *
 * 1. Every new file is written to a staging folder inside the target folder
 *    (`.kqlgen-tmp-<id>/`, same file system, so renames are atomic).
 * 2. A journal listing the changes is renamed into the staging folder: the
 *    commit point. Before it, the run has changed nothing the user sees.
 * 3. Each change is applied with one rename: a new file replaces the old one
 *    atomically (the old one is first hard-linked aside, to undo a failure),
 *    a deleted file is moved aside.
 * 4. The staging folder is removed.
 *
 * A run killed before 2 leaves a staging folder without journal: the next run
 * deletes it (the old tree stands). Killed after 2: the next run finishes the
 * journal (the new tree). A change that fails while the process lives (a
 * permission, a full disk) is undone from what was set aside.
 *
 * A lock (a file beside the folder, holding the owner's pid) keeps two kqlgen
 * runs from writing one folder at once: the second waits, then fails clearly.
 * A lock whose process is gone is taken over.
 */
import { constants, existsSync } from "node:fs";
import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/errors.js";

/** A file to write (text) or delete (null), relative to the folder, `/`-separated. */
export interface Change {
  readonly rel: string;
  readonly text: string | null;
}

/** Staging folders (and older kqlgen's temporary folders) inside a target folder. */
export const STAGING_PREFIX = ".kqlgen-tmp-";
const JOURNAL = "journal.json";

interface Journal {
  readonly version: 1;
  /** Entry i: `staged/i` replaces `rel` (write), or `rel` is removed (delete). */
  readonly entries: readonly { readonly rel: string; readonly write: boolean }[];
}

/** File operations a test may make fail half way. */
export interface FileOps {
  readonly rename: (from: string, to: string) => Promise<void>;
}

const realOps: FileOps = { rename: (from, to) => rename(from, to) };

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return false;
    throw e;
  }
}

function target(dir: string, rel: string): string {
  const t = path.join(dir, ...rel.split("/"));
  if (path.relative(dir, t).startsWith("..") || path.isAbsolute(path.relative(dir, t))) throw new Error(`change outside the folder: ${rel}`);
  return t;
}

/**
 * Applies `changes` inside `dir` (created when missing) all or nothing. The
 * caller holds the folder's lock. `ops` is for tests that inject failures.
 */
export async function applyChanges(dir: string, changes: readonly Change[], ops: FileOps = realOps): Promise<void> {
  if (changes.length === 0) return;
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(path.join(dir, STAGING_PREFIX));
  try {
    await mkdir(path.join(staging, "staged"));
    await mkdir(path.join(staging, "aside"));
    const entries = changes.map((c) => ({ rel: c.rel, write: c.text !== null }));
    for (let i = 0; i < changes.length; i++) {
      const text = changes[i]!.text;
      if (text !== null) await writeFile(path.join(staging, "staged", String(i)), text);
    }
    const journal: Journal = { version: 1, entries };
    await writeFile(path.join(staging, `${JOURNAL}.part`), JSON.stringify(journal));
    await rename(path.join(staging, `${JOURNAL}.part`), path.join(staging, JOURNAL));
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  await finish(dir, staging, ops, true);
}

/**
 * Runs a committed journal to its end. When `undoOnFailure`, a failure puts
 * back every file the run changed before it throws; recovery of a crashed run
 * instead leaves the journal for the next attempt.
 */
async function finish(dir: string, staging: string, ops: FileOps, undoOnFailure: boolean): Promise<void> {
  const journal = JSON.parse(await readFile(path.join(staging, JOURNAL), "utf8")) as Journal;
  const done: number[] = [];
  const folders = new Set<string>();
  try {
    for (let i = 0; i < journal.entries.length; i++) {
      const { rel, write } = journal.entries[i]!;
      const file = target(dir, rel);
      const staged = path.join(staging, "staged", String(i));
      const aside = path.join(staging, "aside", String(i));
      if (write) {
        if (undoOnFailure) {
          // The first run of the journal: nothing of it is applied yet.
          await keepAside(file, aside);
        } else {
          if (!(await exists(staged))) continue; // applied before a crash
          if (!(await exists(aside)) && (await exists(file))) await keepAside(file, aside);
        }
        const parent = path.dirname(file);
        if (!folders.has(parent)) {
          await mkdir(parent, { recursive: true });
          folders.add(parent);
        }
        await ops.rename(staged, file);
      } else {
        if (!undoOnFailure && ((await exists(aside)) || !(await exists(file)))) continue;
        await ops.rename(file, aside);
      }
      done.push(i);
    }
  } catch (e) {
    if (!undoOnFailure) throw e;
    await undo(dir, staging, journal, done);
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  await removeEmptyFolders(dir, journal.entries.filter((e) => !e.write).map((e) => e.rel));
  await rm(staging, { recursive: true, force: true });
}

/** A copy of the old file, without moving it: a hard link, or a copy where links are not possible. */
async function keepAside(file: string, aside: string): Promise<void> {
  try {
    await link(file, aside);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return; // no old file
    await copyFile(file, aside, constants.COPYFILE_EXCL);
  }
}

async function undo(dir: string, staging: string, journal: Journal, done: readonly number[]): Promise<void> {
  for (const i of [...done].reverse()) {
    const file = target(dir, journal.entries[i]!.rel);
    const aside = path.join(staging, "aside", String(i));
    if (existsSync(aside)) await rename(aside, file);
    else await rm(file, { force: true });
  }
  await removeEmptyFolders(dir, done.map((i) => journal.entries[i]!.rel));
}

/** Removes the folders that deleting `rels` left empty (never `dir` itself). */
async function removeEmptyFolders(dir: string, rels: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split("/").slice(0, -1);
    for (let n = parts.length; n > 0; n--) folders.add(parts.slice(0, n).join("/"));
  }
  for (const f of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(target(dir, f));
    } catch {
      // not empty, or gone
    }
  }
}

/**
 * Finishes or rolls back what an interrupted run left in `dir`: a journal is
 * finished (its run had committed), a staging folder without one is deleted
 * (its run had changed nothing). Older kqlgen's pull left files it replaced in
 * `.kqlgen-tmp-pull-*\/replaced/`: those go back where they were when nothing
 * took their place.
 */
export async function recoverFolder(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX)).sort()) {
    const staging = path.join(dir, name);
    if (existsSync(path.join(staging, JOURNAL))) {
      await finish(dir, staging, realOps, false);
      continue;
    }
    const replaced = path.join(staging, "replaced");
    if (existsSync(replaced)) {
      for (const file of await readdir(replaced)) {
        if (!existsSync(path.join(dir, file))) await rename(path.join(replaced, file), path.join(dir, file));
      }
    }
    await rm(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the lock

function lockFile(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.kqlgen-lock`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface LockOptions {
  /** How long to wait for another run's lock, in ms (default: KQLGEN_LOCK_TIMEOUT_MS, else 60 s). */
  readonly timeoutMs?: number;
  /** Called once when the lock is held by another run and this one starts waiting. */
  readonly onWait?: (pid: number) => void;
}

/**
 * Runs `fn` holding the lock of `dir` (a file beside it). Another live run's
 * lock is waited for, up to the timeout; a dead run's lock is taken over.
 */
export async function withFolderLock<T>(dir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const file = lockFile(dir);
  const timeout = options.timeoutMs ?? (Number(process.env.KQLGEN_LOCK_TIMEOUT_MS) || 60_000);
  const start = Date.now();
  let warned = false;
  await mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const text = await readFile(file, "utf8").catch(() => "");
    const pid = Number(text.trim());
    // A lock without its pid line was left by a run killed as it took the lock (after a grace period).
    const unfinished = !text.endsWith("\n") && Date.now() - (await stat(file).then((s) => s.mtimeMs, () => Date.now())) > 2000;
    if ((text.endsWith("\n") && !alive(pid)) || unfinished) {
      // A dead run's lock: take it over (rename first, so only one run removes it).
      const stale = `${file}.stale-${process.pid}`;
      try {
        await rename(file, stale);
        const moved = await readFile(stale, "utf8").catch(() => "");
        if (moved === text) await unlink(stale);
        else await rename(stale, file); // someone else's fresh lock: put it back
      } catch {
        // another run got there first
      }
      continue;
    }
    if (Date.now() - start >= timeout) {
      throw InputError.of(
        { file: dir },
        `another kqlgen run${Number.isInteger(pid) && pid > 0 ? ` (process ${pid})` : ""} is writing this folder: waited ${Math.round(timeout / 1000)} s for it to finish; try again when it is done, or delete ${file} if no kqlgen runs`,
      );
    }
    if (!warned) {
      warned = true;
      options.onWait?.(pid);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    return await fn();
  } finally {
    await unlink(file).catch(() => undefined);
  }
}
