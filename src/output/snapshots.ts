/**
 * Writing pulled schemas into a schemas folder (fixtures/) as kqlgen
 * snapshots, all or nothing: every file is first written to a temporary
 * folder beside the targets; only then are they renamed into place, and files
 * they replace are moved aside so that a failed rename puts everything back.
 * A file whose bytes would not change is not touched.
 *
 * A pulled table replaces whatever file defined that table before (say
 * `DeviceInfo.getschema.json` → `DeviceInfo.kqlgen.json`): two files for one
 * table would make the folder unreadable.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/errors.js";
import type { Table } from "../model/schema.js";
import { listSchemaFiles, readSchemaFile, tableNameFromFile } from "../sources/index.js";
import { SNAPSHOT_EXTENSION, writeSnapshot } from "../sources/snapshot.js";

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
 * a whole. A file-system failure becomes an InputError naming the folder; the
 * folder is then as it was.
 */
export async function writeSnapshots(dir: string, tables: readonly Table[], fs: FileMoves = { rename }): Promise<SnapshotWriteResult> {
  try {
    return await writeSnapshotsUnchecked(dir, tables, fs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (e instanceof InputError || typeof code !== "string") throw e;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "no space left on the device" : code;
    throw InputError.of({ file: dir }, `cannot write the snapshots (${why}): expected a writable folder (--out); nothing was changed`);
  }
}

/** The one file operation whose failure half way matters (replaceable to test the undo). */
export interface FileMoves {
  readonly rename: (from: string, to: string) => Promise<void>;
}

async function writeSnapshotsUnchecked(dir: string, tables: readonly Table[], fs: FileMoves): Promise<SnapshotWriteResult> {
  const out = path.resolve(dir);
  if (existsSync(out) && !(await stat(out)).isDirectory()) {
    throw InputError.of({ file: dir }, "the output path is a file: expected a folder for the snapshots (--out)");
  }
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

  await mkdir(out, { recursive: true });
  // Inside the target folder, so renames never cross file systems; the dot keeps
  // it out of schema listings and the name matches .gitignore's `.kqlgen-tmp-*`.
  const tmp = await mkdtemp(path.join(out, ".kqlgen-tmp-pull-"));
  const aside = path.join(tmp, "replaced");
  const moved: { from: string; to: string }[] = [];
  try {
    await mkdir(aside);
    for (const f of toWrite) await writeFile(path.join(tmp, f.name), f.text);
    try {
      // Move aside what is replaced, then move the new files in.
      for (const name of [...toWrite.map((f) => f.name), ...replaced.map((r) => r.file)]) {
        const target = path.join(out, name);
        if (existsSync(target)) {
          await fs.rename(target, path.join(aside, name));
          moved.push({ from: path.join(aside, name), to: target });
        }
      }
      for (const f of toWrite) {
        await fs.rename(path.join(tmp, f.name), path.join(out, f.name));
        moved.push({ from: "", to: path.join(out, f.name) });
      }
    } catch (e) {
      // Undo in reverse: drop new files, put the old ones back.
      for (const m of moved.reverse()) {
        if (m.from === "") await rm(m.to, { force: true });
        else await rename(m.from, m.to);
      }
      throw e;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { written: toWrite.map((f) => f.name), unchanged, replaced };
}
