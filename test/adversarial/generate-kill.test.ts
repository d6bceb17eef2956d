/**
 * Issue 13's kill loop: `generate`'s write of the package and `pull`'s write
 * of the snapshots are killed (SIGINT, SIGKILL) at random moments, 50 times
 * each; the next run then finds exactly the old tree or the new one, with the
 * user's node_modules/ and dist/ in place, no staging folder, no lock.
 *
 * The writers run in a child process from dist/ (built by `npm test`), on
 * prepared file sets, so each run is short and the kill lands inside the
 * write; the child says when it starts writing, the kill follows after a
 * random delay within the time a whole write takes.
 */
import { spawn } from "node:child_process";
import { cp, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../helpers/prng.js";
import { cleanupTmpDirs, hashTree, makeTmpDir, REPO } from "../helpers/tree.js";
import { recoverOutput, writeOutput } from "../../src/output/write.js";
import { recoverSnapshots, writeSnapshots } from "../../src/output/snapshots.js";
import { withOwnerMarker } from "../../src/output/tree.js";
import type { Table } from "../../src/model/schema.js";

afterAll(cleanupTmpDirs);

const RUNS = 50;
const DIST = path.join(REPO, "dist", "src", "output");

const CHILD = `
import { readFileSync } from "node:fs";
const [mode, dir, data] = process.argv.slice(2);
const input = JSON.parse(readFileSync(data, "utf8"));
const write = mode === "generate"
  ? (await import(${JSON.stringify(path.join(DIST, "write.js"))})).writeOutput
  : (await import(${JSON.stringify(path.join(DIST, "snapshots.js"))})).writeSnapshots;
const arg = mode === "generate" ? new Map(input) : input;
process.stdout.write("start\\n");
const t = performance.now();
await write(dir, arg);
process.stdout.write("done " + (performance.now() - t) + "\\n");
`;

let childFile = "";

/** Runs the child writer; kills it `killAfterMs` after it starts writing (never when undefined). Resolves its write time when it finished. */
function runChild(mode: "generate" | "pull", dir: string, data: string, signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, mode, dir, data], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      if (signal && killAfterMs !== undefined && out.startsWith("start\n") && !child.killed) {
        setTimeout(() => child.kill(signal), killAfterMs);
      }
    });
    child.on("error", reject);
    child.on("close", (code, sig) => {
      if (sig) return resolve(undefined);
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      const done = /done ([\d.]+)/.exec(out);
      resolve(done ? Number(done[1]) : undefined);
    });
  });
}

const rnd = mulberry32(1313);

beforeAll(async () => {
  const root = await makeTmpDir("kill-child");
  childFile = path.join(root, "child.mjs");
  await writeFile(childFile, CHILD);
});

/** Kills the child `RUNS` times per signal; after each, recovers and expects the old or the new tree exactly. */
async function killLoop(
  mode: "generate" | "pull",
  pristine: string,
  dataFile: string,
  recover: (dir: string) => Promise<void>,
  trees: { old: Record<string, string>; new: Record<string, string> },
): Promise<{ old: number; new: number }> {
  const seen = { old: 0, new: 0 };
  // How long an uninterrupted write takes (child side): the kills land within it.
  const calibrate = path.join(await makeTmpDir(`kill-${mode}-cal`), "out");
  await cp(pristine, calibrate, { recursive: true });
  const full = (await runChild(mode, calibrate, dataFile)) ?? 50;
  expect(await hashTree(calibrate)).toEqual(trees.new);
  for (const signal of ["SIGINT", "SIGKILL"] as const) {
    for (let i = 0; i < RUNS; i++) {
      const root = await makeTmpDir(`kill-${mode}`);
      const dir = path.join(root, "out");
      await cp(pristine, dir, { recursive: true });
      await runChild(mode, dir, dataFile, signal, rnd() * full * 1.2);
      await recover(dir);
      const now = await hashTree(dir);
      const which = JSON.stringify(now) === JSON.stringify(trees.old) ? "old" : JSON.stringify(now) === JSON.stringify(trees.new) ? "new" : "mixed";
      expect(which, `${signal} run ${i}: the tree is neither the old nor the new one`).not.toBe("mixed");
      seen[which as "old" | "new"]++;
      expect(await readdir(root)).toEqual(["out"]);
      expect((await readdir(dir)).filter((n) => n.startsWith(".kqlgen-tmp-"))).toEqual([]);
      await rm(root, { recursive: true, force: true });
    }
  }
  return seen;
}

describe("kill loop", () => {
  it(`generate: ${RUNS} SIGINT and ${RUNS} SIGKILL at random moments leave the old or the new package, node_modules and dist in place`, async () => {
    const old = new Map<string, string>();
    const next = new Map<string, string>();
    for (let i = 0; i < 80; i++) {
      if (i % 10 !== 0) old.set(`src/tables/T${i}.ts`, `// table ${i}\nexport const v = ${i};\n`);
      if (i % 7 !== 0) next.set(`src/tables/T${i}.ts`, i % 2 ? `// table ${i}\nexport const v = ${i};\n` : `// table ${i}, changed\nexport const v = ${-i};\n`);
    }
    old.set("src/index.ts", "// old index\n");
    next.set("src/index.ts", "// new index\n");
    next.set("src/kql/New.ts", "// a new folder\n");
    const pristine = path.join(await makeTmpDir("kill-gen-pristine"), "out");
    await writeOutput(pristine, withOwnerMarker(old));
    await cp(path.join(REPO, "package.json"), path.join(pristine, "node_modules", "dep", "package.json"), { recursive: true });
    await cp(path.join(REPO, "package.json"), path.join(pristine, "dist", "index.js"), { recursive: true });
    const oldTree = await hashTree(pristine);
    const data = path.join(await makeTmpDir("kill-gen-data"), "files.json");
    await writeFile(data, JSON.stringify([...withOwnerMarker(next)]));
    const expectedNew = path.join(await makeTmpDir("kill-gen-new"), "out");
    await cp(pristine, expectedNew, { recursive: true });
    await writeOutput(expectedNew, withOwnerMarker(next));
    const newTree = await hashTree(expectedNew);
    expect(newTree["node_modules/dep/package.json"]).toBeDefined();

    const seen = await killLoop("generate", pristine, data, recoverOutput, { old: oldTree, new: newTree });
    expect(seen.old + seen.new).toBe(2 * RUNS);
    console.log(`generate kill loop: ${seen.old} runs left the old package, ${seen.new} the new one`);
  }, 900_000);

  it(`pull: ${RUNS} SIGINT and ${RUNS} SIGKILL during the snapshot write lose no snapshot`, async () => {
    const table = (name: string, extra: boolean): Table => ({
      name,
      columns: [
        { name: "Timestamp", type: "datetime", ordinal: 0 },
        { name: "Id", type: "string", ordinal: 1 },
        ...(extra ? [{ name: "Added", type: "long" as const, ordinal: 2 }] : []),
      ],
    });
    const names = Array.from({ length: 80 }, (_, i) => `Table${String(i).padStart(3, "0")}`);
    const pristine = path.join(await makeTmpDir("kill-pull-pristine"), "out");
    await writeSnapshots(pristine, names.filter((_, i) => i !== 5).map((n) => table(n, false)));
    // Table005 is defined by a CSV the pull replaces with a snapshot.
    await writeFile(path.join(pristine, "Table005.getschema.csv"), "ColumnName,ColumnType\nTimestamp,datetime\n");
    await writeFile(path.join(pristine, "README.md"), "the user's notes\n");
    const oldTree = await hashTree(pristine);
    const tables = names.map((n, i) => table(n, i % 2 === 0));
    const data = path.join(await makeTmpDir("kill-pull-data"), "tables.json");
    await writeFile(data, JSON.stringify(tables));
    const expectedNew = path.join(await makeTmpDir("kill-pull-new"), "out");
    await cp(pristine, expectedNew, { recursive: true });
    await writeSnapshots(expectedNew, tables);
    const newTree = await hashTree(expectedNew);
    expect(newTree["Table005.getschema.csv"]).toBeUndefined();

    const seen = await killLoop("pull", pristine, data, recoverSnapshots, { old: oldTree, new: newTree });
    expect(seen.old + seen.new).toBe(2 * RUNS);
    console.log(`pull kill loop: ${seen.old} runs left the old snapshots, ${seen.new} the new ones`);
  }, 900_000);
});
