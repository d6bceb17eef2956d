/**
 * The files `kqlgen lint` reads: paths, folders (searched recursively) and glob
 * patterns (`*`, `**`, `?`, `[...]`, `{a,b}`), expanded in sorted order. A small
 * glob of our own: Node 20 has no fs.glob, and the shell may not expand `**`.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InputError, InputProblem } from "../model/errors.js";

/** Files holding one KQL query each. */
export const KQL_EXTENSIONS = [".kql", ".csl", ".kusto"] as const;
/** Detection and hunting rule files, with KQL under `query:` keys. */
export const YAML_EXTENSIONS = [".yaml", ".yml"] as const;

export type LintFileKind = "kql" | "yaml";

export function fileKind(file: string): LintFileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if ((KQL_EXTENSIONS as readonly string[]).includes(ext)) return "kql";
  if ((YAML_EXTENSIONS as readonly string[]).includes(ext)) return "yaml";
  return undefined;
}

const MAGIC = /[*?[\]{}]/;

/** Folders a recursive search never enters (unless a pattern names them). */
function skipFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/** A glob pattern (with `/` separators) as a regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const atStart = i === 0 || pattern[i - 1] === "/";
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === "/";
        if (atStart && atEnd) {
          // `**/` matches zero or more folders; a final `**` anything below.
          re += i + 2 === pattern.length ? ".*" : "(?:[^/]+/)*";
          i += i + 2 === pattern.length ? 1 : 2;
          continue;
        }
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += `[${body}]`;
        i = end;
      }
    } else if (c === "{") {
      braces++;
      re += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (c === "," && braces > 0) re += "|";
    else re += c.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Every file below `dir` (relative, `/`-separated), skipping node_modules and dot folders. */
async function walk(dir: string, rel = "", out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!skipFolder(e.name)) await walk(dir, child, out);
    } else if (e.isFile() || e.isSymbolicLink()) out.push(child);
  }
  return out;
}

/** The files a glob pattern matches, sorted. */
export async function glob(pattern: string, cwd: string): Promise<string[]> {
  const normalized = pattern.split(path.sep).join("/");
  const segments = normalized.split("/");
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const baseSegments = firstMagic === -1 ? segments.slice(0, -1) : segments.slice(0, firstMagic);
  const base = baseSegments.join("/");
  const root = path.resolve(cwd, base === "" && normalized.startsWith("/") ? "/" : base || ".");
  const rest = segments.slice(baseSegments.length).join("/");
  const matcher = globToRegExp(rest);
  const files = (await walk(root)).filter((rel) => matcher.test(rel));
  return files.map((rel) => (base ? `${base}/${rel}` : rel)).sort();
}

/**
 * Expands the command line's paths into files to lint, each once, in order:
 * a file as is (it must be .kql/.csl/.kusto or .yaml/.yml), a folder's KQL and
 * YAML files recursively, a glob's matches. Throws an InputError (exit 2) naming
 * every path that is missing, matches nothing or is not a KQL or YAML file.
 */
export async function expandPaths(args: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let s;
    try {
      s = await stat(full);
    } catch {
      s = undefined;
    }
    if (s?.isFile()) {
      if (fileKind(arg)) files.push(arg);
      else problems.push(new InputProblem({ file: arg }, `not a KQL or YAML file: expected ${[...KQL_EXTENSIONS, ...YAML_EXTENSIONS].join(", ")}`));
    } else if (s && (await isDirectory(full))) {
      const found = (await walk(full)).filter((rel) => fileKind(rel)).sort();
      if (found.length === 0) problems.push(new InputProblem({ file: arg }, "the folder holds no .kql, .csl, .kusto, .yaml or .yml files"));
      files.push(...found.map((rel) => path.join(arg, rel)));
    } else if (MAGIC.test(arg)) {
      const found = (await glob(arg, cwd)).filter((f) => fileKind(f));
      if (found.length === 0) problems.push(new InputProblem({ file: arg }, "no .kql, .csl, .kusto, .yaml or .yml files match this pattern"));
      files.push(...found);
    } else problems.push(new InputProblem({ file: arg }, "no such file or folder"));
  }
  if (problems.length) throw new InputError(problems);
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = path.resolve(cwd, f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
