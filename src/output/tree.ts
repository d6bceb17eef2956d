/** Reading an output folder back, for `check` and for safe replacement. */
import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Entries of an output folder that are the user's, not kqlgen's: never compared, never lost. */
export const KEPT_ENTRIES = new Set(["node_modules", "dist", ".git"]);

/** Every file under `dir` (relative, `/`-separated), except kept entries at the top. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && KEPT_ENTRIES.has(e.name)) continue;
      if (e.isDirectory()) await walk(child);
      else out.push(child);
    }
  }
  await walk("");
  return out.sort();
}

/** The largest file of an output folder `check` reads to compare (generated files are far smaller). */
const MAX_COMPARED_BYTES = 64 * 1024 * 1024;

/**
 * Every file's text, for `check`. A symbolic link, FIFO or device is never
 * read (a link to /proc/self/environ would print the environment in the diff;
 * a FIFO would block), nor is a file too large to be generated: each stands as
 * a one-line note, which differs from what generate writes.
 */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listTree(dir)) {
    const file = path.join(dir, rel);
    const s = await lstat(file);
    if (s.isSymbolicLink()) files.set(rel, "(a symbolic link: kqlgen does not follow links in the output folder)\n");
    else if (!s.isFile()) files.set(rel, "(not a regular file: kqlgen does not read it)\n");
    else if (s.size > MAX_COMPARED_BYTES) files.set(rel, `(a file of ${Math.round(s.size / (1024 * 1024))} MB: larger than any file kqlgen generates)\n`);
    else files.set(rel, await readFile(file, "utf8"));
  }
  return files;
}
