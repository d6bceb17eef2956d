/**
 * Hostile schema folders and configs, through the CLI in-process: links to
 * /proc/self/environ and devices, FIFOs, huge and deeply nested files, huge
 * values, escape sequences in names, prototype-named columns, a quadratic
 * Graph file, catastrophic regex patterns, unexpected errors. Each must give
 * its exit code and one-line messages naming the file (table, column), never
 * the file's contents beyond a short escaped excerpt, never a stack, and
 * leave the output folder byte-identical.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { copyFile, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { describeUnexpected } from "../../src/cli/unexpected.js";
import { checkPattern } from "../../src/config/regex-safety.js";
import { errnoText } from "../../src/sources/files.js";
import { captureIo, cleanupTmpDirs, FIXTURES, hashTree, makeTmpDir, writeTree } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

const SECRET = "kqlgen-adversarial-Secret-0123456789abcdef";
const GOOD_CSV = "ColumnName,ColumnOrdinal,DataType,ColumnType\nTimestamp,0,System.DateTime,datetime\nName,1,System.String,string\n";

interface Run {
  code: number;
  out: string;
  err: string;
}

async function kqlgen(...argv: string[]): Promise<Run> {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

/** Every stderr line is kqlgen's own and one line each; no stack, no control character, nothing long. */
function expectClean(r: Run, maxLine = 600): string[] {
  const lines = r.err.split("\n").filter((l) => l !== "");
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) {
    expect(l).toMatch(/^kqlgen: /);
    expect(l.length).toBeLessThan(maxLine);
  }
  expect(r.err).not.toMatch(/\n\s+at .+:\d+/);
  expect(r.err).not.toContain("internal error");
  // eslint-disable-next-line no-control-regex
  expect(r.err + r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  return lines;
}

let out: string;
let outBefore: Record<string, string>;
let emptyConfig: string;

beforeAll(async () => {
  process.env.KQLGEN_ADVERSARIAL_SECRET = SECRET;
  // pull --check reads its folder before any request; the credential chain is pinned all the same.
  process.env.AZURE_TOKEN_CREDENTIALS = "AzureCliCredential";
  const root = await makeTmpDir("adv-out");
  out = path.join(root, "out");
  const schemas = path.join(root, "schemas");
  await writeTree(schemas, { "Good.getschema.csv": GOOD_CSV });
  emptyConfig = path.join(root, "empty.config.json");
  await writeFile(emptyConfig, "{}\n");
  const r = await kqlgen("generate", "--schemas", schemas, "--out", out, "--config", emptyConfig);
  expect(r.code).toBe(0);
  outBefore = await hashTree(out);
});

/** A schemas folder holding a good table and `extra`. */
async function folder(extra: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(await makeTmpDir("adv-schemas"), "schemas");
  await writeTree(dir, { "Good.getschema.csv": GOOD_CSV });
  await extra(dir);
  return dir;
}

describe("file contents never leak", () => {
  const commands: [string, (dir: string) => string[]][] = [
    ["generate", (d) => ["generate", "--schemas", d, "--out", out, "--config", emptyConfig]],
    ["check", (d) => ["check", "--schemas", d, "--out", out, "--config", emptyConfig]],
    ["validate", (d) => ["validate", "--schemas", d, "--config", emptyConfig, path.join(FIXTURES, "README.md")]],
    ["lint", (d) => ["lint", "--schemas", d, "--config", emptyConfig, path.join(FIXTURES, "README.md")]],
    ["diff", (d) => ["diff", d, d]],
    ["pull --check", (d) => ["pull", "--check", "--workspace", "6f1c2a4e-0b9d-4c3e-8f7a-1d2e3f4a5b6c", "--tables", "Good", "--out", d]],
  ];
  for (const [name, args] of commands) {
    it(`${name}: a link env.csv → /proc/self/environ is refused, naming the file; the environment never shows`, async () => {
      const dir = await folder((d) => symlink("/proc/self/environ", path.join(d, "env.csv")));
      const r = await kqlgen(...args(dir));
      expect(r.code).toBe(2);
      const lines = expectClean(r);
      const mine = lines.filter((l) => l.includes("env.csv"));
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine[0]).toMatch(/env\.csv: is a symbolic link to \/proc\/\d+\/environ, outside the folder .*: refused \(a link can make kqlgen read and quote any file\); pass --follow-symlinks to read it$/);
      expect(r.err + r.out).not.toContain(SECRET);
      expect(r.err + r.out).not.toContain("KQLGEN_ADVERSARIAL_SECRET");
      expect(await hashTree(out)).toEqual(outBefore);
    });
  }

  it("check: a link to /proc/self/environ inside --out is compared as a link, never read into the diff", async () => {
    const dir = await folder(async () => {});
    const copy = path.join(await makeTmpDir("adv-out-link"), "out");
    expect((await kqlgen("generate", "--schemas", dir, "--out", copy, "--config", emptyConfig)).code).toBe(0);
    const { readdir, rm } = await import("node:fs/promises");
    const table = (await readdir(path.join(copy, "src", "tables")))[0]!;
    await rm(path.join(copy, "src", "tables", table));
    await symlink("/proc/self/environ", path.join(copy, "src", "tables", table));
    const r = await kqlgen("check", "--schemas", dir, "--out", copy, "--config", emptyConfig);
    expect(r.code).toBe(1);
    expect(r.out).toContain("-(a symbolic link: kqlgen does not follow links in the output folder)");
    expect(r.out + r.err).not.toContain(SECRET);
  });

  it("with --follow-symlinks the file is read, and only a short escaped excerpt is quoted", async () => {
    const dir = await folder((d) => symlink("/proc/self/environ", path.join(d, "env.csv")));
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig, "--follow-symlinks");
    expect(r.code).toBe(2);
    const [line] = expectClean(r, 400);
    expect(line).toContain("env.csv: the CSV header names the columns [");
    expect(r.err).not.toContain(SECRET);
    expect(await hashTree(out)).toEqual(outBefore);
  });

  it("a link to a file inside the folder is read as usual", async () => {
    const dir = await folder(async (d) => {
      mkdirSync(path.join(d, "real"));
      await writeFile(path.join(d, "real", "x.txt"), "ColumnName,ColumnType\nOther,string\n");
      await symlink(path.join(d, "real", "x.txt"), path.join(d, "Linked.csv"));
    });
    const r = await kqlgen("diff", dir, dir);
    expect(r.code).toBe(0);
  });

  it("a FIFO is refused at once (reading it would block)", async () => {
    const dir = await folder(async (d) => void execFileSync("mkfifo", [path.join(d, "Pipe.csv")]));
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig);
    expect(r.code).toBe(2);
    expect(expectClean(r)).toContain(`kqlgen: error: ${path.join(dir, "Pipe.csv")}: is a FIFO (named pipe): expected a regular schema file holding a getschema result (JSON or CSV)`);
    expect(await hashTree(out)).toEqual(outBefore);
  });

  it("a device, even with --follow-symlinks, is refused", async () => {
    const dir = await folder((d) => symlink("/dev/zero", path.join(d, "Zero.csv")));
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig, "--follow-symlinks");
    expect(r.code).toBe(2);
    expect(expectClean(r)).toContain(`kqlgen: error: ${path.join(dir, "Zero.csv")}: is a character device: expected a regular schema file holding a getschema result (JSON or CSV)`);
  });
});

describe("honest messages", () => {
  it("--config /dev/zero: a character device, not '(undefined)'", async () => {
    const dir = await folder(async () => {});
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", "/dev/zero");
    expect(r.code).toBe(2);
    expect(expectClean(r)).toEqual(["kqlgen: error: /dev/zero: is a character device: expected a regular config file holding a kqlgen config object (JSON, --config)"]);
  });

  it("a schema file over the size kqlgen reads (a sparse 600 MB file) is called too large, not 'not valid UTF-8'", async () => {
    const dir = await folder(async (d) => {
      await writeFile(path.join(d, "Big.csv"), GOOD_CSV);
      await truncate(path.join(d, "Big.csv"), 600 * 1024 * 1024);
    });
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig);
    expect(r.code).toBe(2);
    expect(expectClean(r)).toEqual([`kqlgen: error: ${path.join(dir, "Big.csv")}: the file is 600 MB: larger than the 64 MB kqlgen reads for a schema file`]);
  });

  it("a config over 16 MB is called too large", async () => {
    const dir = await folder(async () => {});
    const config = path.join(dir, "..", "big.config.json");
    await writeFile(config, "{}");
    await truncate(config, 17 * 1024 * 1024);
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", config);
    expect(r.code).toBe(2);
    expect(expectClean(r)[0]).toContain("big.config.json: the file is 17 MB: larger than the 16 MB kqlgen reads for a config file");
  });

  it("a 20 MB type name is quoted as a short excerpt with its length", async () => {
    const big = "x".repeat(20 * 1024 * 1024);
    const dir = await folder((d) => writeFile(path.join(d, "Huge.csv"), `ColumnName,ColumnType\nA,${big}\n`));
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig);
    expect(r.code).toBe(2);
    const lines = expectClean(r, 400);
    expect(lines[0]).toContain(`Huge.csv (line 2), table Huge, column "A": unknown type "xxxxxxxx`);
    expect(lines[0]).toContain(`…" (20,971,520 characters): expected a Kusto type`);
    expect(r.err.length).toBeLessThan(1000);
  });

  it("escape sequences in file names and column names are escaped", async () => {
    const dir = await folder(async (d) => {
      await writeFile(path.join(d, "Esc\u001b[31m.csv"), "ColumnName,ColumnType\nA,nope\n");
      await writeFile(path.join(d, "Col.csv"), "ColumnName,ColumnType\n\"B\u001b]0;x\u0007\u202e\",string\n");
    });
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", emptyConfig);
    expect(r.code).toBe(2);
    const lines = expectClean(r);
    expect(lines.some((l) => l.includes("Esc\\u001b[31m.csv"))).toBe(true);
    expect(lines.some((l) => l.includes('column "B\\u001b]0;x\\u0007\\u202e"'))).toBe(true);
  });

  it("errno words: a read-only file system is said so, not 'ENOENT'", () => {
    expect(errnoText({ code: "EROFS" })).toBe("the file system is read-only");
    const e = Object.assign(new Error("EROFS: read-only file system, mkdir '/mnt/ro/out'"), { code: "EROFS", syscall: "mkdir", path: "/mnt/ro/out" });
    expect(describeUnexpected(e, "generate", false)).toEqual({
      code: 2,
      lines: ["kqlgen: error: /mnt/ro/out: generating the package failed: the file system is read-only (EROFS, mkdir)"],
    });
  });

  it("an output path through a file (ENOTDIR) is one line, exit 2, naming the path", async () => {
    const dir = await folder(async () => {});
    const file = path.join(dir, "..", "plain-file");
    writeFileSync(file, "x");
    const r = await kqlgen("generate", "--schemas", dir, "--out", path.join(file, "sub"), "--config", emptyConfig);
    expect(r.code).toBe(2);
    const [line] = expectClean(r);
    expect(line).toContain(path.join(file, "sub"));
  });
});

describe("unexpected errors: one line, the stack only with --debug or KQLGEN_DEBUG=1", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
  it("without --debug: one line naming what was being done", () => {
    const { code, lines } = describeUnexpected(bug, "validate", false);
    expect(code).toBe(70);
    expect(lines).toEqual([
      "kqlgen: internal error while validating data: TypeError: Cannot read properties of undefined (reading 'x'); run with --debug (or KQLGEN_DEBUG=1) for the stack trace and report it",
    ]);
  });
  it("with --debug: the stack follows", () => {
    const { lines } = describeUnexpected(bug, "generate", true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/\n\s+at /);
  });
  it("--debug is an option of the command line (accepted before or after the command)", async () => {
    const dir = await folder(async () => {});
    expect((await kqlgen("--debug", "diff", dir, dir)).code).toBe(0);
    expect((await kqlgen("diff", dir, dir, "--debug")).code).toBe(0);
  });
});

describe("deep JSON", () => {
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
  const files: Record<string, string> = {
    "Snap.kqlgen.json": `{"format":"kqlgen.snapshot/v1","table":"Snap","columns":[${deep(5000)}]}`,
    "SnapTable.kqlgen.json": `{"format":"kqlgen.snapshot/v1","table":${deep(5000)},"columns":[]}`,
    "SnapColumns.kqlgen.json": `{"format":"kqlgen.snapshot/v1","table":"X","columns":${deepObject(5000)}}`,
    "Sent.sentinel.json": `{"Name":${deepObject(5000)},"Properties":[]}`,
    "SentProps.sentinel.json": `{"Name":"SentProps","Properties":[${deep(5000)}]}`,
    "La.getschema.json": `{"tables":[{"name":"PrimaryResult","columns":[{"name":"ColumnName"},{"name":"ColumnType"}],"rows":[[${deep(5000)},"string"]]}]}`,
    "Gr.graph.json": `{"schema":[{"name":"ColumnName"},{"name":"ColumnType"}],"results":[{"ColumnName":"A","ColumnType":${deep(5000)}}]}`,
    "GrHeader.graph.json": `{"schema":[${deep(5000)}],"results":[]}`,
  };
  for (const [name, text] of Object.entries(files)) {
    it(`${name}: refused in one line, no stack overflow`, async () => {
      const dir = await folder((d) => writeFile(path.join(d, name), text));
      const r = await kqlgen("diff", dir, dir);
      expect(r.code).toBe(2);
      const lines = expectClean(r);
      expect(lines.every((l) => l === `kqlgen: error: ${path.join(dir, name)}, table ${name.slice(0, name.indexOf("."))}: JSON nested more than 64 levels deep: expected a getschema result (a few levels)`)).toBe(true);
    });
  }
  it("a deep config: refused in one line", async () => {
    const dir = await folder(async () => {});
    const config = path.join(dir, "..", "deep.config.json");
    await writeFile(config, `{"columns":{"Good.Name":{"schema":${deepObject(5000).replace(/"a"/g, '"items"')}}}}`);
    const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", config);
    expect(r.code).toBe(2);
    expect(expectClean(r)).toEqual([`kqlgen: error: ${config}: JSON nested more than 64 levels deep: expected a kqlgen config object`]);
    expect(await hashTree(out)).toEqual(outBefore);
  });
});

describe("prototype-named columns in every source format", () => {
  const names = ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "__defineGetter__"];
  const files: Record<string, string> = {
    "ProtoCsv.getschema.csv": "ColumnName,ColumnType\n" + names.map((n) => `${n},string`).join("\n") + "\n",
    "ProtoSnap.kqlgen.json": JSON.stringify({ format: "kqlgen.snapshot/v1", table: "ProtoSnap", columns: names.map((name, ordinal) => ({ name, type: "string", ordinal })) }),
    "ProtoSent.sentinel.json": JSON.stringify({ Name: "ProtoSent", Properties: names.map((n) => ({ Name: n, Type: "string" })) }),
    "ProtoLa.getschema.json": JSON.stringify({ tables: [{ name: "PrimaryResult", columns: [{ name: "ColumnName" }, { name: "ColumnType" }], rows: names.map((n) => [n, "string"]) }] }),
    "ProtoGraph.graph.json": JSON.stringify({ schema: [{ name: "ColumnName" }, { name: "ColumnType" }], results: names.map((n) => ({ ColumnName: n, ColumnType: "string" })) }),
    // Row keys named like Object.prototype's members, and no "schema" names to go by.
    "ProtoKeys.graph.json": `{"schema":[],"results":[{"constructor":"x","ColumnName":"A","ColumnType":"string","__proto__":{"ColumnName":"B"}}]}`,
  };
  it("all are read with every column, and diff reports them by name", async () => {
    const old = await folder(async () => {});
    const dir = await folder((d) => writeTree(d, files));
    const r = await kqlgen("diff", old, dir, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { changes: { kind: string; table: string; columns?: number }[] };
    const added = doc.changes.filter((c) => c.kind === "table-added");
    expect(added.map((c) => [c.table, c.columns])).toEqual([
      ["ProtoCsv", names.length],
      ["ProtoGraph", names.length],
      ["ProtoKeys", 1],
      ["ProtoLa", names.length],
      ["ProtoSent", names.length],
      ["ProtoSnap", names.length],
    ]);
  });
});

it("diff's report escapes bidi controls and C1 codes in column names (JSON.stringify leaves them raw)", async () => {
  const old = await folder(async () => {});
  const dir = await folder((d) => writeFile(path.join(d, "Good.getschema.csv"), GOOD_CSV + "Evil\u202eTxt\u009b31m,2,System.String,string\n"));
  const r = await kqlgen("diff", old, dir);
  expect(r.code).toBe(0); // additive
  expect(r.out).toContain('+ column "Evil\\u202eTxt\\u009b31m" added (string, at 2)');
  // eslint-disable-next-line no-control-regex
  expect(r.out).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
});

describe("scale of the readers", () => {
  it("a 2 MB Graph file whose rows carry 20,000 declared names is read in linear time (was quadratic: 0.5 MB took 79 s)", async () => {
    const declared = Array.from({ length: 20_000 }, (_, i) => ({ name: i === 0 ? "columnname" : i === 1 ? "columntype" : `Extra${i}` }));
    const results = Array.from({ length: 2_000 }, (_, i) => ({ ColumnName: `C${i}`, ColumnType: "string" }));
    const text = JSON.stringify({ schema: declared, results });
    const dir = await folder((d) => writeFile(path.join(d, "Wide.graph.json"), text));
    const r = await kqlgen("diff", dir, dir);
    expect(r.code).toBe(0);
  }, 30_000);
});

describe("catastrophic regular expressions in the config", () => {
  const config = (pattern: string) => JSON.stringify({ columns: { "Dyn.Extra": { schema: { type: "object", properties: { v: { type: "string", pattern } } } } } });
  const dynCsv = "ColumnName,ColumnType\nExtra,dynamic\n";
  for (const pattern of ["^(a+)+$", "(a*)*b", "^(a|aa)*$", "(x{1,3})+y", "^(.|a)+$", "(a)\\1"]) {
    it(`${pattern} is refused before anything is generated`, async () => {
      const dir = await folder((d) => writeFile(path.join(d, "Dyn.csv"), dynCsv));
      const file = path.join(dir, "..", "re.config.json");
      await writeFile(file, config(pattern));
      const r = await kqlgen("generate", "--schemas", dir, "--out", out, "--config", file);
      expect(r.code).toBe(2);
      const [line] = expectClean(r);
      expect(line).toContain(`${file} (/columns/Dyn.Extra/schema/properties/v/pattern): pattern ${JSON.stringify(pattern)} is refused:`);
      expect(await hashTree(out)).toEqual(outBefore);
    });
  }
  it("the check refuses nested and overlapping repetition, and accepts separated repetition and the usual patterns", () => {
    const refused = ["^(a+)+$", "(a*)*b", "^(a|aa)*$", "(x{1,3})+y", "^(.|a)+$", "(a)\\1", "^(\\w+\\s?)*$", "(.*,)+x", "((a)+)+", "(a+b?)+", "([a-z]+)*", "(\\d+\\d)+"];
    const accepted = [
      "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,7})?Z$",
      "^-?[0-9]+(?:\\.[0-9]+)?$",
      "^(\\d+\\.)+\\d+$",
      "^([a-z]+-)*[a-z]+$",
      "(foo|bar)*",
      "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",
      "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$",
      "a+b+c+",
      "(a+b)+",
      // Each b belongs to the a before it: one way to match any text, so linear (the old heuristic refused it).
      "^(a|ab)*$",
    ];
    expect(refused.filter((p) => checkPattern(p).ok)).toEqual([]);
    expect(accepted.filter((p) => !checkPattern(p).ok)).toEqual([]);
  });
  it("patternProperties keys are checked too (^(\\w+\\s?)* is the classic ReDoS); safe patterns pass", async () => {
    const dir = await folder((d) => writeFile(path.join(d, "Dyn.csv"), dynCsv));
    const file = path.join(dir, "..", "re.config.json");
    await writeFile(file, JSON.stringify({ columns: { "Dyn.Extra": { schema: { type: "object", patternProperties: { "^(\\w+\\s?)*$": { type: "string", pattern: "^[0-9]{4}-[a-z]+(?:\\.[0-9]{1,7})?$" } } } } } }));
    const r = await kqlgen("check", "--schemas", dir, "--out", out, "--config", file);
    expect(r.code).toBe(2);
    const lines = expectClean(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("/patternProperties/^(\\w+\\s?)*$): pattern");
  });
});

it("fixtures still read (guard against a too strict reader)", async () => {
  const dir = path.join(await makeTmpDir("adv-fixtures"), "f");
  mkdirSync(dir);
  for (const f of ["AlertInfo.kqlgen.json", "CloudAppEvents.graph.json", "DeviceInfo.getschema.json", "DeviceImageLoadEvents.sentinel.json", "AlertEvidence.getschema.csv", "DeviceLogonEvents.legacy.json"]) {
    await copyFile(path.join(FIXTURES, f), path.join(dir, f));
  }
  expect((await kqlgen("diff", dir, dir)).code).toBe(0);
});
