/**
 * Issue 13, generate side: hostile table names, column names and column
 * schemas. Each attack asserts the exit code, one line naming the file, table
 * and column, no stack, and an output folder left byte-identical; the ones
 * that must succeed give a package that compiles and behaves.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { compile, type GeneratedModule } from "../helpers/generated.js";
import { captureIo, cleanupTmpDirs, hashTree, makeTmpDir, writeTree } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo();
  const code = await main(argv, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

const snapshot = (table: string, columns: [string, string][]) =>
  JSON.stringify({ format: "kqlgen.snapshot/v1", table, columns: columns.map(([name, type], ordinal) => ({ name, type, ordinal })) });

/** A schemas folder of the given tables (one string column each unless given). */
async function schemas(tables: Record<string, [string, string][]>): Promise<string> {
  const dir = path.join(await makeTmpDir("adv-schemas"), "schemas");
  await writeTree(dir, Object.fromEntries(Object.entries(tables).map(([t, cols]) => [`${t}.kqlgen.json`, snapshot(t, cols)])));
  return dir;
}

let base = "";
/** An output folder holding a package generated earlier, to prove a failed run leaves it as it was. */
let existing = "";

beforeAll(async () => {
  base = await schemas({ Base: [["A", "string"]] });
  existing = path.join(await makeTmpDir("adv-out"), "out");
  const r = await run("generate", "--schemas", base, "--out", existing, "--config", await config({}));
  expect(r.code).toBe(0);
});

async function config(json: object): Promise<string> {
  const file = path.join(await makeTmpDir("adv-config"), "kqlgen.config.json");
  await writeFile(file, JSON.stringify(json));
  return file;
}

/** Runs generate into the existing package; asserts a one-line refusal without stack and the folder untouched. */
async function refused(schemaDir: string, cfg: string, code = 2) {
  const before = await hashTree(existing);
  const r = await run("generate", "--schemas", schemaDir, "--out", existing, "--config", cfg);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(await hashTree(existing)).toEqual(before);
  expect(await (await import("node:fs/promises")).readdir(path.dirname(existing))).toEqual(["out"]);
  return r.stderr;
}

/** Generates into a fresh folder, compiles it with tsc --strict and imports it. */
async function generatedPackage(schemaDir: string, cfg: string): Promise<{ dir: string; module: GeneratedModule }> {
  const dir = path.join(await makeTmpDir("adv-pkg"), "out");
  const r = await run("generate", "--schemas", schemaDir, "--out", dir, "--config", cfg);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  await compile(dir);
  return { dir, module: (await import(pathToFileURL(path.join(dir, "dist/index.js")).href)) as GeneratedModule };
}

describe("table names: one naming function for every emitter", () => {
  it("myTable and nginx_access_CL keep their names in the type, validators, KQL and stream; the package compiles", async () => {
    const dir = await schemas({ myTable: [["A", "string"]], nginx_access_CL: [["TimeGenerated", "datetime"], ["status", "int"]] });
    const { dir: out, module } = await generatedPackage(dir, await config({}));
    const types = await readFile(path.join(out, "src/tables/nginx_access_CL.ts"), "utf8");
    expect(types).toContain("export interface nginx_access_CL {");
    expect(await readFile(path.join(out, "src/tables/myTable.ts"), "utf8")).toContain("export interface myTable {");
    expect(module.validatenginx_access_CL({ TimeGenerated: null, status: 200 }).ok).toBe(true);
    expect(module.ismyTable({ A: "x" })).toBe(true);
    expect(module.nginx_access_CLKql.take(1).toString()).toContain("nginx_access_CL");
    const body = { records: [{ time: "2026-12-01T00:00:00Z", tenantId: "6a9b4b1e-2b7e-4c2a-9a43-5c1e0e1c1a11", category: "AdvancedHunting-myTable", properties: { A: "a", MachineGroup: "g" } }] };
    const parsed = module.parseEventHubsMessage(body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(1);
  }, 120_000);

  it.each([
    ["class", "its name is a reserved word in TypeScript"],
    ["default", "its name is a reserved word in TypeScript"],
    ["Record", "its generated name Record (the row type) is TypeScript's global Record"],
    ["TableInfo", "its generated name TableInfo (the row type) is a name of the package's runtime"],
    ["StreamRecord", "its generated name StreamRecord (the row type) is a name the generated package already declares"],
  ])("a table named %s is refused with one line naming its file", async (table, why) => {
    const dir = await schemas({ [table]: [["A", "string"]] });
    const err = await refused(dir, await config({}));
    expect(err).toBe(`kqlgen: error: ${dir}/${table}.kqlgen.json, table ${table}: ${err.slice(err.indexOf(why))}`);
    expect(err).toContain(why);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("two tables wanting one name (Foo's FooKql and a table FooKql) are refused, naming both", async () => {
    const dir = await schemas({ Foo: [["A", "string"]], FooKql: [["B", "string"]] });
    const err = await refused(dir, await config({}));
    expect(err).toBe(
      `kqlgen: error: ${dir}/FooKql.kqlgen.json, table FooKql: its generated name FooKql (the row type) is also the kql name of table Foo (${dir}/Foo.kqlgen.json): expected a table name whose generated names are free; leave this table out or rename it in its file\n`,
    );
  });
});

describe("prototype-named columns", () => {
  it("__proto__, hasOwnProperty, constructor and toString generate a package whose validators read own properties only", async () => {
    const dir = await schemas({
      Proto: [["__proto__", "string"], ["hasOwnProperty", "long"], ["constructor", "dynamic"], ["toString", "string"]],
    });
    const { module } = await generatedPackage(dir, await config({}));
    const row = JSON.parse('{"__proto__":"p","hasOwnProperty":1,"constructor":{"x":1},"toString":"s"}');
    expect(module.validateProto(row).ok).toBe(true);
    expect(module.validateProto(row).unknownColumns).toEqual([]);
    // A row without `constructor` lacks the column: it is not read from Object.prototype.
    const missing = JSON.parse('{"__proto__":"p","hasOwnProperty":1,"toString":"s","Extra":1}');
    const result = module.validateProto(missing);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { column: string }) => e.column)).toEqual(["constructor"]);
    expect(result.unknownColumns).toEqual(["Extra"]);
    expect(module.isProto({ hasOwnProperty: 1, constructor: null, toString: "s" })).toBe(false);
  }, 120_000);
});

describe("prototype-named columns with long modes", () => {
  it("a table with a `constructor` column and bigint longs compiles, and its KQL helper reads no inherited long mode", async () => {
    const dir = await schemas({ ProtoLong: [["constructor", "string"], ["ReportId", "long"], ["toString", "long"]] });
    const { module } = await generatedPackage(dir, await config({ columns: { "ProtoLong.ReportId": { long: "bigint" } } }));
    expect(module.validateProtoLong({ constructor: "c", ReportId: 5, toString: 1 }).value.ReportId).toBe(5n);
    const text = module.ProtoLongKql.project("constructor", "ReportId").take(1).toString();
    expect(text).toContain("constructor");
  }, 120_000);
});

describe("dynamic column schemas in the config", () => {
  const table = { Dyn: [["Timestamp", "datetime"], ["Data", "dynamic"]] as [string, string][] };
  const withSchema = (schema: unknown) => config({ columns: { "Dyn.Data": { schema } } });

  it("a tsType that is code, not a type, is refused: nothing runs, nothing is written", async () => {
    const dir = await schemas(table);
    const payload = 'string;}\nconsole.error("PWNED");\nexport interface X{x:string';
    const cfg = await withSchema({ tsType: payload });
    const err = await refused(dir, cfg);
    expect(err).toBe(
      `kqlgen: error: ${cfg} (/columns/Dyn.Data/schema), table Dyn, column "Data": tsType ${JSON.stringify(payload)} is not a single TypeScript type expression: expected a type such as "string[]" or "{ id: string }"\n`,
    );
  });

  it.each([
    ["an import type", { tsType: 'import("node:fs").Stats' }],
    ["a typeof query", { tsType: "typeof process" }],
  ])("a tsType holding %s is refused", async (what, schema) => {
    const err = await refused(await schemas(table), await withSchema(schema));
    expect(err).toContain(`holds ${what}`);
  });

  it("a tsType that is a type is re-printed from its syntax tree into the row type", async () => {
    const dir = await schemas(table);
    const { dir: out } = await generatedPackage(dir, await withSchema({ type: "object", tsType: "Array<{ id: string /* */ }>" }));
    expect(await readFile(path.join(out, "src/tables/Dyn.ts"), "utf8")).toContain("  Data: Array<{ id: string }> | null;\n");
  }, 120_000);

  it.each([
    ["a file", "file:///etc/passwd"],
    ["an http URL", "http://127.0.0.1:9/schema.json"],
    ["a relative file", "other.json#/x"],
  ])("a $ref to %s is refused: nothing is read or fetched", async (_what, ref) => {
    const cfg = await withSchema({ type: "object", properties: { a: { $ref: ref } } });
    const err = await refused(await schemas(table), cfg);
    expect(err).toBe(
      `kqlgen: error: ${cfg} (/columns/Dyn.Data/schema/properties/a/$ref), table Dyn, column "Data": $ref ${JSON.stringify(ref)} is not a local reference: expected "#" or "#/$defs/..." (kqlgen reads no files and fetches nothing while generating)\n`,
    );
  });

  it.each([
    ["$ref to itself", { $ref: "#" }],
    ["$defs that refer to each other", { $defs: { a: { $ref: "#/$defs/b" }, b: { allOf: [{ $ref: "#/$defs/a" }] } }, $ref: "#/$defs/a" }],
  ])("a schema whose %s never reaches into the value is refused", async (_what, schema) => {
    const err = await refused(await schemas(table), await withSchema(schema));
    expect(err).toContain("refers to itself without reaching into the value");
  });

  it("a $ref to nothing is refused", async () => {
    const err = await refused(await schemas(table), await withSchema({ $ref: "#/$defs/missing" }));
    expect(err).toContain('$ref "#/$defs/missing" points to nothing in this schema');
  });

  it("local $defs resolve, a recursive schema validates, and a value nested too deep is invalid rather than a crash", async () => {
    const tree = { $defs: { node: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } }, required: ["name"] } }, $ref: "#/$defs/node" };
    const { dir: out, module } = await generatedPackage(await schemas(table), await withSchema(tree));
    expect(await readFile(path.join(out, "src/tables/Dyn.ts"), "utf8")).toMatch(/Data: \{ name: string; children\?: /);
    expect(module.validateDyn({ Timestamp: null, Data: { name: "a", children: [{ name: "b", children: [] }] } }).ok).toBe(true);
    const bad = module.validateDyn({ Timestamp: null, Data: { name: "a", children: [{ children: [] }] } });
    expect(bad.ok).toBe(false);
    expect(bad.errors[0].column).toBe("Data");
    let deep: unknown = { name: "leaf" };
    for (let i = 0; i < 200_000; i++) deep = { name: "n", children: [deep] };
    const r = module.validateDyn({ Timestamp: null, Data: deep });
    expect(r.ok).toBe(false);
  }, 120_000);
});

describe("the output folder", () => {
  it("a package.json that merely mentions 'Generated by kqlgen' does not make a folder kqlgen's", async () => {
    const out = path.join(await makeTmpDir("adv-myapp"), "myapp");
    await writeTree(out, { "package.json": JSON.stringify({ name: "myapp", description: "uses the package Generated by kqlgen" }), "src/app.ts": "export {};\n" });
    const before = await hashTree(out);
    const r = await run("generate", "--schemas", base, "--out", out, "--config", await config({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `kqlgen: error: ${out}: refusing to replace this folder: it is not empty and is not a package kqlgen generated (no .kqlgen-generated file written by kqlgen). Choose another --out or empty it\n`,
    );
    expect(await hashTree(out)).toEqual(before);
  });

  it("a symlinked --out is written through: the link stays a link, the package lands in its target", async () => {
    const root = await makeTmpDir("adv-link");
    const target = path.join(root, "real");
    await mkdir(target);
    const link = path.join(root, "link");
    await symlink(target, link);
    const r = await run("generate", "--schemas", base, "--out", link, "--config", await config({}));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(existsSync(path.join(target, "src/tables/Base.ts"))).toBe(true);
    expect((await run("check", "--schemas", base, "--out", link, "--config", await config({}))).code).toBe(0);
  });

  it("a symlink to nothing is refused", async () => {
    const root = await makeTmpDir("adv-dangling");
    await symlink(path.join(root, "missing"), path.join(root, "link"));
    const r = await run("generate", "--schemas", base, "--out", path.join(root, "link"), "--config", await config({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is a symlink to a folder that does not exist");
  });

  it("files whose bytes do not change are not rewritten (same inode, same mtime); changed ones are", async () => {
    const out = path.join(await makeTmpDir("adv-untouched"), "out");
    const cfg = await config({});
    const two = await schemas({ Base: [["A", "string"]], Other: [["B", "int"]] });
    expect((await run("generate", "--schemas", two, "--out", out, "--config", cfg)).code).toBe(0);
    const files = ["src/tables/Base.ts", "src/tables/Other.ts", "src/index.ts", "package.json"];
    const before = await Promise.all(files.map((f) => stat(path.join(out, f))));
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(path.join(two, "Other.kqlgen.json"), snapshot("Other", [["B", "int"], ["C", "string"]]));
    expect((await run("generate", "--schemas", two, "--out", out, "--config", cfg)).code).toBe(0);
    const after = await Promise.all(files.map((f) => stat(path.join(out, f))));
    const same = (i: number) => before[i]!.ino === after[i]!.ino && before[i]!.mtimeMs === after[i]!.mtimeMs;
    // package.json changes too: it records the fingerprint of the schemas (`kqlgen.inputs`).
    expect([same(0), same(1), same(2), same(3)]).toEqual([true, false, true, false]);
  });
});

describe("the folder lock", () => {
  it("a second generate waits for the first; a lock held too long fails with one clear line", async () => {
    const out = path.join(await makeTmpDir("adv-lock"), "out");
    const cfg = await config({});
    // A live process holds the lock.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await writeFile(path.join(path.dirname(out), ".out.kqlgen-lock"), `${holder.pid}\n`);
      process.env.KQLGEN_LOCK_TIMEOUT_MS = "300";
      const r = await run("generate", "--schemas", base, "--out", out, "--config", cfg);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^kqlgen: waiting for another kqlgen run \\(process ${holder.pid}\\) writing ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\nkqlgen: error: ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: another kqlgen run \\(process ${holder.pid}\\) is writing this folder: waited 0 s`));
      expect(existsSync(out)).toBe(false);
    } finally {
      delete process.env.KQLGEN_LOCK_TIMEOUT_MS;
      holder.kill("SIGKILL");
    }
    await new Promise((r) => holder.once("exit", r));
    // The holder died without unlocking: its lock is taken over.
    const r = await run("generate", "--schemas", base, "--out", out, "--config", cfg);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(path.join(path.dirname(out), ".out.kqlgen-lock"))).toBe(false);
  });
});

describe("concurrent generates", () => {
  it("two generates into one folder at once: both succeed one after the other, the folder is one whole package", async () => {
    const root = await makeTmpDir("adv-concurrent");
    const out = path.join(root, "out");
    const cfg = await config({});
    const a = await schemas({ Alpha: [["A", "string"]], Shared: [["S", "int"]] });
    const b = await schemas({ Beta: [["B", "string"]], Shared: [["S", "long"]] });
    const bin = path.join(process.cwd(), "bin", "kqlgen.js");
    const gen = (dir: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, "generate", "--schemas", dir, "--out", out, "--config", cfg], { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        child.on("close", (code) => resolve({ code, stderr }));
      });
    const [ra, rb] = await Promise.all([gen(a), gen(b)]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(`${ra.stderr}${rb.stderr}`).not.toMatch(/error/);
    const tables = (await (await import("node:fs/promises")).readdir(path.join(out, "src", "tables"))).sort();
    expect([["Alpha.ts", "Shared.ts"], ["Beta.ts", "Shared.ts"]]).toContainEqual(tables);
    const winner = tables[0] === "Alpha.ts" ? a : b;
    expect((await run("check", "--schemas", winner, "--out", out, "--config", cfg)).code).toBe(0);
    expect(await (await import("node:fs/promises")).readdir(root)).toEqual(["out"]);
  }, 120_000);
});
