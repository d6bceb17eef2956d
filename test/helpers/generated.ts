/**
 * Test helper: generate a package with the real pipeline, write it to a fresh
 * folder under test/.tmp/ (inside the repo, so `ajv` resolves from its
 * node_modules), compile it with the repo's tsc and import the compiled index.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildPackage } from "../../src/pipeline.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const TMP = join(REPO, "test/.tmp");
export const TSC = join(REPO, "node_modules/.bin/tsc");
export { ALL_SCHEMAS, FIXTURES, TEST_SCHEMAS } from "./fixtures.js";
export const REPO_CONFIG = join(REPO, "kqlgen.config.json");

/** The compiled package's exports (validators, stream parser, table metadata). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GeneratedModule = Record<string, any>;

export interface Generated {
  /** Folder holding the generated sources; compiled output is in `<dir>/dist`. */
  readonly dir: string;
  /** The output map of buildPackage (relative path → text). */
  readonly files: ReadonlyMap<string, string>;
  /** The package's `lib/index.js`, imported. */
  readonly module: GeneratedModule;
}

/** Prefixes of the folders freshDir makes; older ones are removed (test/.tmp would grow with every run). */
const OWN_PREFIXES = /^(gen|shuffled-\d+)-[A-Za-z0-9]{6}$/;
const MAX_AGE_MS = 60 * 60 * 1000;
let pruned = false;

function pruneOld(): void {
  pruned = true;
  const now = Date.now();
  for (const name of readdirSync(TMP)) {
    if (!OWN_PREFIXES.test(name)) continue;
    const path = join(TMP, name);
    try {
      if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another test process removed it first.
    }
  }
}

/** A fresh, empty folder under test/.tmp/. */
export function freshDir(prefix: string): string {
  mkdirSync(TMP, { recursive: true });
  if (!pruned) pruneOld();
  return mkdtempSync(join(TMP, `${prefix}-`));
}

/**
 * Writes a kqlgen config to a temp file and returns its path. Pass `{}` for
 * the defaults: without a config file, buildPackage reads ./kqlgen.config.json
 * (the repo's) when present.
 */
export function writeConfig(config: object, name = "config"): string {
  const hash = createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 12);
  mkdirSync(join(TMP, "configs"), { recursive: true });
  const file = join(TMP, "configs", `${name}-${hash}-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
  return file;
}

export interface TscResult {
  readonly code: number;
  /** stdout and stderr together (tsc writes diagnostics to stdout). */
  readonly output: string;
}

/** Runs the repo's tsc with the given arguments (never throws on a non-zero exit). */
export function runTsc(args: readonly string[], cwd = REPO): Promise<TscResult> {
  return new Promise((done, fail) => {
    execFile(TSC, [...args, "--pretty", "false"], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") return fail(error);
      done({ code: error ? (error.code as number) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Writes an output map to `dir`. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Compiles a package folder with its own tsconfig into `<dir>/dist`; throws with tsc's output on failure. */
export async function compile(dir: string): Promise<void> {
  const result = await runTsc(["-p", join(dir, "tsconfig.json"), "--outDir", join(dir, "dist")]);
  if (result.code !== 0) throw new Error(`tsc failed on ${dir} (exit ${result.code}):\n${result.output}`);
}

const cache = new Map<string, Promise<Generated>>();

/**
 * Generates, writes, compiles and imports the package for a schemas folder and
 * config file. Cached per (schemas, config) within a process.
 */
export function buildGenerated(schemasDir: string, configFile?: string): Promise<Generated> {
  const schemas = resolve(REPO, schemasDir);
  const config = configFile === undefined ? undefined : resolve(REPO, configFile);
  const key = `${schemas}\0${config ?? ""}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = (async () => {
      const { files } = await buildPackage({ schemas, config });
      const dir = freshDir("gen");
      writeFiles(dir, files);
      await compile(dir);
      // What the package ships: lib/, compiled by kqlgen (tsc above type-checks the sources).
      const module = (await import(pathToFileURL(join(dir, "lib/index.js")).href)) as GeneratedModule;
      return { dir, files, module };
    })();
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

/** Column metadata as the generated `<T>Table` exports it. */
export interface GeneratedColumn {
  readonly name: string;
  readonly type: string;
  readonly ordinal: number;
  readonly nullable: boolean;
}

export interface GeneratedTable {
  readonly name: string;
  readonly platform?: string;
  readonly columns: readonly GeneratedColumn[];
}

/** One plain, valid, non-null JSON value per Kusto type (as the streaming API sends it). */
export const SAMPLE_VALUE: Readonly<Record<string, unknown>> = {
  string: "text",
  bool: true,
  int: 42,
  long: 1234567890123,
  real: 1.5,
  decimal: "12.50",
  datetime: "2024-05-01T12:00:00.1234567Z",
  timespan: "1.02:03:04.5670000",
  guid: "0f8fad5b-d9cb-469f-a165-70867728950e",
  dynamic: { key: ["value"] },
};

/** A valid row of a table (every column set, no nulls), as the streaming API sends it. */
export function sampleRow(table: GeneratedTable, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of table.columns) row[c.name] = structuredClone(SAMPLE_VALUE[c.type]);
  return { ...row, ...overrides };
}
