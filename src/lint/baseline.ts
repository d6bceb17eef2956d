/**
 * A baseline: the findings a repository already has, so a team adopts lint
 * and fails only on new ones. `kqlgen lint --write-baseline <file>` writes it;
 * `--baseline <file>` drops the findings it lists. Entries name the file, the
 * YAML query, the rule and the message, and count the places, not their lines:
 * editing a file above a known finding does not make it new. A finding with
 * more places than its entry counts is kept (new uses of a known problem).
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../model/errors.js";
import type { Finding } from "./engine.js";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly file: string;
  readonly query?: string;
  readonly code: string;
  readonly message: string;
  /** Places of the finding when the baseline was written. */
  readonly count: number;
}

const posix = (file: string) => file.split(path.sep).join("/");
const keyOf = (e: { file: string; query?: string; code: string; message: string }) => JSON.stringify([posix(e.file), e.query ?? "", e.code, e.message]);

export function baselineEntries(findings: readonly Finding[]): BaselineEntry[] {
  return findings
    .map((f) => ({ file: posix(f.file), ...(f.query !== undefined ? { query: f.query } : {}), code: f.code, message: f.message, count: 1 + (f.also?.length ?? 0) }))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** Writes the baseline atomically (a temporary file renamed over the old one). */
export async function writeBaseline(file: string, findings: readonly Finding[]): Promise<number> {
  const entries = baselineEntries(findings);
  const text = JSON.stringify({ kqlgenLintBaseline: BASELINE_VERSION, findings: entries }, null, 2) + "\n";
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.kqlgen-tmp-${process.pid}`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw InputError.of({ file }, `cannot write the baseline (${(e as NodeJS.ErrnoException).code ?? String(e)}): expected a writable path (--write-baseline)`);
  }
  return entries.length;
}

export async function readBaseline(file: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw InputError.of({ file }, `cannot read the baseline (${code === "ENOENT" ? "it does not exist" : code}): expected a file written by kqlgen lint --write-baseline`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw InputError.of({ file }, "the baseline is not JSON: expected a file written by kqlgen lint --write-baseline");
  }
  const doc = json as { kqlgenLintBaseline?: unknown; findings?: unknown };
  if (doc?.kqlgenLintBaseline !== BASELINE_VERSION || !Array.isArray(doc.findings)) {
    throw InputError.of({ file }, `not a kqlgen lint baseline: expected {"kqlgenLintBaseline": ${BASELINE_VERSION}, "findings": [...]}`);
  }
  return doc.findings.map((e, i) => {
    const entry = e as Partial<BaselineEntry>;
    if (typeof entry?.file !== "string" || typeof entry.code !== "string" || typeof entry.message !== "string" || !Number.isInteger(entry.count) || (entry.query !== undefined && typeof entry.query !== "string")) {
      throw InputError.of({ file, at: `/findings/${i}` }, "expected an entry with file, code, message (strings), count (an integer) and an optional query");
    }
    return entry as BaselineEntry;
  });
}

/** Findings the baseline does not cover; how many it covered, and its entries that no longer occur. */
export function applyBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[]): { findings: Finding[]; baselined: number; gone: number } {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + e.count);
  const seen = new Set<string>();
  const kept: Finding[] = [];
  let baselined = 0;
  for (const f of findings) {
    const key = keyOf(f);
    const allowed = counts.get(key);
    const places = 1 + (f.also?.length ?? 0);
    if (allowed !== undefined) seen.add(key);
    if (allowed !== undefined && places <= allowed) {
      baselined++;
      continue;
    }
    kept.push(allowed !== undefined ? { ...f, message: `${f.message} (the baseline allows ${allowed} ${allowed === 1 ? "place" : "places"})` } : f);
  }
  return { findings: kept, baselined, gone: [...counts.keys()].filter((k) => !seen.has(k)).length };
}
