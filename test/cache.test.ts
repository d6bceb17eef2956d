/**
 * The cache of prettier's output (src/output/cache.ts): a warm run gives the
 * same bytes as a run without the cache, without loading prettier; a damaged
 * entry is a miss, not wrong output. TypeScript is never loaded (oxc-transform
 * compiles lib/). Runs kqlgen's built pipeline (dist/) in fresh processes, so
 * what loads is seen.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_SCHEMAS, REPO, REPO_CONFIG } from "./helpers/generated.js";

let cacheDir = "";
beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "kqlgen-cache-"));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

interface Built {
  /** sha256 of every output file, by path. */
  files: Record<string, string>;
  /** Whether TypeScript (ts-morph's) was loaded. */
  typescript: boolean;
  /** Whether prettier was loaded. */
  prettier: boolean;
}

/** buildPackage over the fixtures and the test tables in a new process, with the given cache settings. */
function build(env: Record<string, string>): Promise<Built> {
  const script = `
    import { createHash } from "node:crypto";
    import { createRequire } from "node:module";
    const { buildPackage } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, "dist/src/pipeline.js")).href)});
    const { prettierLoaded } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, "dist/src/output/format.js")).href)});
    const { files } = await buildPackage({ schemas: ${JSON.stringify(ALL_SCHEMAS)}, config: ${JSON.stringify(REPO_CONFIG)} });
    const hashes = Object.fromEntries([...files].map(([p, t]) => [p, createHash("sha256").update(t).digest("hex")]));
    const typescript = Object.keys(createRequire(import.meta.url).cache).some((f) => f.endsWith("typescript.js"));
    process.stdout.write(JSON.stringify({ files: hashes, typescript, prettier: prettierLoaded() }));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Built);
    });
  });
}

describe("the format cache", () => {
  it("a warm run gives the bytes of a run without the cache, and does not load prettier; damaged entries are misses; TypeScript never loads", async () => {
    const none = await build({ KQLGEN_CACHE: "0" });
    expect(none).toMatchObject({ prettier: true, typescript: false });
    expect(Object.keys(none.files).filter((p) => p.startsWith("lib/tables/")).length).toBeGreaterThan(30);

    const cold = await build({ KQLGEN_CACHE_DIR: cacheDir });
    expect(cold.files).toEqual(none.files);
    const entries = (await readdir(cacheDir)).filter((f) => f.endsWith(".json"));
    expect(entries.length).toBeGreaterThan(3);

    const warm = await build({ KQLGEN_CACHE_DIR: cacheDir });
    expect(warm.files).toEqual(none.files);
    expect(warm).toMatchObject({ prettier: false, typescript: false });

    // Half the entries cut short, the other half valid JSON of something else: each is formatted again.
    for (const [i, f] of entries.entries()) await writeFile(path.join(cacheDir, f), i % 2 ? '{"key":"' : JSON.stringify({ key: "other", value: "x" }));
    const damaged = await build({ KQLGEN_CACHE_DIR: cacheDir });
    expect(damaged.files).toEqual(none.files);
    expect(damaged.prettier).toBe(true);
  }, 300_000);
});
