/**
 * A cache of derived text (prettier's output), addressed by the hash of
 * everything the text follows from: the tool and its version, its options,
 * kqlgen's code that calls it, the source text. A hit is the same bytes the
 * tool would print, without loading the tool (prettier is most of a warm
 * generate's and check's time). `check` still compares every file: only how
 * the expected text is found changes.
 *
 * Where: $KQLGEN_CACHE_DIR, else node_modules/.cache/kqlgen of the nearest
 * folder above the working folder that has a node_modules (as other tools
 * keep theirs); none when there is none. KQLGEN_CACHE=0 turns it off. Entries
 * are written aside and renamed into place (concurrent runs never see half an
 * entry); an entry that cannot be read is a miss; entries unused for a week
 * are removed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KQLGEN_VERSION } from "../paths.js";

const WEEK_MS = 7 * 24 * 3_600_000;

/** A dependency's version, read from its package.json without loading it ("" when not found). */
export function packageVersion(name: string, from: string = import.meta.url): string {
  try {
    const file = createRequire(from).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "";
  } catch {
    return "";
  }
}

/**
 * The hash of a module's own code (`import.meta.url`): a change to the code
 * that makes the text (its options, what it adds) makes every entry a miss,
 * version bump or not. A module that cannot be read never hits.
 */
export function codeHash(url: string): string {
  try {
    return createHash("sha256").update(readFileSync(fileURLToPath(url))).digest("hex");
  } catch {
    return `unreadable ${Math.random()}`;
  }
}

let dirFound: string | null | undefined;

function cacheDir(): string | null {
  if (dirFound !== undefined) return dirFound;
  dirFound = null;
  if (process.env.KQLGEN_CACHE === "0") return dirFound;
  if (process.env.KQLGEN_CACHE_DIR) {
    dirFound = path.resolve(process.env.KQLGEN_CACHE_DIR);
  } else {
    for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "node_modules"))) {
        dirFound = path.join(dir, "node_modules", ".cache", "kqlgen");
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  if (dirFound !== null) prune(dirFound);
  return dirFound;
}

/** Once a day at most: removes the entries not used for a week. */
function prune(dir: string): void {
  try {
    const marker = path.join(dir, "pruned");
    if (existsSync(marker) && Date.now() - statSync(marker).mtimeMs < WEEK_MS / 7) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(marker, "");
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".json")) continue;
      const file = path.join(dir, name);
      if (Date.now() - statSync(file).mtimeMs > WEEK_MS) rmSync(file, { force: true });
    }
  } catch {
    // A cache that cannot be pruned still works.
  }
}

export class TextCache {
  private readonly salt: string;

  /** `tool`: what makes the text, with its version and options (a change makes every entry a miss). */
  constructor(tool: string) {
    this.salt = `kqlgen ${KQLGEN_VERSION}\0${tool}\0`;
  }

  key(...parts: readonly string[]): string {
    const hash = createHash("sha256").update(this.salt);
    for (const p of parts) hash.update(`${p.length}:`).update(p);
    return hash.digest("hex");
  }

  get<T>(key: string): T | undefined {
    const dir = cacheDir();
    if (dir === null) return undefined;
    const file = path.join(dir, `${key}.json`);
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as { key: string; value: T };
      if (entry.key !== key) return undefined;
      const now = new Date();
      utimesSync(file, now, now);
      return entry.value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    const dir = cacheDir();
    if (dir === null) return;
    try {
      mkdirSync(dir, { recursive: true });
      const aside = path.join(dir, `.${key}.${process.pid}.${Math.random().toString(36).slice(2)}`);
      try {
        writeFileSync(aside, JSON.stringify({ key, value }));
        renameSync(aside, path.join(dir, `${key}.json`));
      } catch (e) {
        rmSync(aside, { force: true });
        throw e;
      }
    } catch {
      // Read-only or full: the next run compiles again.
    }
  }
}
