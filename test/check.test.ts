/**
 * `kqlgen check` finds every kind of drift (edited, added, deleted files) and
 * writes nothing; `kqlgen generate` replaces only its own folders, keeps the
 * user's node_modules/ and dist/, and leaves the old folder whole when a
 * write fails.
 */
import * as realFs from "node:fs/promises";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { captureIo, cleanupTmpDirs, hashTree, makeTmpDir, readTreeText, writeTree } from "./helpers/tree.js";

// writeFile and rename can be made to fail once, to simulate a full disk or a
// failed swap; otherwise they are node's own.
const failures = vi.hoisted(() => ({ writeFileAfter: -1, renameCall: -1, writes: 0, renames: 0 }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof fs.writeFile = (async (...args: Parameters<typeof fs.writeFile>) => {
    failWrite(String(args[0]));
    return fs.writeFile(...args);
  }) as typeof fs.writeFile;
  const rename: typeof fs.rename = async (from, to) => {
    failRename(String(from), String(to));
    return fs.rename(from, to);
  };
  return { ...fs, writeFile, rename, default: { ...fs, writeFile, rename } };
});
// Staged files are written, and changes applied, with the synchronous calls.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof fs.writeFileSync = (...args: Parameters<typeof fs.writeFileSync>) => {
    failWrite(String(args[0]));
    return fs.writeFileSync(...args);
  };
  const renameSync: typeof fs.renameSync = (from, to) => {
    failRename(String(from), String(to));
    return fs.renameSync(from, to);
  };
  return { ...fs, writeFileSync, renameSync, default: { ...fs, writeFileSync, renameSync } };
});
function failWrite(file: string): void {
  if (failures.writeFileAfter >= 0 && failures.writes++ === failures.writeFileAfter) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, open '${file}'`), { code: "ENOSPC", errno: -28, syscall: "open" });
  }
}
function failRename(from: string, to: string): void {
  if (failures.renameCall >= 0 && failures.renames++ === failures.renameCall) {
    throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: "EXDEV", errno: -18, syscall: "rename" });
  }
}

afterEach(() => {
  Object.assign(failures, { writeFileAfter: -1, renameCall: -1, writes: 0, renames: 0 });
});
afterAll(cleanupTmpDirs);

const SCHEMAS: Record<string, string> = {
  "Events.getschema.csv":
    "ColumnName,ColumnOrdinal,DataType,ColumnType\nTimestamp,0,System.DateTime,datetime\nDeviceId,1,System.String,string\nReportId,2,System.Int64,long\n",
  "Info.kqlgen.json": JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Info", columns: [{ name: "Name", type: "string", ordinal: 0 }] }),
};

let root = "";
let schemas = "";
let config = "";
/** A folder generate wrote, never modified: copy it per test. */
let pristine = "";
let fileCount = 0;

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo();
  const code = await main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

const check = (out: string, schemaDir = schemas) => run("check", "--schemas", schemaDir, "--out", out, "--config", config);
const generate = (out: string, schemaDir = schemas) => run("generate", "--schemas", schemaDir, "--out", out, "--config", config);

/** A fresh copy of the generated package. */
async function copyOfPristine(name: string): Promise<string> {
  const dir = path.join(await makeTmpDir(name), "out");
  await realFs.cp(pristine, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await makeTmpDir("check");
  schemas = path.join(root, "schemas");
  await writeTree(schemas, SCHEMAS);
  config = path.join(root, "kqlgen.config.json");
  await writeFile(config, "{}\n");
  pristine = path.join(root, "pristine");
  const r = await generate(pristine);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  fileCount = Object.keys(await hashTree(pristine)).filter((p) => !p.endsWith("/")).length;
  expect(r.stdout).toBe(`kqlgen: wrote 2 tables (${fileCount} files) to ${pristine}\n`);
});

describe("check", () => {
  it("exits 0 on an unchanged folder and writes nothing", async () => {
    const out = await copyOfPristine("unchanged");
    const before = await hashTree(out);
    const r = await check(out);
    expect(r).toEqual({ code: 0, stdout: `kqlgen: ${out} is up to date (${fileCount} files)\n`, stderr: "" });
    expect(await hashTree(out)).toEqual(before);
  });

  it("an edited file: exit 1 and a unified diff of it", async () => {
    const out = await copyOfPristine("edited");
    const rel = "src/tables/Events.ts";
    const text = await readFile(path.join(out, rel), "utf8");
    const line = text.split("\n").find((l) => l.includes("ReportId"))!;
    expect(line).toBeDefined();
    await writeFile(path.join(out, rel), text.replace(line, `${line} // hand edit`));
    const before = await hashTree(out);
    // (hashTree sees a one-line edit: the "tree unchanged" checks can fail.)
    expect(before).not.toEqual(await hashTree(pristine));

    const r = await check(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`--- a/${rel}`);
    expect(r.stdout).toContain(`+++ b/${rel}`);
    expect(r.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/m);
    // The diff goes from what is on disk (a) to what generate would write (b).
    expect(r.stdout.split("\n")).toContain(`-${line} // hand edit`);
    expect(r.stdout.split("\n")).toContain(`+${line}`);
    expect(r.stdout).not.toContain("would create");
    expect(r.stdout).not.toContain("would delete");
    expect(r.stdout).toContain(`${out} is stale: 1 changed, 0 to create, 0 to delete. Run \`kqlgen generate\` and commit the result.`);
    expect(await hashTree(out)).toEqual(before);
  });

  it("a stray file: exit 1 and 'would delete' lists it", async () => {
    const out = await copyOfPristine("stray");
    await writeTree(out, { "src/notes.ts": "export const x = 1;\n" });
    const before = await hashTree(out);
    const r = await check(out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`would delete from ${out}:\n  src/notes.ts\n`);
    expect(r.stdout).not.toContain("--- a/");
    expect(r.stdout).toContain("0 changed, 0 to create, 1 to delete");
    expect(await hashTree(out)).toEqual(before);
  });

  it("a deleted generated file: exit 1 and 'would create' lists it", async () => {
    const out = await copyOfPristine("deleted");
    await rm(path.join(out, "schemas/Info.schema.json"));
    const before = await hashTree(out);
    const r = await check(out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`would create in ${out}:\n  schemas/Info.schema.json\n`);
    expect(r.stdout).toContain("0 changed, 1 to create, 0 to delete");
    expect(await hashTree(out)).toEqual(before);
  });

  it("an edited, a stray and a deleted file at once are all listed", async () => {
    const out = await copyOfPristine("all-three");
    const readme = path.join(out, "README.md");
    await writeFile(readme, (await readFile(readme, "utf8")) + "\nlocal note\n");
    await writeTree(out, { "extra.json": "{}\n" });
    await rm(path.join(out, "src/tables/Info.ts"));
    const before = await hashTree(out);
    const r = await check(out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("--- a/README.md\ton disk\n+++ b/README.md\tgenerated\n");
    expect(r.stdout.split("\n")).toContain("-local note");
    expect(r.stdout).toContain(`would create in ${out}:\n  src/tables/Info.ts\n`);
    expect(r.stdout).toContain(`would delete from ${out}:\n  extra.json\n`);
    expect(r.stdout).toContain(`${out} is stale: 1 changed, 1 to create, 1 to delete.`);
    expect(await hashTree(out)).toEqual(before);
  });

  it("a missing output folder: every file is to create, and the folder is not made", async () => {
    const parent = await makeTmpDir("missing");
    const out = path.join(parent, "never-generated");
    const r = await check(out);
    expect(r.code).toBe(1);
    const listed = r.stdout.split("\n").filter((l) => l.startsWith("  "));
    expect(listed.map((l) => l.trim()).sort()).toEqual(Object.keys(await hashTree(pristine)).filter((p) => !p.endsWith("/")).sort());
    expect(r.stdout).toContain(`would create in ${out}:\n`);
    expect(r.stdout).toContain(`0 changed, ${fileCount} to create, 0 to delete`);
    expect(await readdir(parent)).toEqual([]);
  });

  it("ignores the user's node_modules/ and dist/ inside the folder", async () => {
    const out = await copyOfPristine("kept");
    await writeTree(out, { "node_modules/x/index.js": "1\n", "dist/index.js": "2\n" });
    const r = await check(out);
    expect(r.code).toBe(0);
  });

  it("a schema change shows up as drift", async () => {
    const out = await copyOfPristine("schema-change");
    const changed = path.join(await makeTmpDir("schemas-changed"), "schemas");
    await writeTree(changed, { ...SCHEMAS, "Events.getschema.csv": SCHEMAS["Events.getschema.csv"]! + "Extra,3,System.Guid,guid\n" });
    const r = await check(out, changed);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("+++ b/src/tables/Events.ts");
    expect(r.stdout).toContain("+++ b/schemas/Events.schema.json");
    expect(r.stdout).toMatch(/^\+.*Extra/m);
  });
});

describe("generate", () => {
  it("replaces its own folder, keeping node_modules/ and dist/", async () => {
    const out = await copyOfPristine("regenerate");
    await writeTree(out, { "node_modules/dep/index.js": "module.exports = 1;\n", "dist/index.js": "export {};\n", "src/stray.ts": "stale\n" });
    const changed = path.join(await makeTmpDir("schemas-regen"), "schemas");
    await writeTree(changed, { ...SCHEMAS, "More.csv": "ColumnName,ColumnType\nA,int\n" });

    const r = await generate(out, changed);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = await readTreeText(out);
    expect(files.get("node_modules/dep/index.js")).toBe("module.exports = 1;\n");
    expect(files.get("dist/index.js")).toBe("export {};\n");
    expect(files.has("src/stray.ts")).toBe(false);
    expect(files.has("src/tables/More.ts")).toBe(true);
    // Nothing else is left next to the folder (no temporary or old copies).
    expect(await readdir(path.dirname(out))).toEqual(["out"]);
    expect((await check(out, changed)).code).toBe(0);
  });

  it("writes into an empty existing folder", async () => {
    const out = path.join(await makeTmpDir("empty-out"), "out");
    await mkdir(out);
    const r = await generate(out);
    expect(r.code).toBe(0);
    expect(await hashTree(out)).toEqual(await hashTree(pristine));
  });

  it.each([
    { title: "a folder of the user's files", files: { "index.ts": "export const mine = 1;\n" } },
    { title: "a package that is not kqlgen's", files: { "package.json": '{"name":"mine","description":"hand written"}\n', "src/index.ts": "x\n" } },
    { title: "a package whose description mentions kqlgen", files: { "package.json": '{"name":"mine","description":"uses the package Generated by kqlgen"}\n', "src/index.ts": "x\n" } },
    { title: "a folder with a marker file kqlgen did not write", files: { ".kqlgen-generated": "mine\n", "src/index.ts": "x\n" } },
  ])("refuses to replace $title: exit 2, folder untouched", async ({ files }) => {
    const out = path.join(await makeTmpDir("foreign"), "out");
    await writeTree(out, files);
    const before = await hashTree(out);
    const r = await generate(out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `kqlgen: error: ${out}: refusing to replace this folder: it is not empty and is not a package kqlgen generated (no .kqlgen-generated file written by kqlgen). Choose another --out or empty it\n`,
    );
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(path.dirname(out))).toEqual(["out"]);
  });

  // A read-only parent folder does not stop root (these machines run tests as
  // root), so the failures are injected into node:fs and node:fs/promises instead.
  it("a write that fails half-way (disk full) leaves the old folder exactly as it was", async () => {
    const out = await copyOfPristine("write-fails");
    await writeTree(out, { "node_modules/marker": "mine\n" });
    const before = await hashTree(out);
    const changed = path.join(await makeTmpDir("schemas-fail"), "schemas");
    await writeTree(changed, { ...SCHEMAS, "More.csv": "ColumnName,ColumnType\nA,int\n" });

    failures.writeFileAfter = 5;
    const r = await generate(out, changed);
    expect(failures.writes).toBeGreaterThan(5);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("ENOSPC");
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(path.dirname(out))).toEqual(["out"]);
  });

  it("a failed write is reported as an error naming the folder and the reason, without a stack trace", async () => {
    const out = await copyOfPristine("write-fails-message");
    const changed = path.join(await makeTmpDir("schemas-fail-message"), "schemas");
    await writeTree(changed, { ...SCHEMAS, "More.csv": "ColumnName,ColumnType\nA,int\n" });
    failures.writeFileAfter = 0;
    const r = await generate(out, changed);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(1); // 1 means "check failed"
    expect(r.stderr).toMatch(/^kqlgen: error: /);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toContain("ENOSPC");
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a swap that fails (rename of the new folder) puts the old folder back", async () => {
    const out = await copyOfPristine("swap-fails");
    await writeTree(out, { "node_modules/marker": "mine\n", "dist/index.js": "built\n" });
    const before = await hashTree(out);
    const changed = path.join(await makeTmpDir("schemas-swap"), "schemas");
    await writeTree(changed, { ...SCHEMAS, "More.csv": "ColumnName,ColumnType\nA,int\n" });

    // Rename #0 commits the journal; #1 and #2 move two changed files in; #3 fails and everything is undone.
    failures.renameCall = 3;
    const r = await generate(out, changed);
    expect(failures.renames).toBeGreaterThan(1);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("EXDEV");
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(path.dirname(out))).toEqual(["out"]);
  });
});
