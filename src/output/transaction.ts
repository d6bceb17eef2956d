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
 * Staged files that replace existing files, and the journal, are flushed to
 * the disk (fsync, and the folders that hold them) before the commit point,
 * and the folders of the applied renames before the staging folder goes: a
 * power cut at any instant never costs an old file (see StagedChanges for
 * new files).
 *
 * A run killed before 2 leaves a staging folder without journal: the next run
 * deletes it (the old tree stands). Killed after 2: the next run finishes the
 * journal (the new tree). A change that fails while the process lives (a
 * permission, a full disk) is undone from what was set aside.
 *
 * A lock (a file beside the folder, holding the owner's pid and a random
 * token, created whole by a hard link) keeps two kqlgen runs from writing one
 * folder at once: the second waits, then fails clearly. A lock whose process
 * is gone is taken over, by one run only (see removeStaleLock); a run removes
 * only its own lock.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
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

interface JournalEntry {
  readonly rel: string;
  readonly write: boolean;
  /** The staged file's name under `staged/` (version 2); version 1 named it by the entry's index. */
  readonly staged?: string;
}

interface Journal {
  readonly version: 1 | 2;
  /** Deletions first (a stale file may stand where a new folder goes), then writes. */
  readonly entries: readonly JournalEntry[];
}

function stagedName(e: JournalEntry, i: number): string {
  return e.staged ?? String(i);
}

/** File operations a test may make fail half way. */
export interface FileOps {
  readonly rename: (from: string, to: string) => Promise<void> | void;
}

const realOps: FileOps = { rename: (from, to) => renameSync(from, to) };

function exists(p: string): boolean {
  try {
    statSync(p);
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
 * Changes to one folder, staged one file at a time (the caller holds only the
 * file in hand), then committed all or nothing. The caller holds the
 * folder's lock. Nothing is created on disk until the first change.
 *
 * A staged file that replaces an existing file is flushed to the disk before
 * the commit point: a power cut can then never cost the old file. A staged
 * file for a new path is not (flushing each of 16,000 new files is most of a
 * 2,000-table generate): after a power cut such a file may be empty, which
 * `kqlgen check` reports and the next `generate` rewrites. Interruptions of
 * kqlgen itself (Ctrl-C, kill, a crash) never lose or half-write anything.
 */
export class StagedChanges {
  private staging: string | undefined;
  private readonly deletions: JournalEntry[] = [];
  private readonly writes: JournalEntry[] = [];
  private readonly replacing: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly ops: FileOps = realOps,
  ) {}

  /** Changes staged so far. */
  get size(): number {
    return this.deletions.length + this.writes.length;
  }

  get written(): number {
    return this.writes.length;
  }

  get deleted(): number {
    return this.deletions.length;
  }

  /** The first folder this run made for `dir` (none existed), removed again when it abandons. */
  private made: string | undefined;

  private folder(): string {
    if (this.staging === undefined) {
      this.made = mkdirSync(this.dir, { recursive: true });
      this.staging = mkdtempSync(path.join(this.dir, STAGING_PREFIX));
      mkdirSync(path.join(this.staging, "staged"));
      mkdirSync(path.join(this.staging, "aside"));
    }
    return this.staging;
  }

  /** Stages `text` to become the file `rel`. */
  write(rel: string, text: string): void {
    const file = target(this.dir, rel);
    const name = String(this.writes.length);
    const staged = path.join(this.folder(), "staged", name);
    writeFileSync(staged, text, { flag: "wx" });
    if (exists(file)) this.replacing.push(staged);
    this.writes.push({ rel, write: true, staged: name });
  }

  /** Stages the removal of the file `rel`. */
  delete(rel: string): void {
    target(this.dir, rel);
    this.deletions.push({ rel, write: false });
  }

  /** Makes the staged changes the folder's: the commit point, then every change applied. */
  async commit(): Promise<void> {
    if (this.size === 0) return;
    const staging = this.folder();
    try {
      // Files that replace old ones are on disk before the journal can be. Many flushes at once cost about
      // a third of one after another (the file system commits them together).
      await inParallel(this.replacing, SYNC_PARALLEL, syncFile);
      await syncFolder(path.join(staging, "staged"));
      const journal: Journal = { version: 2, entries: [...this.deletions, ...this.writes] };
      await writeDurably(path.join(staging, `${JOURNAL}.part`), JSON.stringify(journal));
      await rename(path.join(staging, `${JOURNAL}.part`), path.join(staging, JOURNAL));
      await syncFolder(staging);
      await syncFolder(this.dir);
    } catch (e) {
      await this.abandon();
      throw e;
    }
    await finish(this.dir, staging, this.ops, true);
  }

  /** Removes what was staged: the folder is as it was. */
  async abandon(): Promise<void> {
    if (this.staging !== undefined) await rm(this.staging, { recursive: true, force: true });
    // A folder made for this run goes too (only the empty ones it made: nobody else's can be in them).
    if (this.made !== undefined) {
      for (let f = this.dir; f.length >= this.made.length; f = path.dirname(f)) {
        try {
          rmdirSync(f);
        } catch {
          break;
        }
      }
    }
  }
}

/**
 * Applies `changes` inside `dir` (created when missing) all or nothing. The
 * caller holds the folder's lock. `ops` is for tests that inject failures.
 */
export async function applyChanges(dir: string, changes: readonly Change[], ops: FileOps = realOps): Promise<void> {
  const staged = new StagedChanges(dir, ops);
  try {
    for (const c of changes) {
      if (c.text === null) staged.delete(c.rel);
      else staged.write(c.rel, c.text);
    }
  } catch (e) {
    await staged.abandon();
    throw e;
  }
  await staged.commit();
}

/**
 * Runs a committed journal to its end. When `undoOnFailure`, a failure puts
 * back every file the run changed before it throws; recovery of a crashed run
 * instead leaves the journal for the next attempt. Synchronous file calls:
 * thousands of small ones, and nothing else to do meanwhile.
 */
async function finish(dir: string, staging: string, ops: FileOps, undoOnFailure: boolean): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(staging, JOURNAL), "utf8")) as Journal;
  const done: number[] = [];
  const folders = new Set<string>();
  try {
    for (let i = 0; i < journal.entries.length; i++) {
      const entry = journal.entries[i]!;
      const file = target(dir, entry.rel);
      const staged = path.join(staging, "staged", stagedName(entry, i));
      const aside = path.join(staging, "aside", String(i));
      if (entry.write) {
        if (undoOnFailure) {
          // The first run of the journal: nothing of it is applied yet.
          keepAside(file, aside);
        } else {
          if (!exists(staged)) continue; // applied before a crash
          if (!exists(aside) && exists(file)) keepAside(file, aside);
        }
        const parent = path.dirname(file);
        if (!folders.has(parent)) {
          mkdirSync(parent, { recursive: true });
          folders.add(parent);
        }
        await ops.rename(staged, file);
      } else {
        if (!undoOnFailure && (exists(aside) || !exists(file))) continue;
        await ops.rename(file, aside);
      }
      done.push(i);
    }
  } catch (e) {
    if (!undoOnFailure) throw e;
    undo(dir, staging, journal, done);
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  // The renames are on disk before the journal goes: a power cut after this finds the new tree.
  // Folders made for new files count too: their names are entries of the folders above.
  for (const e of journal.entries) {
    for (let f = path.dirname(target(dir, e.rel)); f.length >= dir.length && f !== path.dirname(f); f = path.dirname(f)) folders.add(f);
  }
  await inParallel([...folders], SYNC_PARALLEL, syncFolder);
  removeEmptyFolders(dir, journal.entries.filter((e) => !e.write).map((e) => e.rel));
  await rm(staging, { recursive: true, force: true });
}

/** Writes a file and flushes it to the disk (fsync). */
async function writeDurably(file: string, text: string): Promise<void> {
  await writeFile(file, text, { flag: "wx", flush: true });
}

/** Flushes a written file to the disk. */
async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** How many flushes are asked for at once. */
const SYNC_PARALLEL = 16;

/** Runs `fn` on every item, `width` at a time; on a failure, starts no more, waits for the running ones, and throws the first error. */
async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (!failed && next < items.length) {
        try {
          await fn(items[next++]!);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    }),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
}

/** Flushes a folder's entries (new names, renames) to the disk; a folder already gone, or a system that cannot sync folders, is let be. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR" || code === "EPERM") return;
    throw e;
  }
  try {
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EPERM" && code !== "EISDIR" && code !== "ENOTSUP") throw e;
  } finally {
    await handle.close();
  }
}

/** A copy of the old file, without moving it: a hard link, or a copy where links are not possible. */
function keepAside(file: string, aside: string): void {
  try {
    linkSync(file, aside);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return; // no old file
    copyFileSync(file, aside, constants.COPYFILE_EXCL);
  }
}

function undo(dir: string, staging: string, journal: Journal, done: readonly number[]): void {
  for (const i of [...done].reverse()) {
    const file = target(dir, journal.entries[i]!.rel);
    const aside = path.join(staging, "aside", String(i));
    if (existsSync(aside)) renameSync(aside, file);
    else rmSync(file, { force: true });
  }
  removeEmptyFolders(dir, done.map((i) => journal.entries[i]!.rel));
}

/** Removes the folders that deleting `rels` left empty (never `dir` itself). */
function removeEmptyFolders(dir: string, rels: readonly string[]): void {
  const folders = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split("/").slice(0, -1);
    for (let n = parts.length; n > 0; n--) folders.add(parts.slice(0, n).join("/"));
  }
  for (const f of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(target(dir, f));
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

/**
 * What an interrupted run left in `dir` (staging folders, with or without a
 * journal) and beside it (a lock whose process is gone): names, for `check`
 * to report. Reads only.
 */
export async function leftoversOf(dir: string): Promise<string[]> {
  const found: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX)).sort()) {
    found.push(existsSync(path.join(dir, name, JOURNAL)) ? `${name}/${JOURNAL} (changes committed but not all applied)` : `${name}/ (an unfinished write)`);
  }
  const lock = await readLock(lockFile(dir)).catch(() => undefined);
  if (lock && lock.text.includes("\n") && !alive(Number(lock.text.split("\n")[0]))) found.push(`${path.basename(lockFile(dir))} beside it (the lock of a run that is gone)`);
  return found;
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

/** A takeover guard older than this was left by a run killed inside it (it lives for two file system calls). */
const ABANDONED_GUARD_MS = 30_000;

/** The lock as one run saw it: its text (`<pid>\n<token>\n`) and its inode. */
interface Seen {
  readonly text: string;
  readonly ino: number;
  readonly mtimeMs: number;
}

async function readLock(file: string): Promise<Seen | undefined> {
  try {
    const handle = await open(file, "r");
    try {
      const [text, s] = await Promise.all([handle.readFile("utf8"), handle.stat()]);
      return { text, ino: s.ino, mtimeMs: s.mtimeMs };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * Creates the lock with its whole text in one step: the text is written to a
 * file of this run's own, which is then hard-linked to the lock's name (a
 * link fails when the name exists). No run ever sees a half-written lock.
 */
async function createLock(file: string, text: string): Promise<boolean> {
  const own = `${file}.${process.pid}-${randomBytes(6).toString("hex")}`;
  await writeFile(own, text, { flag: "wx" });
  try {
    await link(own, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

/**
 * Removes the lock `seen` (a dead run's), unless it changed meanwhile. Two
 * runs that both judged it stale must not both remove a lock: the second
 * would remove the first's new one. So a run first creates the takeover
 * guard named after the stale lock (its inode and text; exclusive create,
 * only one run succeeds), then checks that the lock is still that one and
 * removes it. Nobody else can remove a lock while its guard exists, and a
 * lock's text (pid and random token) never comes back, so the check holds
 * until the removal.
 */
async function removeStaleLock(file: string, seen: Seen): Promise<void> {
  const key = createHash("sha256").update(`${seen.ino}\n${seen.text}`).digest("hex").slice(0, 16);
  const guard = `${file}.takeover-${key}`;
  try {
    await mkdir(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // Another run is taking it over; a guard left by a run killed inside it is removed after a while.
    const s = await stat(guard).catch(() => undefined);
    if (s && Date.now() - s.mtimeMs > ABANDONED_GUARD_MS) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    const now = await readLock(file);
    if (now && now.ino === seen.ino && now.text === seen.text) await unlink(file);
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

/** Files a run killed while creating the lock left beside it (`<lock>.<pid>-<random>`, the pid dead). */
async function removeDeadLockFiles(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^(\d+)-[0-9a-f]{12}$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : "");
    if (m && !alive(Number(m[1]))) await unlink(path.join(path.dirname(file), name)).catch(() => undefined);
  }
}

/**
 * Runs `fn` holding the lock of `dir` (a file beside it). Another live run's
 * lock is waited for, up to the timeout; a dead run's lock is taken over.
 */
export async function withFolderLock<T>(dir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const file = lockFile(dir);
  const timeout = options.timeoutMs ?? (Number(process.env.KQLGEN_LOCK_TIMEOUT_MS) || 60_000);
  const start = Date.now();
  const mine = `${process.pid}\n${randomBytes(12).toString("hex")}\n`;
  let warned = false;
  await mkdir(path.dirname(file), { recursive: true });
  await removeDeadLockFiles(file);
  for (;;) {
    if (await createLock(file, mine)) {
      // Ownership re-checked: the lock on disk is this run's.
      if ((await readLock(file))?.text === mine) break;
      continue;
    }
    const seen = await readLock(file);
    if (seen === undefined) continue; // released meanwhile
    const pid = Number(seen.text.split("\n")[0]);
    // kqlgen writes a lock whole; one without its pid line (an older kqlgen killed as it took the lock) is stale after a grace period.
    const unfinished = !seen.text.includes("\n") && Date.now() - seen.mtimeMs > 2000;
    if ((seen.text.includes("\n") && !alive(pid)) || unfinished) {
      await removeStaleLock(file, seen);
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
    // Only this run's lock is removed.
    if ((await readLock(file).catch(() => undefined))?.text === mine) await unlink(file).catch(() => undefined);
  }
}
