/**
 * `check`: what `generate` would write, compared with what is on disk.
 */
import { existsSync } from "node:fs";
import { createTwoFilesPatch } from "diff";
import type { OutputFiles } from "../emitters/options.js";
import { readTree } from "./tree.js";

export interface Drift {
  readonly changed: { readonly path: string; readonly diff: string }[];
  readonly created: string[];
  readonly deleted: string[];
}

export function hasDrift(d: Drift): boolean {
  return d.changed.length + d.created.length + d.deleted.length > 0;
}

export async function compareOutput(dir: string, files: OutputFiles): Promise<Drift> {
  const disk = existsSync(dir) ? await readTree(dir) : new Map<string, string>();
  const drift: Drift = { changed: [], created: [], deleted: [] };
  for (const [rel, want] of files) {
    const have = disk.get(rel);
    if (have === undefined) drift.created.push(rel);
    else if (have !== want) {
      drift.changed.push({ path: rel, diff: createTwoFilesPatch(`a/${rel}`, `b/${rel}`, have, want, "on disk", "generated", { context: 3 }) });
    }
  }
  for (const rel of disk.keys()) if (!files.has(rel)) drift.deleted.push(rel);
  return drift;
}

export function describeDrift(dir: string, d: Drift): string {
  const lines: string[] = [];
  for (const c of d.changed) lines.push(c.diff.trimEnd());
  if (d.created.length) lines.push(`would create in ${dir}:`, ...d.created.map((p) => `  ${p}`));
  if (d.deleted.length) lines.push(`would delete from ${dir}:`, ...d.deleted.map((p) => `  ${p}`));
  lines.push(
    `${dir} is stale: ${d.changed.length} changed, ${d.created.length} to create, ${d.deleted.length} to delete. Run \`kqlgen generate\` and commit the result.`,
  );
  return lines.join("\n");
}
