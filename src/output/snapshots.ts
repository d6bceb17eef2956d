/**
 * Writing pulled schemas into a schemas folder (fixtures/) as kqlgen
 * snapshots, all or nothing, through the recoverable transaction of
 * transaction.ts (the same as generate's): an interrupted pull is finished or
 * rolled back by the next run. A file whose bytes would not change is not touched.
 *
 * A pulled table replaces whatever file defined that table before (say
 * `DeviceInfo.getschema.json` → `DeviceInfo.kqlgen.json`): two files for one
 * table would make the folder unreadable.
 */
import { existsSync } from "node:fs";
import { readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/errors.js";
import type { Table } from "../model/schema.js";
import { listSchemaFiles, readSchemaFile, tableNameFromFile } from "../sources/index.js";
import { SNAPSHOT_EXTENSION, writeSnapshot } from "../sources/snapshot.js";
import { applyChanges, recoverFolder, withFolderLock, type Change, type FileOps, type LockOptions } from "./transaction.js";

export interface SnapshotWriteResult {
  /** File names (inside the folder) written: new or changed. */
  readonly written: readonly string[];
  /** File names whose content was already what the pull gave. */
  readonly unchanged: readonly string[];
  /** Other files that defined a pulled table and were removed, with the file replacing each. */
  readonly replaced: readonly { readonly file: string; readonly by: string }[];
}

/** The snapshot file name of a table. */
export function snapshotFileName(table: string): string {
  return `${table}${SNAPSHOT_EXTENSION}`;
}

/** Which table each schema file of `dir` defines (by content; by file name when unreadable). */
async function tablesOfFolder(dir: string): Promise<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  if (!existsSync(dir)) return byTable;
  for (const file of await listSchemaFiles(dir)) {
    let name: string;
    try {
      name = (await readSchemaFile(file)).name;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      name = tableNameFromFile(file);
    }
    const list = byTable.get(name) ?? [];
    list.push(path.basename(file));
    byTable.set(name, list);
  }
  return byTable;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * Writes one snapshot per table into `dir` (created if missing), atomically as
 * a whole, under the folder's lock, after finishing or rolling back what an
 * interrupted run left. A file-system failure becomes an InputError naming the
 * folder; the folder is then as it was.
 */
export async function writeSnapshots(dir: string, tables: readonly Table[], fs: FileOps = { rename }, lock: LockOptions = {}): Promise<SnapshotWriteResult> {
  try {
    return await withFolderLock(path.resolve(dir), () => writeSnapshotsUnchecked(dir, tables, fs), lock);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (e instanceof InputError || typeof code !== "string") throw e;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "no space left on the device" : code;
    throw InputError.of({ file: dir }, `cannot write the snapshots (${why}): expected a writable folder (--out); nothing was changed`);
  }
}

/** Finishes or rolls back what an interrupted pull left in the folder, under its lock (pull does this first). */
export async function recoverSnapshots(dir: string, lock: LockOptions = {}): Promise<void> {
  const out = path.resolve(dir);
  await withFolderLock(out, () => recoverFolder(out), lock);
}

/** The one file operation whose failure half way matters (replaceable to test the undo). */
export type FileMoves = FileOps;

async function writeSnapshotsUnchecked(dir: string, tables: readonly Table[], fs: FileOps): Promise<SnapshotWriteResult> {
  const out = path.resolve(dir);
  if (existsSync(out) && !(await stat(out)).isDirectory()) {
    throw InputError.of({ file: dir }, "the output path is a file: expected a folder for the snapshots (--out)");
  }
  await recoverFolder(out);
  const existing = await tablesOfFolder(out);

  const toWrite: { name: string; text: string }[] = [];
  const unchanged: string[] = [];
  const replaced: { file: string; by: string }[] = [];
  for (const table of tables) {
    const name = snapshotFileName(table.name);
    const text = writeSnapshot(table);
    if ((await readIfExists(path.join(out, name))) === text) unchanged.push(name);
    else toWrite.push({ name, text });
    for (const other of existing.get(table.name) ?? []) if (other !== name) replaced.push({ file: other, by: name });
  }
  if (toWrite.length === 0 && replaced.length === 0) return { written: [], unchanged, replaced };
  const changes: Change[] = [...replaced.map((r) => ({ rel: r.file, text: null })), ...toWrite.map((f) => ({ rel: f.name, text: f.text }))];
  await applyChanges(out, changes, fs);
  return { written: toWrite.map((f) => f.name), unchanged, replaced };
}
