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

/** Documents with KQL in ```kql / ```kusto code blocks. */
export const MARKDOWN_EXTENSIONS = [".md", ".markdown", ".txt"] as const;

export type LintFileKind = "kql" | "yaml" | "markdown";

const ALL_EXTENSIONS = [...KQL_EXTENSIONS, ...YAML_EXTENSIONS, ...MARKDOWN_EXTENSIONS].join(", ");

export function fileKind(file: string): LintFileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if ((KQL_EXTENSIONS as readonly string[]).includes(ext)) return "kql";
  if ((YAML_EXTENSIONS as readonly string[]).includes(ext)) return "yaml";
  if ((MARKDOWN_EXTENSIONS as readonly string[]).includes(ext)) return "markdown";
  return undefined;
}

const MAGIC = /[*?[\]{}]/;

/** Folders a recursive search never enters (unless a pattern names them). */
function skipFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/** The most alternatives a pattern's braces may expand to. */
const MAX_ALTERNATIVES = 1024;

/** Expands `{a,b}` (nested too) into the patterns it stands for; a bad or too large pattern is bad input. */
function expandBraces(pattern: string, original: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close !== -1) i = close;
    } else if (c === "{") {
      if (depth++ === 0) open = i;
    } else if (c === "}") {
      if (depth === 0) throw InputError.of({ file: original }, "the pattern has a } without its {: expected {a,b} alternatives");
      if (--depth === 0) {
        const body = pattern.slice(open + 1, i);
        const parts: string[] = [];
        let level = 0;
        let from = 0;
        for (let j = 0; j < body.length; j++) {
          if (body[j] === "{") level++;
          else if (body[j] === "}") level--;
          else if (body[j] === "," && level === 0) {
            parts.push(body.slice(from, j));
            from = j + 1;
          }
        }
        parts.push(body.slice(from));
        const head = pattern.slice(0, open);
        const tails = expandBraces(pattern.slice(i + 1), original);
        const out: string[] = [];
        for (const part of parts) {
          for (const middle of expandBraces(part, original)) {
            for (const tail of tails) {
              out.push(head + middle + tail);
              if (out.length > MAX_ALTERNATIVES) throw InputError.of({ file: original }, `the pattern's {...} alternatives expand to more than ${MAX_ALTERNATIVES} patterns: expected fewer alternatives`);
            }
          }
        }
        return out;
      }
    }
  }
  if (depth > 0) throw InputError.of({ file: original }, "the pattern has a { without its }: expected {a,b} alternatives");
  return [pattern];
}

/** One character class `[...]`: ranges and single characters, `!` or `^` to negate. */
interface CharClass {
  readonly negate: boolean;
  readonly ranges: readonly (readonly [number, number])[];
}

/** A path segment's pattern: literal characters, `?`, `*` and classes. */
type Token = { kind: "char"; code: number } | { kind: "any" } | { kind: "star" } | { kind: "class"; cls: CharClass };

function segmentTokens(segment: string, original: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === "*") {
      // Consecutive stars match the same as one: keep one (no exponential matching).
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (ch === "?") tokens.push({ kind: "any" });
    else if (ch === "[" && segment.indexOf("]", i + 2) !== -1) {
      const end = segment.indexOf("]", i + 2);
      let body = segment.slice(i + 1, end);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      const ranges: [number, number][] = [];
      const chars = [...body];
      for (let j = 0; j < chars.length; j++) {
        const from = chars[j]!.codePointAt(0)!;
        if (chars[j + 1] === "-" && j + 2 < chars.length) {
          const to = chars[j + 2]!.codePointAt(0)!;
          if (to < from) throw InputError.of({ file: original }, `the pattern's range [${chars[j]}-${chars[j + 2]}] runs backwards: expected [${chars[j + 2]}-${chars[j]}]`);
          ranges.push([from, to]);
          j += 2;
        } else ranges.push([from, from]);
      }
      tokens.push({ kind: "class", cls: { negate, ranges } });
      i = end;
    } else tokens.push({ kind: "char", code: ch.codePointAt(0)! });
  }
  return tokens;
}

function tokenMatches(token: Token, ch: string): boolean {
  const code = ch.codePointAt(0)!;
  if (token.kind === "any") return true;
  if (token.kind === "char") return token.code === code;
  if (token.kind === "class") return token.cls.ranges.some(([a, b]) => code >= a && code <= b) !== token.cls.negate;
  return false;
}

/** Wildcard match of one segment: the classic two-pointer algorithm, linear in practice, never exponential. */
function matchSegment(tokens: readonly Token[], name: string): boolean {
  const chars = [...name];
  let t = 0;
  let c = 0;
  let starT = -1;
  let starC = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token && token.kind !== "star" && tokenMatches(token, chars[c]!)) {
      t++;
      c++;
    } else if (token?.kind === "star") {
      starT = t++;
      starC = c;
    } else if (starT !== -1) {
      t = starT + 1;
      c = ++starC;
    } else return false;
  }
  while (tokens[t]?.kind === "star") t++;
  return t === tokens.length;
}

/** A compiled glob: segments of tokens, `**` for any number of folders. */
type Segment = "**" | Token[];

function compileOne(pattern: string, original: string): Segment[] {
  return pattern.split("/").map((s) => (s === "**" ? "**" : segmentTokens(s, original)));
}

/** Whether `/`-separated path segments match compiled segments (dynamic programming: time linear in segments × path). */
function matchSegments(pattern: readonly Segment[], path: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const go = (p: number, s: number): boolean => {
    const key = p * (path.length + 1) + s;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (p === pattern.length) result = s === path.length;
    else if (pattern[p] === "**") result = go(p + 1, s) || (s < path.length && go(p, s + 1));
    else result = s < path.length && matchSegment(pattern[p] as Token[], path[s]!) && go(p + 1, s + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** A glob pattern (with `/` separators) as a matcher of `/`-separated paths; a bad pattern is an InputError naming it. */
export function globMatcher(pattern: string, name = pattern): { test(path: string): boolean } {
  const compiled = expandBraces(pattern, name).map((p) => compileOne(p, name));
  return { test: (path: string) => compiled.some((c) => matchSegments(c, path.split("/"))) };
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
  const matcher = globMatcher(rest, pattern);
  const files = (await walk(root)).filter((rel) => matcher.test(rel));
  return files.map((rel) => (base ? `${base}/${rel}` : rel)).sort();
}

/**
 * Expands the command line's paths into files to lint, each once, in order:
 * a file as is (it must be .kql/.csl/.kusto, .yaml/.yml or .md/.markdown/.txt),
 * a folder's such files recursively, a glob's matches. Throws an InputError (exit 2) naming
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
      else problems.push(new InputProblem({ file: arg }, `not a file lint reads: expected ${ALL_EXTENSIONS}`));
    } else if (s && (await isDirectory(full))) {
      const found = (await walk(full)).filter((rel) => fileKind(rel)).sort();
      if (found.length === 0) problems.push(new InputProblem({ file: arg }, `the folder holds no ${ALL_EXTENSIONS} files`));
      files.push(...found.map((rel) => path.join(arg, rel)));
    } else if (MAGIC.test(arg)) {
      const found = (await glob(arg, cwd)).filter((f) => fileKind(f));
      if (found.length === 0) problems.push(new InputProblem({ file: arg }, `no ${ALL_EXTENSIONS} files match this pattern`));
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
