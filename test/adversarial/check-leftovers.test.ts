/**
 * Issue 13: `check` notices what an interrupted generate left in or beside the
 * output folder (a staging folder with or without its journal, an older
 * kqlgen's temporary or `.old` folder, a dead run's lock) and says in one
 * line what to run, exit 1, instead of comparing a half-applied tree. The
 * named command then clears it, and check passes.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, cleanupTmpDirs, hashTree, makeTmpDir, writeTree } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo();
  const code = await main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

let schemas = "";
let config = "";
let pristine = "";

beforeAll(async () => {
  const root = await makeTmpDir("adv-leftovers");
  schemas = path.join(root, "schemas");
  await writeTree(schemas, { "Events.kqlgen.json": JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Events", columns: [{ name: "A", type: "string", ordinal: 0 }] }) });
  config = path.join(root, "kqlgen.config.json");
  await writeFile(config, JSON.stringify({ package: { name: "@t/leftovers" } }));
  pristine = path.join(root, "pristine");
  expect((await run("generate", "--schemas", schemas, "--out", pristine, "--config", config)).code).toBe(0);
});

/** A copy of the generated package, in a folder of its own. */
async function copy(): Promise<{ out: string; parent: string }> {
  const parent = await makeTmpDir("adv-leftovers-case");
  const out = path.join(parent, "out");
  await cp(pristine, out, { recursive: true });
  return { out, parent };
}

const check = (out: string) => run("check", "--schemas", schemas, "--out", out, "--config", config);
const generate = (out: string) => run("generate", "--schemas", schemas, "--out", out, "--config", config);

/** check: exit 1, exactly one line naming the leftover and the command; nothing on disk changed. Then generate clears it and check passes. */
async function expectReported(out: string, parent: string, named: RegExp): Promise<void> {
  const before = await hashTree(parent);
  const r = await check(out);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe("");
  expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stdout).toMatch(named);
  expect(r.stdout).toContain(`kqlgen: ${out}: an interrupted kqlgen run left `);
  expect(r.stdout.trimEnd()).toMatch(/run `kqlgen generate` to finish or roll it back, then check again$/);
  expect(await hashTree(parent)).toEqual(before);
  expect((await generate(out)).code).toBe(0);
  expect((await readdir(parent)).sort()).toEqual(["out"]);
  const again = await check(out);
  expect(again.stdout).toMatch(/is up to date/);
  expect(again.code).toBe(0);
}

describe("check after an interrupted generate", () => {
  it("a committed journal not yet applied (the package half old, half new): names the journal", async () => {
    const { out, parent } = await copy();
    // A run that committed a new src/index.ts and a deletion, and was killed before applying them.
    const staging = path.join(out, ".kqlgen-tmp-Ab12Cd");
    await mkdir(path.join(staging, "staged"), { recursive: true });
    await mkdir(path.join(staging, "aside"));
    const index = await readFile(path.join(out, "src", "index.ts"), "utf8");
    await writeFile(path.join(staging, "staged", "0"), `${index}// from the interrupted run\n`);
    await writeFile(path.join(staging, "journal.json"), JSON.stringify({ version: 1, entries: [{ rel: "src/index.ts", write: true }, { rel: "README.md", write: false }] }));
    await expectReported(out, parent, /\.kqlgen-tmp-Ab12Cd\/journal\.json \(changes committed but not all applied\)/);
  });

  it("a staging folder without a journal (killed while writing it)", async () => {
    const { out, parent } = await copy();
    await writeTree(path.join(out, ".kqlgen-tmp-Zz9"), { "staged/0": "half", "staged/1": "" });
    await expectReported(out, parent, /\.kqlgen-tmp-Zz9\/ \(an unfinished write\)/);
  });

  it("an older kqlgen's .old folder beside the output (with the user's node_modules in it)", async () => {
    const { out, parent } = await copy();
    await writeTree(path.join(parent, ".out.kqlgen-old-1234"), { "node_modules/dep/index.js": "module.exports = 1;\n", "package.json": "{}\n" });
    await writeTree(path.join(parent, ".out.kqlgen-tmp-1234"), { "package.json": "{}\n" });
    await expectReported(out, parent, /\.out\.kqlgen-old-1234\/ beside it and 1 more/);
    // The user's node_modules came home.
    expect(await readFile(path.join(out, "node_modules", "dep", "index.js"), "utf8")).toBe("module.exports = 1;\n");
  });

  it("the lock of a run that is gone", async () => {
    const { out, parent } = await copy();
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => child.once("exit", r));
    await writeFile(path.join(parent, ".out.kqlgen-lock"), `${child.pid}\nabc\n`);
    await expectReported(out, parent, /\.out\.kqlgen-lock beside it \(the lock of a run that is gone\)/);
  });

  it("no leftovers: check compares as before", async () => {
    const { out } = await copy();
    expect((await check(out)).code).toBe(0);
  });
});
