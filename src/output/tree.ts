/** Reading an output folder back, for `check` and for safe replacement. */
import { readdir, readFile } from "node:fs/promises";
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

export async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listTree(dir)) files.set(rel, await readFile(path.join(dir, rel), "utf8"));
  return files;
}
