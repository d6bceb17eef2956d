/**
 * The real `kqlgen` binary as a user runs it (bin/kqlgen.js → dist/, built by
 * `npm test` before vitest). Few runs: each costs a Node start-up.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_SCHEMAS, cleanupTmpDirs, hashTree, listAll, makeTmpDir, REPO } from "./helpers/tree.js";

const BIN = path.join(REPO, "bin", "kqlgen.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kqlgen(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

afterAll(cleanupTmpDirs);

let schemas = "";
let out = "";

beforeAll(async () => {
  if (!existsSync(path.join(REPO, "dist", "src", "cli", "main.js"))) {
    throw new Error("dist/ is not built: run `npx tsc -p .` (npm test does) before this test");
  }
  const dir = await makeTmpDir("cli");
  schemas = path.join(dir, "schemas");
  out = path.join(dir, "out");
  await cp(ALL_SCHEMAS, schemas, { recursive: true });
});

describe("kqlgen (subprocess)", () => {
  it("generate writes the package for the fixtures (with the repo's kqlgen.config.json) and prints a summary", async () => {
    const r = await kqlgen("generate", "--schemas", schemas, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = (await listAll(out)).filter((p) => !p.endsWith("/"));
    expect(r.stdout).toBe(`kqlgen: wrote 18 tables (${files.length} files) to ${out}\n`);
    expect(files).toEqual(expect.arrayContaining(["package.json", "src/index.ts", "src/stream.ts", "src/tables/DeviceProcessEvents.ts", "schemas/KqlgenAllTypes.schema.json"]));
    // The repo's config was picked up from the working folder: its package name is in package.json.
    expect(JSON.parse(await readFile(path.join(out, "package.json"), "utf8")).name).toBe("@kqlgen/defender-hunting-tables");
  });

  it("check exits 1 with a diff on a stale folder, and writes nothing", async () => {
    const stale = `${out}-stale`;
    await cp(out, stale, { recursive: true });
    const rel = "src/tables/DeviceInfo.ts";
    const text = await readFile(path.join(stale, rel), "utf8");
    await writeFile(path.join(stale, rel), text.replace("DeviceId", "DeviceID"));
    const before = await hashTree(stale);

    const r = await kqlgen("check", "--schemas", schemas, "--out", stale);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--- a/${rel}`);
    expect(r.stdout).toContain(`+++ b/${rel}`);
    expect(r.stdout).toMatch(/^-.*DeviceID/m);
    expect(r.stdout).toMatch(/^\+.*DeviceId/m);
    expect(r.stdout).toContain(`${stale} is stale: 1 changed, 0 to create, 0 to delete.`);
    expect(await hashTree(stale)).toEqual(before);
  });

  // Usage errors are independent of each other: run them side by side.
  it.concurrent("--help exits 0 and lists the commands", async () => {
    const r = await kqlgen("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kqlgen /);
    expect(r.stdout).toMatch(/^\s+generate \[options\]\s+write the generated package/m);
    expect(r.stdout).toMatch(/^\s+check \[options\]\s+exit 1 with a diff/m);
  });

  it.concurrent.each([
    { title: "an unknown command", args: ["frobnicate"], want: "error: unknown command 'frobnicate'" },
    { title: "an unknown option", args: ["generate", "--frobnicate"], want: "error: unknown option '--frobnicate'" },
  ])("$title exits 2 with a usage error", async ({ args, want }) => {
    const r = await kqlgen(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(want);
    expect(r.stderr).toContain("(run kqlgen --help for usage)");
  });
});
