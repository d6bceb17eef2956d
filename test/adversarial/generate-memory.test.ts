/**
 * Issue 13, memory of generate: the pipeline streams (src/pipeline.ts
 * streamPackage → output/write.ts, output/check.ts), so what generate and
 * check hold does not grow with the number of tables. Shown in fresh `kqlgen`
 * processes whose JavaScript heap is capped at 64 MB: 600 tables of 40–80
 * columns make about 60 M characters of output (120 MB as JavaScript
 * strings), which a generate holding the package could not keep under the
 * cap. Peak RSS is printed, not asserted (how far V8 lets the heap grow
 * differs between Node versions). Timings are for bench/generate-scale.bench.mjs.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTmpDirs, makeTmpDir, REPO } from "../helpers/tree.js";
import { mulberry32 } from "../helpers/prng.js";

afterAll(cleanupTmpDirs);

const TYPES = ["string", "string", "string", "long", "int", "bool", "real", "datetime", "timespan", "guid", "decimal", "dynamic"];

/** `n` snapshots of 40–80 columns each. */
async function schemas(n: number): Promise<string> {
  const dir = await makeTmpDir(`memory-schemas-${n}`);
  const rnd = mulberry32(n);
  for (let t = 0; t < n; t++) {
    const table = `Wide${String(t).padStart(4, "0")}Events`;
    const columns = Array.from({ length: 40 + Math.floor(rnd() * 41) }, (_, i) => ({
      name: i === 0 ? "Timestamp" : `InitiatingProcessColumn${i}`,
      type: i === 0 ? "datetime" : TYPES[Math.floor(rnd() * TYPES.length)]!,
      ordinal: i,
    }));
    await writeFile(path.join(dir, `${table}.kqlgen.json`), JSON.stringify({ format: "kqlgen.snapshot/v1", table, columns }));
  }
  return dir;
}

/** The cap on the children's JavaScript heap. */
const HEAP_MB = 64;

/** Runs kqlgen in a child (its heap capped); its exit code, output and peak RSS in MB (the child reports its own at exit). */
function kqlgen(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; mb: number }> {
  const report = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
  return new Promise((resolve) => {
    execFile(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--import", report, path.join(REPO, "bin", "kqlgen.js"), ...args], { cwd, env: { ...process.env, KQLGEN_CACHE: "0" }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const rss = /\nMAXRSS (\d+)\n/.exec(stderr);
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.replace(/\nMAXRSS \d+\n/, ""), mb: rss ? Number(rss[1]) / 1024 : NaN });
    });
  });
}

describe("memory of generate and check, in child processes", () => {
  it(`600 tables generate and check within a ${HEAP_MB} MB heap`, async () => {
    const n = 600;
    const dir = await schemas(n);
    const work = await makeTmpDir(`memory-out-${n}`);
    await writeFile(path.join(work, "kqlgen.config.json"), JSON.stringify({ schemas: dir, out: "generated" }));
    const gen = await kqlgen(work, "generate");
    expect(gen, gen.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(gen.stdout).toContain(`wrote ${n} tables`);
    expect((await readdir(path.join(work, "generated", "lib", "tables"))).length).toBe(2 * n);
    let chars = 0;
    for (const sub of ["src/tables", "lib/tables", "src/kql", "lib/kql", "schemas"]) {
      for (const f of await readdir(path.join(work, "generated", sub))) chars += (await readFile(path.join(work, "generated", sub, f), "utf8")).length;
    }
    // What the cap is measured against: the package's text alone, as JavaScript strings (2 bytes a character: the header's em dash).
    expect((2 * chars) / 1048576).toBeGreaterThan(1.5 * HEAP_MB);
    const check = await kqlgen(work, "check");
    expect(check, check.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(check.stdout).toContain("is up to date");
    console.log(`${n} tables, ${(chars / 1e6).toFixed(0)} M characters: peak RSS generate ${gen.mb.toFixed(0)} MB, check ${check.mb.toFixed(0)} MB (heap capped at ${HEAP_MB} MB)`);
  }, 300_000);
});
