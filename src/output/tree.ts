/** Reading an output folder back, for `check` and for safe replacement. */
import { lstatSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { compareNames } from "../model/schema.js";
import type { OutputFiles } from "../emitters/options.js";
import { STAGING_PREFIX } from "./transaction.js";

/** Entries of an output folder that are the user's, not kqlgen's: never compared, never lost. */
export const KEPT_ENTRIES = new Set(["node_modules", "dist", ".git"]);

/**
 * The file that marks a folder as kqlgen's: `generate` writes it, and replaces
 * only a folder that holds it with exactly this text (or an empty folder).
 */
export const OWNER_MARKER = ".kqlgen-generated";
const MARKER_TEXT =
  "This folder is written by `kqlgen generate`, which may replace every file in it but node_modules/, dist/ and .git/.\n";

export function isOwnerMarker(text: string | undefined): boolean {
  return text === MARKER_TEXT;
}

/** The package's files with the owner marker: what generate writes and check compares. */
export function withOwnerMarker(files: OutputFiles): OutputFiles;
export function withOwnerMarker(files: FileSource): AsyncIterable<readonly [string, string]>;
export function withOwnerMarker(files: FileSource): FileSource {
  if (files instanceof Map) return new Map([...files, [OWNER_MARKER, MARKER_TEXT] as const].sort(([a], [b]) => compareNames(a, b)));
  return (async function* () {
    yield* files;
    yield [OWNER_MARKER, MARKER_TEXT] as const;
  })();
}

/** A package's files: a map, or a stream (each path once). */
export type FileSource = Iterable<readonly [string, string]> | AsyncIterable<readonly [string, string]>;

/** Every file under `dir` (relative, `/`-separated), except kept entries and kqlgen's staging folders at the top. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && (KEPT_ENTRIES.has(e.name) || e.name.startsWith(STAGING_PREFIX))) continue;
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
  for (const rel of await listTree(dir)) files.set(rel, readTreeFile(dir, rel));
  return files;
}

/** One file of the folder's tree as readTree reads it (synchronous calls: check reads thousands of small files, one after another). */
export function readTreeFile(dir: string, rel: string): string {
  const file = path.join(dir, rel);
  const s = lstatSync(file);
  if (s.isSymbolicLink()) return "(a symbolic link: kqlgen does not follow links in the output folder)\n";
  if (!s.isFile()) return "(not a regular file: kqlgen does not read it)\n";
  if (s.size > MAX_COMPARED_BYTES) return `(a file of ${Math.round(s.size / (1024 * 1024))} MB: larger than any file kqlgen generates)\n`;
  return readFileSync(file, "utf8");
}
