/**
 * `kqlgen validate` as a user runs it (main([...]) in-process, one run of the
 * binary): generated data files of Defender records — JSON lines, Event Hubs
 * message bodies, gzip, folders — with known violations, drift, corrupt and
 * truncated spots; the report's counts and examples, exactly, and the exit
 * codes. The schemas are three fixture tables: DeviceInfo (which has its own
 * MachineGroup column), DeviceProcessEvents (the stream adds MachineGroup) and
 * CloudAppEvents (a dynamic column with a configured JSON Schema).
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import type { ValidateReport } from "../src/validate/index.js";
import { buildGenerated } from "./helpers/generated.js";
import { jsonLines, makeRecord, messageBody, mixedRecords, Rng, type StreamedRecord, type TableShape } from "./helpers/streamdata.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir, REPO } from "./helpers/tree.js";

const IPTAGS_EXPECTED = "dynamic matching the configured JSON Schema (must NOT have fewer than 2 characters)";
const CONFIG = {
  mapping: { formats: true },
  // minLength makes Ajv's code import one of its runtime helpers: validate must load it from anywhere.
  columns: { "CloudAppEvents.IPTags": { schema: { type: "array", items: { type: "string", minLength: 2 } } } },
};

let dir = "";
let schemas = "";
let config = "";
let tables: Record<string, TableShape> = {};

beforeAll(async () => {
  dir = await makeTmpDir("validate");
  schemas = path.join(dir, "schemas");
  await mkdir(schemas);
  for (const f of ["DeviceInfo.getschema.json", "DeviceProcessEvents.graph.json", "CloudAppEvents.graph.json"]) await cp(path.join(FIXTURES, f), path.join(schemas, f));
  config = path.join(dir, "kqlgen.config.json");
  await writeFile(config, JSON.stringify(CONFIG));
  tables = Object.fromEntries((await readSchemaDir(schemas)).tables.map((t) => [t.name, t]));
});

afterAll(cleanupTmpDirs);

interface Run {
  code: number;
  out: string;
  err: string;
}

async function validate(args: readonly string[], tty = false): Promise<Run> {
  const c = captureIo();
  const code = await main(["validate", "--schemas", schemas, "--config", config, ...args], { ...c.io, isTTY: tty });
  return { code, out: c.stdout(), err: c.stderr() };
}

async function report(args: readonly string[]): Promise<{ code: number; report: ValidateReport }> {
  const r = await validate(["--format", "json", ...args]);
  expect(r.err).toBe("");
  return { code: r.code, report: JSON.parse(r.out) as ValidateReport };
}

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** A valid record of a table, then changed: `set` values, `drop` columns. */
function record(rng: Rng, table: string, set: Record<string, unknown> = {}, drop: readonly string[] = []): StreamedRecord {
  const r = makeRecord(tables[table]!, rng);
  Object.assign(r.properties, set);
  for (const c of drop) delete r.properties[c];
  return r;
}

const NO_DRIFT = { unknownColumns: [], missingColumns: [], neverPresent: [], largeLongs: [] };

/** What the generated package's parseEventHubsMessage returns (the parts compared). */
interface ParseResult {
  records: unknown[];
  errors: { path: string; column?: string; expected: string; category?: string }[];
  unknownCategories: { category: string; count: number }[];
  unknownColumns: { table: string; column: string; count: number }[];
  missingColumns: { table: string; column: string; count: number }[];
}

describe("kqlgen validate: JSON lines with known violations", () => {
  let file = "";
  beforeAll(async () => {
    const rng = new Rng(11);
    const lines = [
      record(rng, "DeviceInfo"),
      record(rng, "DeviceProcessEvents", { FileSize: "12345" }),
      record(rng, "DeviceInfo", { DeviceTrustLevel: "High" }),
      record(rng, "CloudAppEvents", { IPTags: ["x", "Tor"] }),
      record(rng, "DeviceProcessEvents", { Timestamp: "2024-05-01 12:00:00" }, ["MachineGroup"]),
      { ...record(rng, "DeviceInfo"), category: "AdvancedHunting-DeviceTomorrowEvents" },
      record(rng, "DeviceProcessEvents", { FileSize: "99", DeviceTrustLevel: "Low" }),
      { hello: "world" },
      { ...record(rng, "DeviceInfo"), time: "yesterday" },
    ];
    file = await write("blob.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  });

  it("reports counts, violations per table and column with examples, drift; exit 1", async () => {
    const { code, report: r } = await report([file]);
    expect(code).toBe(1);
    const bytes = (await readFile(file)).length;
    const at = (line: number, path: string, found: string) => ({ file, line, path, found });
    expect(r).toEqual({
      files: 1,
      bytes,
      records: { read: 9, valid: 2, invalid: 6, unknownCategory: 1 },
      tables: [
        {
          table: "CloudAppEvents",
          records: 1,
          valid: 0,
          invalid: 1,
          violations: [
            { column: "IPTags", path: "/properties/IPTags", expected: IPTAGS_EXPECTED, count: 1, found: [{ kind: "string", count: 1 }], examples: [at(4, "/properties/IPTags/0", 'string "x"')] },
          ],
          ...NO_DRIFT,
        },
        {
          table: "DeviceInfo",
          records: 3,
          valid: 2,
          invalid: 1,
          violations: [{ path: "/time", expected: "datetime (ISO 8601 UTC string)", count: 1, found: [{ kind: "string", count: 1 }], examples: [at(9, "/time", 'string "yesterday"')] }],
          unknownColumns: [{ column: "DeviceTrustLevel", count: 1 }],
          missingColumns: [],
          neverPresent: [],
          largeLongs: [],
        },
        {
          table: "DeviceProcessEvents",
          records: 3,
          valid: 0,
          invalid: 3,
          violations: [
            {
              column: "Timestamp",
              path: "/properties/Timestamp",
              expected: "datetime (ISO 8601 UTC string) or null",
              count: 1,
              found: [{ kind: "string", count: 1 }],
              examples: [at(5, "/properties/Timestamp", 'string "2024-05-01 12:00:00"')],
            },
            {
              column: "FileSize",
              path: "/properties/FileSize",
              expected: "long (integer number) or null",
              count: 2,
              found: [{ kind: "string", count: 2 }],
              examples: [at(2, "/properties/FileSize", 'string "12345"'), at(7, "/properties/FileSize", 'string "99"')],
            },
            // Line 5 lacks MachineGroup: the stream leaves it out of some records, not an error.
          ],
          unknownColumns: [{ column: "DeviceTrustLevel", count: 1 }],
          missingColumns: [],
          neverPresent: [],
          largeLongs: [],
        },
      ],
      notRecords: [{ path: "/category", expected: 'string "AdvancedHunting-<Table>"', count: 1, found: [{ kind: "missing", count: 1 }], examples: [at(8, "/category", "missing")] }],
      unknownCategories: [{ category: "AdvancedHunting-DeviceTomorrowEvents", count: 1 }],
      unknownEnvelopeKeys: [],
      corrupt: { count: 0, examples: [] },
      unreadable: [],
      strict: false,
      exitCode: 1,
    });
  });

  it("says the same for people", async () => {
    const r = await validate([file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const size = (await readFile(file)).length;
    expect(r.out).toBe(
      [
        `kqlgen validate: 1 file (${(size / 1000).toFixed(1)} KB), 9 records: 2 valid, 6 invalid, 1 of unknown categories`,
        "",
        "Violations",
        "  CloudAppEvents (1 record, 1 invalid)",
        `    IPTags: expected ${IPTAGS_EXPECTED} — 1 record (found string 1)`,
        `      ${file}:4 at /properties/IPTags/0: string "x"`,
        "  DeviceInfo (3 records, 1 invalid)",
        "    /time: expected datetime (ISO 8601 UTC string) — 1 record (found string 1)",
        `      ${file}:9: string "yesterday"`,
        "  DeviceProcessEvents (3 records, 3 invalid)",
        "    Timestamp: expected datetime (ISO 8601 UTC string) or null — 1 record (found string 1)",
        `      ${file}:5: string "2024-05-01 12:00:00"`,
        "    FileSize: expected long (integer number) or null — 2 records (found string 2)",
        `      ${file}:2: string "12345"`,
        `      ${file}:7: string "99"`,
        "  not streamed records {time, tenantId, category, properties}",
        `    /category: expected string "AdvancedHunting-<Table>" — 1 record (found missing 1)`,
        `      ${file}:8: missing`,
        "",
        "Unknown categories (drift, not violations; their records are not checked)",
        "  AdvancedHunting-DeviceTomorrowEvents: 1 record",
        "",
        "Unknown columns (drift, not violations)",
        "  DeviceInfo.DeviceTrustLevel: 1 record",
        "  DeviceProcessEvents.DeviceTrustLevel: 1 record",
        "",
        "FAILED: 6 invalid records.",
        "",
      ].join("\n"),
    );
  });
});

describe("kqlgen validate: message bodies in folders, gzip, drift and --strict", () => {
  let data = "";
  beforeAll(async () => {
    const rng = new Rng(12);
    data = path.join(dir, "hub");
    const m1 = [record(rng, "DeviceProcessEvents"), record(rng, "DeviceInfo", { DeviceTrustLevel: "High" }), record(rng, "CloudAppEvents")];
    const m2 = [record(rng, "DeviceInfo"), { ...record(rng, "DeviceInfo"), category: "AdvancedHunting-DeviceTomorrowEvents" }, record(rng, "DeviceProcessEvents")];
    // gzip recognized by content, whatever the name.
    await write("hub/capture/2024/05/01.json", gzipSync(`${messageBody(m1)}\n${messageBody(m2)}\n`));
    await write("hub/blobs/b.jsonl", jsonLines([record(rng, "CloudAppEvents"), record(rng, "DeviceInfo")]));
    // Hidden files in folders are skipped (a half-written download, say).
    await write("hub/capture/.01.json.partial", '{"records":[{"tim');
  });

  it("reads every file under a folder; drift alone is not a violation (exit 0)", async () => {
    const { code, report: r } = await report([data]);
    expect(code).toBe(0);
    expect(r.files).toBe(2);
    expect(r.records).toEqual({ read: 8, valid: 7, invalid: 0, unknownCategory: 1 });
    expect(r.tables.map((t) => [t.table, t.records, t.valid, t.unknownColumns])).toEqual([
      ["CloudAppEvents", 2, 2, []],
      ["DeviceInfo", 3, 3, [{ column: "DeviceTrustLevel", count: 1 }]],
      ["DeviceProcessEvents", 2, 2, []],
    ]);
    expect(r.unknownCategories).toEqual([{ category: "AdvancedHunting-DeviceTomorrowEvents", count: 1 }]);
    expect(r.corrupt).toEqual({ count: 0, examples: [] });
    const text = await validate([data]);
    expect(text.code).toBe(0);
    expect(text.out).toContain("Unknown columns (drift, not violations)\n  DeviceInfo.DeviceTrustLevel: 1 record\n");
    expect(text.out.endsWith("\nOK: every record matches its schema.\n")).toBe(true);
  });

  it("--strict counts drift as violations (exit 1)", async () => {
    const r = await validate(["--strict", data]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Unknown categories (drift, counted as violations (--strict); their records are not checked)\n  AdvancedHunting-DeviceTomorrowEvents: 1 record\n");
    expect(r.out.endsWith("\nFAILED: 1 unknown category, 1 unknown column.\n")).toBe(true);
    expect((await report(["--strict", data])).report).toMatchObject({ strict: true, exitCode: 1 });
  });
});

describe("kqlgen validate: config warnings", () => {
  it("prints a config warning (an override naming a table the schemas lack) as generate does, and still validates (exit 0)", async () => {
    const rng = new Rng(5);
    const file = await write("warn/one.json", messageBody([record(rng, "DeviceInfo")]));
    const warned = path.join(dir, "warn", "kqlgen.config.json");
    await writeFile(warned, JSON.stringify({ columns: { "DeviceInfoo.Timestamp": { nullable: false } } }));
    for (const format of ["text", "json"]) {
      const c = captureIo();
      const code = await main(["validate", "--schemas", schemas, "--config", warned, "--format", format, file], c.io);
      expect(code).toBe(0);
      expect(c.stderr()).toBe(
        `kqlgen: warning: ${warned} (/columns/DeviceInfoo.Timestamp), table DeviceInfoo: no such table in the schemas (did you mean "DeviceInfo"?): the override is ignored\n`,
      );
      if (format === "json") expect(JSON.parse(c.stdout())).toMatchObject({ records: { read: 1, valid: 1 }, exitCode: 0 });
    }
  });
});

describe("kqlgen validate: corrupt and truncated data", () => {
  it("reports each spot with file, line, record and byte offset, and checks everything else", async () => {
    const rng = new Rng(13);
    const good = () => record(rng, "DeviceInfo");
    const m1 = messageBody([good(), good()]);
    const m2Records = [good(), good(), good()];
    const cut = JSON.stringify(m2Records[1]).slice(0, 400);
    const m2 = `{"records":[${JSON.stringify(m2Records[0])},${cut},${JSON.stringify(m2Records[2])}]}`;
    const m3 = messageBody([good(), { ...good(), time: "2024-05-01T00:00:00Z" }]).replace('"time":"2024-05-01T00:00:00Z"', '"time":2024-05-01');
    const m4 = messageBody([good(), good()]);
    const text = [m1, m2, m3, m4.slice(0, m4.length - 100)].join("\n");
    const file = await write("corrupt/messages.json", text);
    const blob = await write("corrupt/blob.jsonl", `${JSON.stringify(good())}\n${JSON.stringify(good()).slice(0, 50)}\n${JSON.stringify(good())}\n`);
    const zipped = gzipSync(Buffer.from(`${m1}\n${m1}\n${m1}\n`));
    const gz = await write("corrupt/truncated.json", zipped.subarray(0, zipped.length - 20));

    const { code, report: r } = await report([path.join(dir, "corrupt")]);
    expect(code).toBe(1);
    const bytes = (s: string) => Buffer.byteLength(s);
    const line2 = bytes(m1) + 1;
    const line3 = line2 + bytes(m2) + 1;
    const line4 = line3 + bytes(m3) + 1;
    const blobText = await readFile(blob, "utf8");
    expect(r.corrupt.examples).toEqual([
      // Folder order: blob.jsonl, messages.json, truncated.json.
      { file: blob, line: 2, byte: bytes(blobText.slice(0, blobText.indexOf("\n") + 1)), message: "truncated JSON: a line ends before its value does" },
      {
        file,
        line: 2,
        record: 1,
        byte: line2 + bytes(`{"records":[${JSON.stringify(m2Records[0])},`),
        message: "malformed JSON: the record does not end where the next one starts (skipped up to the next record)",
      },
      { file, line: 3, record: 1, byte: line3 + bytes(m3.slice(0, m3.indexOf('"time":2024-05-01') + '"time":2024'.length)), message: "malformed JSON: Expected ',' or '}' after property value" },
      { file, line: 4, record: 1, byte: line4 + bytes(m4.slice(0, m4.indexOf("},{") + 2)), message: "truncated: the file ends inside this record" },
      // The gzip data ends 20 bytes early: inside the third message's second record.
      { file: gz, line: 3, record: 1, byte: 2 * (bytes(m1) + 1) + bytes(m1.slice(0, m1.indexOf("},{") + 2)), decompressed: true, message: "truncated: the file ends inside this record" },
      expect.objectContaining({ file: gz, line: 3, decompressed: true, message: "the gzip data is truncated" }),
    ]);
    expect(r.corrupt.count).toBe(6);
    // Every record outside the corrupt spots was read and checked: blob 2, m1 2, m2 2, m3 1, m4 1, and the gzip data up to its cut.
    expect(r.records.invalid).toBe(0);
    expect(r.records.read).toBe(2 + 2 + 2 + 1 + 1 + 5);
    expect(r.tables[0]!.records).toBe(r.records.read);

    const people = await validate([file]);
    expect(people.out).toContain(`\nCorrupt data\n  ${file}:2 record 1 (byte ${(line2 + bytes(`{"records":[${JSON.stringify(m2Records[0])},`)).toLocaleString("en-US")}): malformed JSON: the record does not end`);
    expect(people.out.endsWith("\nFAILED: 3 corrupt spots.\n")).toBe(true);
  });
});

describe("kqlgen validate: missing columns and columns never present", () => {
  it("counts the columns records lacked (drift: records older than a column), and lists those no record carried", async () => {
    const rng = new Rng(14);
    const file = await write("never.jsonl", jsonLines([record(rng, "DeviceInfo", {}, ["OSBuild", "Model"]), record(rng, "DeviceInfo", {}, ["OSBuild"]), record(rng, "DeviceInfo", {}, ["OSBuild"])]));
    const { code, report: r } = await report([file]);
    expect(code).toBe(0);
    expect(r.tables[0]).toMatchObject({
      table: "DeviceInfo",
      records: 3,
      invalid: 0,
      violations: [],
      missingColumns: [
        { column: "OSBuild", count: 3 },
        { column: "Model", count: 1 },
      ],
      neverPresent: ["OSBuild"],
    });
    const text = (await validate([file])).out;
    expect(text).toContain("\nColumns never present\n  DeviceInfo: OSBuild (in none of 3 records)\n");
    expect(text).toContain("\nMissing columns (drift, not violations; records older than a column lack it)\n  DeviceInfo.OSBuild: 3 records of 3 lacked it\n  DeviceInfo.Model: 1 record of 3 lacked it\n");
    const strict = await validate(["--strict", file]);
    expect(strict.code).toBe(1);
    expect(strict.out.endsWith("\nFAILED: 2 missing columns.\n")).toBe(true);
  });
});

describe("kqlgen validate: bad usage and unreadable input (exit 2)", () => {
  it("a path that does not exist: reported, the other inputs still checked", async () => {
    const rng = new Rng(15);
    const file = await write("ok.jsonl", jsonLines([record(rng, "DeviceInfo")]));
    const missing = path.join(dir, "no-such-file.json");
    const { code, report: r } = await report([missing, file]);
    expect(code).toBe(2);
    expect(r.unreadable).toEqual([{ file: missing, message: "cannot read (it does not exist)" }]);
    expect(r.records).toEqual({ read: 1, valid: 1, invalid: 0, unknownCategory: 0 });
    expect((await validate([missing, file])).out).toContain(`\nUnreadable input\n  ${missing}: cannot read (it does not exist)\n\nFAILED: 1 unreadable input.\n`);
  });

  it("a file that is not data (here, Avro cut inside its header, and Avro inside gzip)", async () => {
    const avro = await write("capture.avro", Buffer.concat([Buffer.from("Obj\u0001"), Buffer.from([4, 0x16]), Buffer.from("avro.schema")]));
    const { code, report: r } = await report([avro]);
    expect(code).toBe(2);
    expect(r.unreadable).toEqual([{ file: avro, message: "not a readable Event Hubs Capture (Avro) file (truncated: the file ends inside its Avro header)" }]);
    const zipped = await write("capture.avro.gz", gzipSync(Buffer.concat([Buffer.from("Obj\u0001"), Buffer.from([4, 0x16]), Buffer.from("avro.schema")])));
    const z = await report([zipped]);
    expect(z.report.unreadable).toEqual([{ file: zipped, message: "not Event Hubs message bodies or JSON lines: an Avro file inside gzip (kqlgen reads Event Hubs Capture files as they are: decompress it)" }]);
  });

  it("no paths, an unknown format, an empty folder, a bad schemas folder", async () => {
    let r = await validate([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no data to check: expected data files or folders, --storage <account or container URL>, or --event-hub");
    r = await validate(["--format", "xml", path.join(dir, "blob.jsonl")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.");
    const empty = path.join(dir, "empty-folder");
    await mkdir(empty, { recursive: true });
    r = await validate([empty]);
    expect(r).toEqual({ code: 2, out: "", err: `kqlgen: error: ${empty}: no data files in this folder: expected Event Hubs message bodies or Storage JSON lines (gzip too)\n` });
    const c = captureIo();
    const code = await main(["validate", "--schemas", path.join(dir, "no-schemas"), "--config", config, path.join(dir, "blob.jsonl")], c.io);
    expect(code).toBe(2);
    expect(c.stderr()).toMatch(/^kqlgen: error: .*no-schemas: cannot read the schemas folder \(it does not exist\)/);
  });
});

describe("kqlgen validate runs the generated package's own code", () => {
  it("finds, record for record, what the generated parseEventHubsMessage finds, and what the generator injected", async () => {
    const shapes = Object.values(tables);
    const generated = [
      ...mixedRecords(1500, { seed: 16, tables: shapes, invalidEvery: 7, unknownColumnEvery: 5, unknownCategoryEvery: 50, nullStrings: 1 / 3, lackNewest: 0.25, largeLongEvery: 99 }),
    ];
    const body = messageBody(generated.map((g) => g.record));
    const file = await write("mixed.json", body);
    const { code, report: r } = await report([file]);
    expect(code).toBe(1);

    // The generator's faults.
    const faults = generated.flatMap((g) => g.faults);
    const violations = faults.filter((f) => f.kind === "violation");
    expect(r.records.invalid).toBe(violations.length);
    expect(r.records.unknownCategory).toBe(faults.filter((f) => f.kind === "unknownCategory").length);
    const count = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
    expect(count(r.tables.flatMap((t) => t.violations.flatMap((v) => Array<string>(v.count).fill(`${t.table}.${v.column}`))))).toEqual(
      count(violations.map((f) => `${(f as { table: string }).table}.${(f as { column: string }).column}`)),
    );

    // The generated package, compiled, on the same message. Loaded by Node itself (require of ESM):
    // vitest's own loader gets the default export of Ajv's CommonJS runtime helpers wrong.
    const pkg = await buildGenerated(schemas, config);
    const { parseEventHubsMessage } = createRequire(import.meta.url)(path.join(pkg.dir, "dist/index.js")) as { parseEventHubsMessage: (body: string) => ParseResult };
    const result = parseEventHubsMessage(body);
    const theirs: Record<string, number> = {};
    for (const e of result.errors) {
      const key = `${e.category ?? ""}|${e.column ?? e.path.replace(/^\/records\/\d+/, "")}|${e.expected}`;
      theirs[key] = (theirs[key] ?? 0) + 1;
    }
    const ours: Record<string, number> = {};
    for (const t of r.tables) for (const v of t.violations) ours[`AdvancedHunting-${t.table}|${v.column ?? v.path}|${v.expected}`] = v.count;
    expect(ours).toEqual(theirs);
    expect(r.unknownCategories).toEqual(result.unknownCategories);
    expect(r.tables.flatMap((t) => t.unknownColumns.map((c) => ({ table: t.table, ...c })))).toEqual(result.unknownColumns);
    expect(r.records.valid).toBe(result.records.length);
    // Drift the generator injected: columns records lacked, longs beyond 2^53 (number mode: rounded, a warning).
    const sorted = (xs: { table: string; column: string; count: number }[]) => [...xs].sort((a, b) => (a.table + a.column < b.table + b.column ? -1 : 1));
    const missing = count(faults.filter((f) => f.kind === "missingColumn").map((f) => `${(f as { table: string }).table}.${(f as { column: string }).column}`));
    expect(missing).not.toEqual({});
    expect(count(r.tables.flatMap((t) => t.missingColumns.flatMap((c) => Array<string>(c.count).fill(`${t.table}.${c.column}`))))).toEqual(missing);
    expect(sorted(r.tables.flatMap((t) => t.missingColumns.map((c) => ({ table: t.table, ...c }))))).toEqual(sorted(result.missingColumns));
    const large = count(faults.filter((f) => f.kind === "largeLong").map((f) => `${(f as { table: string }).table}.${(f as { column: string }).column}`));
    expect(large).not.toEqual({});
    expect(count(r.tables.flatMap((t) => t.largeLongs.flatMap((l) => Array<string>(l.count).fill(`${t.table}.${l.column}`))))).toEqual(large);
  });
});

describe("kqlgen validate streams large inputs", () => {
  it("reads a multi-megabyte message body, its JSON lines and its gzip alike, across read chunks", async () => {
    const generated = [...mixedRecords(2500, { seed: 17, tables: Object.values(tables), invalidEvery: 11, unknownColumnEvery: 13, unknownCategoryEvery: 97 })];
    const records = generated.map((g) => g.record);
    const faults = generated.flatMap((g) => g.faults);
    const body = await write("large/one-message.json", JSON.stringify({ records }, null, 1));
    const lines = await write("large/blob.jsonl", jsonLines(records));
    const gz = await write("large/messages.gz", gzipSync(Buffer.from(`${messageBody(records.slice(0, 1000))}\n${messageBody(records.slice(1000))}\n`)));
    expect((await readFile(body)).length).toBeGreaterThan(4 * 1024 * 1024);
    const expected = {
      read: 2500,
      invalid: faults.filter((f) => f.kind === "violation").length,
      unknownCategory: faults.filter((f) => f.kind === "unknownCategory").length,
    };
    for (const file of [body, lines, gz]) {
      const { report: r } = await report([file]);
      expect(r.records, file).toEqual({ ...expected, valid: expected.read - expected.invalid - expected.unknownCategory });
      expect(r.corrupt.count, file).toBe(0);
      expect(r.tables.reduce((n, t) => n + t.unknownColumns.reduce((m, c) => m + c.count, 0), 0)).toBe(faults.filter((f) => f.kind === "unknownColumn").length);
    }
  });
});

describe("kqlgen validate progress", () => {
  it("shows a progress line on stderr, with bytes and records per second, when stderr is a terminal, and removes it before the report", async () => {
    const file = path.join(dir, "blob.jsonl");
    const tty = await validate([file], true);
    expect(tty.code, tty.err).toBe(1);
    expect(tty.err).toMatch(/^\[[#-]{20}\] +\d+% {2}[\d.]+ (B|KB) of [\d.]+ KB {2}[\d.]+ (B|KB|MB|GB)\/s {2}[\d,]+ records\/s {2}.*blob\.jsonl\n\u001b\[1A\u001b\[2K\n$/);
    expect(tty.out).toMatch(/^kqlgen validate: 1 file/);
    const plain = await validate([file]);
    expect(plain.out + plain.err).not.toContain("\u001b");
    expect(plain.out + plain.err).not.toContain("records/s");
  });
});

describe("kqlgen validate (the binary)", () => {
  it("runs as a subprocess with the exit code and report of main()", async () => {
    const file = path.join(dir, "blob.jsonl");
    const bin = path.join(REPO, "bin", "kqlgen.js");
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, "validate", "--schemas", schemas, "--config", config, "--format", "json", file], { cwd: REPO }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual((await report([file])).report);
  });
});
