/**
 * Test helpers for folder trees: temporary folders under test/.tmp/ (removed
 * after the test file), writing a tree from a map, reading and hashing one.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding package.json). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export { ALL_SCHEMAS, FIXTURES, TEST_SCHEMAS } from "./fixtures.js";
export const TMP_ROOT = path.join(REPO, "test", ".tmp");

const made: string[] = [];

/** A fresh, empty folder under test/.tmp/ whose name starts with `prefix`. */
export async function makeTmpDir(prefix: string): Promise<string> {
  await mkdir(TMP_ROOT, { recursive: true });
  const dir = await mkdtemp(path.join(TMP_ROOT, `${prefix.replace(/[^A-Za-z0-9_-]/g, "_")}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder makeTmpDir made (call from afterAll). */
export async function cleanupTmpDirs(): Promise<void> {
  while (made.length) {
    const dir = made.pop()!;
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes files (relative path → text or bytes) under `dir`, creating folders. */
export async function writeTree(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Every file under `dir` (relative, `/`-separated, sorted); folders end in "/". Empty for a missing folder. */
export async function listAll(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.push(`${child}/`);
        await walk(child);
      } else out.push(child);
    }
  }
  await walk("");
  return out.sort();
}

/**
 * The whole tree as path → sha256 of the bytes (folders → "dir"), every
 * entry included (node_modules, dist, dot files). Compare two with toEqual:
 * a difference shows which paths changed.
 */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const rel of await listAll(dir)) {
    if (rel.endsWith("/")) {
      result[rel] = "dir";
      continue;
    }
    const full = path.join(dir, rel);
    const s = await lstat(full);
    result[rel] = s.isSymbolicLink() ? "symlink" : createHash("sha256").update(await readFile(full)).digest("hex");
  }
  return result;
}

/** Every file under `dir` as text (relative path → contents); folders left out. */
export async function readTreeText(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listAll(dir)) {
    if (!rel.endsWith("/")) files.set(rel, await readFile(path.join(dir, rel), "utf8"));
  }
  return files;
}

/** An Io that collects what the CLI writes, for in-process runs of main(). */
export function captureIo(): { io: { out: (t: string) => void; err: (t: string) => void; isTTY: boolean }; stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      out: (t) => void (out += t.endsWith("\n") ? t : t + "\n"),
      err: (t) => void (err += t.endsWith("\n") ? t : t + "\n"),
      isTTY: false,
    },
    stdout: () => out,
    stderr: () => err,
  };
}
