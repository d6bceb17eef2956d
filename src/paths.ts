/**
 * Where kqlgen's own files are (templates, the config schema, package.json),
 * found from this module whether it runs from src/ (tests) or dist/src/ (the CLI).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "kqlgen") return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("kqlgen: cannot find kqlgen's own package.json above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** kqlgen's package folder. */
export const PACKAGE_ROOT = findRoot();

export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}

/** kqlgen's own version (its package.json). */
export const KQLGEN_VERSION: string = (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
