/**
 * `check`: what `generate` would write, compared with what is on disk.
 */
import { existsSync } from "node:fs";
import { createTwoFilesPatch, diffLines } from "diff";
import { compareNames } from "../model/schema.js";
import { listTree, readTreeFile, type FileSource } from "./tree.js";

export interface ChangedFile {
  readonly path: string;
  /** A unified diff; empty when the file differs only in line ends. */
  readonly diff: string;
  /** The file has the same lines, with CRLF (or CR) line ends where LF belongs. */
  readonly lineEndsOnly: boolean;
  readonly added: number;
  readonly removed: number;
}

export interface Drift {
  readonly changed: ChangedFile[];
  readonly created: string[];
  readonly deleted: string[];
}

export function hasDrift(d: Drift): boolean {
  return d.changed.length + d.created.length + d.deleted.length > 0;
}

function countLines(have: string, want: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(have, want)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

/** Compares `files` (a map, or the pipeline's stream) with the folder, one file at a time. */
export async function compareOutput(dir: string, files: FileSource): Promise<Drift & { readonly files: number }> {
  const disk = new Set(existsSync(dir) ? await listTree(dir) : []);
  const drift: Drift = { changed: [], created: [], deleted: [] };
  const seen = new Set<string>();
  for await (const [rel, want] of files) {
    seen.add(rel);
    if (!disk.has(rel)) {
      drift.created.push(rel);
      continue;
    }
    const have = readTreeFile(dir, rel);
    if (have !== want) {
      if (have.replace(/\r\n?/g, "\n") === want) {
        drift.changed.push({ path: rel, diff: "", lineEndsOnly: true, added: 0, removed: 0 });
      } else {
        const diff = createTwoFilesPatch(`a/${rel}`, `b/${rel}`, have, want, "on disk", "generated", { context: 3 });
        drift.changed.push({ path: rel, diff, lineEndsOnly: false, ...countLines(have, want) });
      }
    }
  }
  for (const rel of disk) if (!seen.has(rel)) drift.deleted.push(rel);
  // The stream comes in no particular order; reports list paths sorted.
  drift.changed.sort((a, b) => compareNames(a.path, b.path));
  drift.created.sort(compareNames);
  drift.deleted.sort(compareNames);
  return { ...drift, files: seen.size };
}

export interface DescribeOptions {
  /** One line per file with lines added and removed, instead of the diffs. */
  readonly stat?: boolean;
}

export function describeDrift(dir: string, d: Drift, options: DescribeOptions = {}): string {
  const lines: string[] = [];
  const endsOnly = d.changed.filter((c) => c.lineEndsOnly);
  const edited = d.changed.filter((c) => !c.lineEndsOnly);
  if (options.stat) {
    const width = Math.max(0, ...edited.map((c) => c.path.length));
    for (const c of edited) lines.push(` ${c.path.padEnd(width)} | +${c.added} -${c.removed}`);
  } else {
    for (const c of edited) lines.push(c.diff.trimEnd());
  }
  if (endsOnly.length) {
    lines.push(
      `${endsOnly.length} file${endsOnly.length === 1 ? "" : "s"} in ${dir} differ only in line ends (CRLF where kqlgen writes LF): ` +
        `${endsOnly.length <= 3 ? endsOnly.map((c) => c.path).join(", ") : `${endsOnly[0]!.path} and ${endsOnly.length - 1} more`}. ` +
        "Git converted them on checkout: the folder's .gitattributes (eol=lf) prevents it; run `kqlgen generate` to rewrite them.",
    );
  }
  if (d.created.length) lines.push(`would create in ${dir}:`, ...d.created.map((p) => `  ${p}`));
  if (d.deleted.length) lines.push(`would delete from ${dir}:`, ...d.deleted.map((p) => `  ${p}`));
  lines.push(
    `${dir} is stale: ${d.changed.length} changed, ${d.created.length} to create, ${d.deleted.length} to delete. Run \`kqlgen generate\` and commit the result.`,
  );
  return lines.join("\n");
}
