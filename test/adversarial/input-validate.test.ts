/**
 * Hostile data for `kqlgen validate`: millions of distinct unknown names,
 * link loops in data folders, invalid UTF-8, empty input, standard input,
 * escape sequences in names, huge values. Memory is measured on the real
 * binary (child process under /usr/bin/time).
 */
import { execFile, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, cleanupTmpDirs, makeTmpDir, REPO, writeTree } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

const BIN = path.join(REPO, "bin", "kqlgen.js");
const TENANT = "72f988bf-0000-0000-0000-000000000000";
let dir: string;
let schemas: string;
let config: string;

/** A record of table T, valid unless `properties` says otherwise. */
function record(properties: Record<string, unknown> = {}, category = "AdvancedHunting-T"): string {
  return JSON.stringify({ time: "2026-01-01T00:00:00Z", tenantId: TENANT, category, properties: { Timestamp: "2026-01-01T00:00:00Z", Name: "x", MachineGroup: "g", ...properties } });
}

async function validate(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const cap = captureIo();
  const code = await main(["validate", "--schemas", schemas, "--config", config, ...args], cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

function child(args: readonly string[], input?: Buffer): Promise<{ code: number; stdout: string; stderr: string; rssMb: number }> {
  return new Promise((resolve) => {
    const p = spawn("/usr/bin/time", ["-f", "KQLGEN_MAXRSS_KB=%M", process.execPath, BIN, ...args], { cwd: REPO, env: { ...process.env, KQLGEN_DEBUG: "" } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => {
      const m = /KQLGEN_MAXRSS_KB=(\d+)\s*$/.exec(stderr);
      resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?KQLGEN_MAXRSS_KB=\d+\s*$/, ""), rssMb: m ? Number(m[1]) / 1024 : NaN });
    });
    if (input) p.stdin.end(input);
    else p.stdin.end();
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(REPO, "dist", "src", "cli", "main.js"))) throw new Error("dist/ is not built: run `npm run build` first");
  dir = await makeTmpDir("adv-validate");
  schemas = path.join(dir, "schemas");
  await writeTree(schemas, { "T.csv": "ColumnName,ColumnType\nTimestamp,datetime\nName,string\n" });
  config = path.join(dir, "config.json");
  await writeFile(config, "{}\n");
  // Guard: a plain record is valid, so the cases below fail for their own reason.
  await writeFile(path.join(dir, "ok.json"), record() + "\n");
  const r = await validate(path.join(dir, "ok.json"));
  expect(r.out).toContain("OK: every record matches its schema.");
  expect(r.code).toBe(0);
});

describe("bounded memory", () => {
  it("1 million distinct unknown columns: 1,000 listed, the rest counted; memory measured", async () => {
    const file = path.join(dir, "unknown-columns.json");
    const out = createWriteStream(file);
    const perRecord = 100;
    for (let r = 0; r < 10_000; r++) {
      const props: Record<string, number> = {};
      for (let c = 0; c < perRecord; c++) props[`U${r * perRecord + c}`] = 1;
      if (!out.write(record(props) + "\n")) await new Promise((resolve) => out.once("drain", resolve));
    }
    await new Promise((resolve) => out.end(resolve));
    const r = await child(["validate", "--schemas", schemas, "--config", config, "--format", "json", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { tables: { table: string; unknownColumns: unknown[]; unknownColumnsNotListed?: number }[]; records: { read: number } };
    expect(report.records.read).toBe(10_000);
    const t = report.tables.find((x) => x.table === "T")!;
    expect(t.unknownColumns).toHaveLength(1000);
    expect(t.unknownColumnsNotListed).toBe(1_000_000 - 1000);
    console.log(`validate, 1,000,000 distinct unknown columns (10,000 records): peak RSS ${r.rssMb.toFixed(0)} MB`);
    expect(r.rssMb).toBeLessThan(500);
  }, 120_000);

  it("200,000 distinct unknown categories: 1,000 listed, the rest counted", async () => {
    const file = path.join(dir, "unknown-categories.json");
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) lines.push(`{"category":"AdvancedHunting-X${i}","properties":{}}`);
    await writeFile(file, lines.join("\n") + "\n");
    const r = await validate(file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  … and 199,000 more records of other categories (kqlgen lists the first 1,000)");
    expect(r.out.split("\n").filter((l) => l.startsWith("  AdvancedHunting-X"))).toHaveLength(1000);
  }, 60_000);
});

describe("link loops in data folders", () => {
  it("a folder linking to itself and two folders linking to each other: each file read once, no hang", async () => {
    const root = path.join(dir, "loops");
    await mkdir(path.join(root, "a"), { recursive: true });
    await mkdir(path.join(root, "b"), { recursive: true });
    await writeFile(path.join(root, "a", "one.json"), record() + "\n");
    await symlink(path.join(root, "a"), path.join(root, "a", "self"));
    await symlink(path.join(root, "b"), path.join(root, "a", "to-b"));
    await symlink(path.join(root, "a"), path.join(root, "b", "to-a"));
    await symlink(path.join(root, "a", "one.json"), path.join(root, "b", "same.json"));
    const r = await validate(root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^kqlgen validate: 1 file \(\d+ B\), 1 record: 1 valid, 0 invalid\n/);
  });
});

describe("honest verdicts", () => {
  it("invalid UTF-8 inside a record is corrupt data, not a valid record", async () => {
    const file = path.join(dir, "latin1.json");
    const good = Buffer.from(record({ Name: "caf\u00e9" }) + "\n");
    const bad = Buffer.from(record({ Name: "cafX" }) + "\n");
    bad[bad.indexOf("cafX") + 3] = 0xe9; // Latin-1 é
    await writeFile(file, Buffer.concat([good, bad]));
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^kqlgen validate: 1 file \(\d+ B\), 1 record: 1 valid, 0 invalid\n  and 1 corrupt spot in the data/);
    expect(r.out).toMatch(/latin1\.json:2 \(byte \d+\): not valid UTF-8 \(byte 0xe9\): the line is not checked/);
  });

  it("invalid UTF-8 in a message body's record: the record is corrupt", async () => {
    const file = path.join(dir, "message.json");
    const body = Buffer.from(`{"records":[${record()},${record({ Name: "cafX" })}]}`);
    body[body.lastIndexOf("cafX") + 3] = 0xff;
    await writeFile(file, body);
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("not valid UTF-8 (byte 0xff): the record is not checked");
  });

  it("empty input is 'NO DATA', exit 2, not 'every record matches'", async () => {
    const file = path.join(dir, "empty.json");
    await writeFile(file, "");
    const r = await validate(file);
    expect(r.code).toBe(2);
    expect(r.out).toContain("NO DATA: 1 file read, no record found: nothing was checked.");
    expect(r.out).not.toContain("every record matches");
  });
});

describe("standard input", () => {
  it("- reads piped data, gzip too", async () => {
    const data = Buffer.from(record() + "\n" + record({ Name: 5 }) + "\n");
    for (const input of [data, gzipSync(data)]) {
      const r = await child(["validate", "--schemas", schemas, "--config", config, "-"], input);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^kqlgen validate: 1 file \(\d+ B\), 2 records: 1 valid, 1 invalid/);
      expect(r.stdout).toContain('<stdin>:2: number 5');
    }
  });
});

describe("terminals and sizes", () => {
  it("escape sequences in categories, column names and file names are escaped in the report", async () => {
    const file = path.join(dir, "esc\u001b[31m.json");
    await writeFile(file, record({ "Evil\u001b]0;x\u0007": 1 }) + "\n" + record({}, "AdvancedHunting-\u001b[2J\u202e") + "\n");
    const r = await validate(file);
    // eslint-disable-next-line no-control-regex
    expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain('T."Evil\\u001b]0;x\\u0007": 1 record');
    expect(r.out).toContain('"AdvancedHunting-\\u001b[2J\\u202e": 1 record');
  });

  it("a 20 MB bad value and a 1 MB unknown column name: the report stays small", async () => {
    const file = path.join(dir, "huge.json");
    const big = JSON.parse(record({ ["C".repeat(1024 * 1024)]: 1 })) as { tenantId: string };
    big.tenantId = "y".repeat(20 * 1024 * 1024);
    await writeFile(file, JSON.stringify(big) + "\n");
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.out.length).toBeLessThan(5000);
    expect(r.out).toContain("(1,048,576 characters)");
  });

  it("a catastrophic pattern in the config is refused before any data is read", async () => {
    const re = path.join(dir, "re.json");
    await writeFile(re, JSON.stringify({ columns: { "T.Name": { long: "number" } } }));
    const schemasDyn = path.join(dir, "dyn");
    await writeTree(schemasDyn, { "T.csv": "ColumnName,ColumnType\nTimestamp,datetime\nExtra,dynamic\n" });
    const file = path.join(dir, "redos.config.json");
    await writeFile(file, JSON.stringify({ columns: { "T.Extra": { schema: { type: "string", pattern: "^(a+)+$" } } } }));
    const cap = captureIo();
    const code = await main(["validate", "--schemas", schemasDyn, "--config", file, path.join(dir, "ok.json")], cap.io);
    expect(code).toBe(2);
    expect(cap.stderr()).toBe(
      `kqlgen: error: ${file} (/columns/T.Extra/schema/pattern): pattern "^(a+)+$" is refused: one piece of text can be matched in two ways again and again (nested or overlapping repetition such as (a+)+ or (a|aa)*), which takes exponential time; expected a pattern without nested, overlapping or empty repetition\n`,
    );
  });
});

it("the validate binary prints no stack for an unreadable path", async () => {
  const r = await new Promise<{ code: number; stderr: string; stdout: string }>((resolve) =>
    execFile(process.execPath, [BIN, "validate", "--schemas", schemas, "--config", config, "/nonexistent/x.json"], { cwd: REPO }, (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});
