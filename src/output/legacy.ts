/**
 * What older kqlgen left beside an output folder when interrupted: its new
 * folder (`.<out>.kqlgen-tmp-*`) and the old one moved aside
 * (`.<out>.kqlgen-old-*`), sometimes with node_modules/ and dist/ still in it.
 * The next run puts the old folder back when the output is gone, brings the
 * user's entries home, and removes the rest.
 */
import { readdir, rename, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { KEPT_ENTRIES } from "./tree.js";

export async function recoverOldSwap(out: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  const mine = (tag: string) => names.filter((n) => n.startsWith(`.${base}.kqlgen-${tag}-`)).sort();
  for (const old of mine("old")) {
    const folder = path.join(parent, old);
    if (!existsSync(out)) {
      await rename(folder, out);
      continue;
    }
    for (const kept of KEPT_ENTRIES) {
      if (existsSync(path.join(folder, kept)) && !existsSync(path.join(out, kept))) await rename(path.join(folder, kept), path.join(out, kept));
    }
    await rm(folder, { recursive: true, force: true });
  }
  for (const tmp of mine("tmp")) await rm(path.join(parent, tmp), { recursive: true, force: true });
}

/** What older kqlgen left beside `out` (names), for `check` to report. Reads only. */
export async function oldSwapLeftovers(out: string): Promise<string[]> {
  const base = path.basename(out);
  const names = await readdir(path.dirname(out)).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`.${base}.kqlgen-old-`) || n.startsWith(`.${base}.kqlgen-tmp-`)).sort().map((n) => `${n}/ beside it`);
}
