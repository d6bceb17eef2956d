/**
 * kqlgen in a project of its own (outside this repository), as a subprocess:
 * the config found by walking up, its `schemas` and `out`, warnings and
 * --strict, `init`, `--version`, and `check` on a CRLF checkout and with --stat.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./helpers/tree.js";

const BIN = path.join(REPO, "bin", "kqlgen.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kqlgen(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

// Outside the repository: its own kqlgen.config.json must not be found by walking up.
let root = "";
const TABLES = ["DeviceInfo.getschema.json", "AlertInfo.kqlgen.json"];

async function project(name: string, config: object | undefined): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, "schemas"), { recursive: true });
  for (const t of TABLES) await cp(path.join(REPO, "fixtures", t), path.join(dir, "schemas", t));
  if (config) await writeFile(path.join(dir, "kqlgen.config.json"), JSON.stringify(config, null, 2));
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "kqlgen-project-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a project's config", () => {
  it("is found by walking up: generate at the root, check from a subfolder", async () => {
    const dir = await project("walk", { schemas: "schemas", out: "gen/tables" });
    const gen = await kqlgen(dir, "generate");
    expect(gen.stderr).toBe("");
    expect(gen.stdout).toMatch(/^kqlgen: wrote 2 tables \(\d+ files\) to gen\/tables\n$/);
    await mkdir(path.join(dir, "src", "deep"), { recursive: true });
    const check = await kqlgen(path.join(dir, "src", "deep"), "check");
    expect(check.stdout).toMatch(/^kqlgen: \.\.\/\.\.\/gen\/tables is up to date \(\d+ files\)\n$/);
    expect(check.code).toBe(0);
    // --config names another config; its paths are relative to that file.
    const other = await kqlgen(root, "check", "--config", path.join(dir, "kqlgen.config.json"));
    expect(other.code).toBe(0);
  }, 300_000);

  it("without a config or --schemas, says how to start (kqlgen init)", async () => {
    const dir = path.join(root, "bare");
    await mkdir(dir, { recursive: true });
    const r = await kqlgen(dir, "generate");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no schemas folder: pass --schemas <dir> or name \"schemas\" in the config (no kqlgen.config.json in this folder or a folder above it); run `kqlgen init`");
  }, 300_000);

  it("an override naming a table the schemas lack is a warning (exit 0); --strict makes it an error (exit 2)", async () => {
    const dir = await project("warn", { schemas: "schemas", out: "out", columns: { "DeviceInfoo.Timestamp": { nullable: false } } });
    const r = await kqlgen(dir, "generate");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'kqlgen: warning: kqlgen.config.json (/columns/DeviceInfoo.Timestamp), table DeviceInfoo: no such table in the schemas (did you mean "DeviceInfo"?): the override is ignored\n',
    );
    const strict = await kqlgen(dir, "check", "--strict");
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("kqlgen: error: kqlgen.config.json (/columns/DeviceInfoo.Timestamp), table DeviceInfoo: no such table in the schemas");
  }, 300_000);

  it("an unknown key gets a did-you-mean; malformed JSON gets its line and column", async () => {
    const dir = await project("typo", { schemas: "schemas", out: "out", mapping: { unknownColumn: "error" } });
    const r = await kqlgen(dir, "generate");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kqlgen: error: kqlgen.config.json (/mapping): unknown key "unknownColumn" (did you mean "unknownColumns"?): expected one of "long", "formats", "unknownColumns", "missingColumns", "unsafeLongs"\n');
    await writeFile(path.join(dir, "kqlgen.config.json"), '{\n  "schemas": "schemas",\n  "out": "out"\n  "mapping": {}\n}\n');
    const bad = await kqlgen(dir, "generate");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kqlgen: error: kqlgen\.config\.json \(line 4, column 3\): malformed JSON \(.*\): expected a kqlgen config object\n$/);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  }, 300_000);
});

describe("check", () => {
  it("says in one line when files differ only in line ends (a CRLF checkout), and --stat lists the changed files", async () => {
    const dir = await project("crlf", { schemas: "schemas", out: "out" });
    expect((await kqlgen(dir, "generate")).code).toBe(0);
    expect(await readFile(path.join(dir, "out", ".gitattributes"), "utf8")).toContain("* text eol=lf");
    const copy = path.join(dir, "crlf-copy");
    await cp(path.join(dir, "out"), copy, { recursive: true });
    for (const rel of ["src/index.ts", "src/tables/DeviceInfo.ts", "README.md", "lib/index.js"]) {
      const file = path.join(copy, rel);
      await writeFile(file, (await readFile(file, "utf8")).replace(/\n/g, "\r\n"));
    }
    const r = await kqlgen(dir, "check", "--out", "crlf-copy");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "4 files in crlf-copy differ only in line ends (CRLF where kqlgen writes LF): README.md and 3 more. " +
        "Git converted them on checkout: the folder's .gitattributes (eol=lf) prevents it; run `kqlgen generate` to rewrite them.\n" +
        "crlf-copy is stale: 4 changed, 0 to create, 0 to delete. Run `kqlgen generate` and commit the result.\n",
    );
    // One real edit among them: --stat gives one line for it.
    const edited = path.join(copy, "src/tables/AlertInfo.ts");
    await writeFile(edited, (await readFile(edited, "utf8")).replace("export function", "// an edit\nexport function"));
    const stat = await kqlgen(dir, "check", "--out", "crlf-copy", "--stat");
    expect(stat.code).toBe(1);
    expect(stat.stdout.split("\n")[0]).toBe(" src/tables/AlertInfo.ts | +0 -1");
    expect(stat.stdout).not.toContain("@@");
    // The JavaScript is compared too.
    await writeFile(path.join(dir, "out", "lib", "stream.js"), "export {};\n");
    const js = await kqlgen(dir, "check", "--stat");
    expect(js.stdout).toContain(" lib/stream.js |");
  }, 300_000);
});

describe("init", () => {
  it("writes a config naming the folders, seeds the schemas with the Defender tables, writes a CI workflow; never overwrites", async () => {
    const dir = path.join(root, "init");
    await mkdir(dir, { recursive: true });
    const r = await kqlgen(dir, "init");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const config = JSON.parse(await readFile(path.join(dir, "kqlgen.config.json"), "utf8"));
    expect(config).toMatchObject({ schemas: "schemas", out: "generated" });
    const seeded = (await readdir(path.join(dir, "schemas"))).sort();
    const defender = (await readdir(path.join(REPO, "fixtures"))).filter((f) => /\.(json|csv)$/.test(f)).sort();
    expect(seeded).toEqual(defender);
    expect(seeded).toHaveLength(14);
    const workflow = await readFile(path.join(dir, ".github/workflows/kqlgen.yml"), "utf8");
    for (const step of ["npx kqlgen check", "npx kqlgen lint --schemas schemas --format sarif", "github/codeql-action/upload-sarif", "npx kqlgen pull --check"]) {
      expect(workflow).toContain(step);
    }
    const gen = await kqlgen(dir, "generate");
    expect(gen.code).toBe(0);
    expect(gen.stdout).toContain(`wrote ${seeded.length} tables`);

    const before = await readFile(path.join(dir, "kqlgen.config.json"), "utf8");
    const again = await kqlgen(dir, "init", "--empty");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("kqlgen: error: kqlgen.config.json: already exists: kqlgen init never overwrites; nothing was written");
    expect(again.stderr).toContain("kqlgen: error: schemas/: already exists");
    expect(await readFile(path.join(dir, "kqlgen.config.json"), "utf8")).toBe(before);
  }, 300_000);

  it("--empty creates the schemas folder empty", async () => {
    const dir = path.join(root, "init-empty");
    await mkdir(dir, { recursive: true });
    const r = await kqlgen(dir, "init", "--empty", "--no-ci", "--out", "pkg/tables");
    expect(r.code).toBe(0);
    expect(await readdir(path.join(dir, "schemas"))).toEqual([]);
    expect(existsSync(path.join(dir, ".github"))).toBe(false);
    expect(JSON.parse(await readFile(path.join(dir, "kqlgen.config.json"), "utf8")).out).toBe("pkg/tables");
  }, 300_000);
});

it("--version prints kqlgen's version", async () => {
  const r = await kqlgen(root, "--version");
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`${JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")).version}\n`);
}, 60_000);
