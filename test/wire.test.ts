/**
 * What Defender really streams (issue 8), judged by the real records in
 * ../shared/real-stream/records/: null strings, absent columns, MachineGroup
 * absent or null, envelope extras, and longs beyond 2^53 kept exact — through
 * the generated package (parseEventHubsMessage, parseStorageBlob,
 * validate<Table>Event) and `kqlgen validate`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import type { ValidateReport } from "../src/validate/index.js";
import { Scanner } from "../src/validate/scan.js";
import { FIXTURES, buildGenerated, writeConfig, type GeneratedModule } from "./helpers/generated.js";
import { captureIo, cleanupTmpDirs, makeTmpDir } from "./helpers/tree.js";

const CORPUS = path.resolve(FIXTURES, "../../shared/real-stream/records");
const BIG = "639199803770463703";

interface CorpusRecord {
  /** Path under records/, e.g. "elastic/test-device.log". */
  readonly file: string;
  /** Index of the record in its file. */
  readonly index: number;
  readonly table: string;
  /** The record's JSON text, exactly as in the file (pretty-printed ones too). */
  readonly text: string;
}

/** Every record of the corpus, split by kqlgen validate's own scanner (message bodies, JSON lines, pretty-printed). */
function corpus(): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  for (const dir of readdirSync(CORPUS).sort()) {
    for (const name of readdirSync(path.join(CORPUS, dir)).sort()) {
      const file = `${dir}/${name}`;
      const buf = readFileSync(path.join(CORPUS, file));
      let index = 0;
      const scanner = new Scanner({
        value(value, _start, _record, text) {
          const category = (value as { category?: unknown }).category;
          out.push({ file, index: index++, table: String(category).replace(/^AdvancedHunting-/, ""), text });
        },
        corrupt(_at, _record, message) {
          throw new Error(`${file}: ${message}`);
        },
        notData(message) {
          throw new Error(`${file}: ${message}`);
        },
      });
      scanner.feed(buf, 0, buf.length, true);
    }
  }
  return out;
}

/** A record as the only record of an Event Hubs message body, from its own text. */
function body(r: CorpusRecord): string {
  return `{"records":[${r.text}]}`;
}

/**
 * The samples the corpus README lists as modified by their authors, and the
 * reason each fails: every error of the record is about this column or path.
 */
const MODIFIED: readonly { file: string; table: string; why: string; errors: { path: string; column?: string; found: RegExp } }[] = [
  {
    file: "elastic/test-device.log",
    table: "DeviceNetworkEvents",
    why: "hand-assembled 2023-07-19 set: AdditionalFields as an object",
    errors: { path: "/records/0/properties/AdditionalFields", column: "AdditionalFields", found: /^object$/ },
  },
  {
    file: "elastic/test-app-and-identity.log",
    table: "CloudAppEvents",
    why: "hand-written record: IsAdminOperation: 0",
    errors: { path: "/records/0/properties/IsAdminOperation", column: "IsAdminOperation", found: /^number 0$/ },
  },
  {
    file: "elastic/test-alert.log",
    table: "DeviceProcessEvents",
    why: "placeholder tenantId",
    errors: { path: "/records/0/tenantId", found: /^string "(b33f-beef-beef|abcdef0-12345-678987)"$/ },
  },
];

/** Samples the README lists as trimmed to a subset of columns: valid (absent columns are drift), and these columns among the absent ones. */
const TRIMMED: readonly { file: string; table: string; columns: readonly string[] }[] = [
  { file: "elastic/test-alert.log", table: "AlertEvidence", columns: ["Title", "Categories", "AttackTechniques", "DetectionSource", "Severity"] },
  { file: "graph2otel/deviceevent.jsonl", table: "DeviceEvents", columns: ["FileName", "FolderPath", "SHA1", "ProcessId"] },
  { file: "graph2otel/deviceregistry.jsonl", table: "DeviceRegistryEvents", columns: ["PreviousRegistryKey", "InitiatingProcessCommandLine"] },
];

let records: CorpusRecord[] = [];
let fixtureTables: Set<string>;
let plain: GeneratedModule;

beforeAll(async () => {
  records = corpus();
  fixtureTables = new Set((await readSchemaDir(FIXTURES)).tables.map((t) => t.name));
  plain = (await buildGenerated(FIXTURES, writeConfig({}, "wire-defaults"))).module;
});

afterAll(cleanupTmpDirs);

describe("the real records of ../shared/real-stream", () => {
  it("every record whose table the fixtures have is valid, except the modified samples, which fail for the reason the README lists", () => {
    const inScope = records.filter((r) => fixtureTables.has(r.table));
    expect(inScope.length).toBeGreaterThan(50);
    const failedFor = new Map<string, number>();
    for (const r of inScope) {
      const result = plain.parseEventHubsMessage(body(r));
      const modified = MODIFIED.find((m) => m.file === r.file && m.table === r.table && result.errors.length > 0);
      if (modified) {
        for (const e of result.errors) {
          expect({ path: e.path, column: e.column }, `${r.file} #${r.index}: ${modified.why}`).toEqual({ path: modified.errors.path, column: modified.errors.column });
          expect(e.found).toMatch(modified.errors.found);
        }
        failedFor.set(modified.why, (failedFor.get(modified.why) ?? 0) + 1);
        continue;
      }
      expect(result.errors, `${r.file} #${r.index} (${r.table})`).toEqual([]);
      expect(result.records, `${r.file} #${r.index} (${r.table})`).toHaveLength(1);
    }
    // Each listed modification was met, and failed as listed.
    expect(Object.fromEntries(failedFor)).toEqual({
      "hand-assembled 2023-07-19 set: AdditionalFields as an object": 10,
      "hand-written record: IsAdminOperation: 0": 1,
      "placeholder tenantId": 2,
    });
  });

  it("null strings, absent columns and MachineGroup absent or null are what the live 2026 captures carry, and they are valid", () => {
    const live = records.filter((r) => r.file.startsWith("graph2otel/") && fixtureTables.has(r.table));
    let nullStrings = 0;
    for (const r of live) {
      const result = plain.parseEventHubsMessage(body(r));
      expect(result.errors, r.file).toEqual([]);
      const props = result.records[0].properties as Record<string, unknown>;
      const info = plain[`${r.table}Table`] as { columns: { name: string; type: string }[] };
      nullStrings += info.columns.filter((c) => c.type === "string" && props[c.name] === null).length;
    }
    expect(nullStrings).toBeGreaterThan(100);
  });

  it("the trimmed samples are valid, and their absent columns are drift, reported per table with how many records lacked each", () => {
    for (const t of TRIMMED) {
      const r = records.find((x) => x.file === t.file && x.table === t.table)!;
      const result = plain.parseEventHubsMessage(body(r));
      expect(result.errors).toEqual([]);
      const missing = result.missingColumns.filter((m: { table: string }) => m.table === t.table).map((m: { column: string; count: number }) => [m.column, m.count]);
      for (const c of t.columns) expect(missing).toContainEqual([c, 1]);
    }
  });

  it("the envelope extras (operationName, Tenant, _TimeReceivedBySvc) are accepted, an unknown envelope key is reported, and one of the wrong type is an error", () => {
    const r = records.find((x) => x.file === "graph2otel/deviceinfo.jsonl")!;
    const rec = JSON.parse(r.text) as Record<string, unknown>;
    expect(Object.keys(rec)).toEqual(expect.arrayContaining(["operationName", "Tenant", "_TimeReceivedBySvc"]));
    const result = plain.parseEventHubsMessage({ records: [{ ...rec, Region: "westeurope" }, { ...rec, Region: "x" }, { ...rec, Tenant: 5 }] });
    expect(result.records).toHaveLength(2);
    expect(result.unknownEnvelopeKeys).toEqual([{ key: "Region", count: 2 }]);
    expect(result.errors).toEqual([
      { record: 2, category: "AdvancedHunting-DeviceInfo", path: "/records/2/Tenant", expected: "string (an optional envelope field)", found: "number 5" },
    ]);
  });
});

describe("validate<Table>Event: the streamed-record shape, beside the query row", () => {
  it("accepts null strings and absent columns, lists the absent ones, and still rejects a wrong type; the query row does not accept null strings", () => {
    const r = records.find((x) => x.file === "elastic/test-device.log" && x.table === "DeviceInfo")!;
    const props = (JSON.parse(r.text) as { properties: Record<string, unknown> }).properties;
    const event = plain.validateDeviceInfoEvent(structuredClone(props));
    expect(event.ok).toBe(true);
    expect(event.missingColumns).toEqual(expect.arrayContaining(["ConnectivityType", "HostDeviceId", "HardwareUuid", "IsTransient"]));
    expect(event.unknownColumns).toEqual([]);
    expect(plain.isDeviceInfoEvent(structuredClone(props))).toBe(true);
    expect(plain.isDeviceInfoEvent({ ...props, DeviceName: 5 })).toBe(false);
    // The query row: what Kusto returns (strings never null, every column present).
    const row = plain.validateDeviceInfo(structuredClone(props));
    expect(row.ok).toBe(false);
  });

  it("names each record's own absent columns, when records repeat one list and when they lack different columns of the same count", () => {
    const r = records.find((x) => x.file === "elastic/test-device.log" && x.table === "DeviceInfo")!;
    const props = (JSON.parse(r.text) as { properties: Record<string, unknown> }).properties;
    const order: string[] = plain.DeviceInfoTable.columns.map((c: { name: string }) => c.name);
    const lacking = order.filter((c) => c !== "MachineGroup" && !(c in props));
    expect(lacking.length).toBeGreaterThan(0);
    const without = (...names: string[]) => Object.fromEntries(Object.entries(props).filter(([k]) => !names.includes(k)));
    const cases = [["DeviceName", "OSPlatform"], ["DeviceName", "PublicIP"], ["DeviceName", "OSPlatform"], ["DeviceName", "OSPlatform"], [], ["PublicIP", "OSPlatform"]];
    const want = cases.map((gone) => order.filter((c) => lacking.includes(c) || gone.includes(c)));
    // validate<Table>Event, one record after another
    expect(cases.map((gone) => plain.validateDeviceInfoEvent(without(...gone)).missingColumns)).toEqual(want);
    // the stream parser: drift counted per column over the same records, in one message
    const envelope = JSON.parse(r.text) as Record<string, unknown>;
    const message = JSON.stringify({ records: cases.map((gone) => ({ ...envelope, properties: without(...gone) })) });
    const result = plain.parseEventHubsMessage(message);
    expect(result.errors).toEqual([]);
    const counts = new Map<string, number>();
    for (const list of want) for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(result.missingColumns.filter((m: { table: string }) => m.table === "DeviceInfo")).toEqual(
      [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([column, count]) => ({ table: "DeviceInfo", column, count })),
    );
  });
});

describe("a table of 1,200 columns (its checks continue in a chain of functions; more absent columns than the check notes)", () => {
  const TYPES = ["string", "long", "bool", "int", "real", "dynamic", "guid"] as const;
  const names = Array.from({ length: 1199 }, (_, i) => `C${String(i).padStart(4, "0")}`);
  const typeOf = (i: number) => TYPES[i % TYPES.length]!;
  let wide: GeneratedModule;

  beforeAll(async () => {
    const dir = await makeTmpDir("wire-wide");
    await writeFile(path.join(dir, "Wide.getschema.csv"), ["ColumnName,ColumnType", "Timestamp,datetime", ...names.map((n, i) => `${n},${typeOf(i)}`), ""].join("\n"));
    // buildGenerated type-checks the package with tsc --strict, which refused one long function (TS2563) and the spread of the columns (TS2590).
    wide = (await buildGenerated(dir, writeConfig({}, "wire-wide"))).module;
  }, 120_000);

  const message = (props: Record<string, unknown>) =>
    JSON.stringify({ records: [{ time: "2026-01-01T00:00:01Z", tenantId: "8c3f5e0a-1b2c-4d5e-9f60-7a8b9c0d1e2f", category: "AdvancedHunting-Wide", properties: props }] });

  it("names every absent column, from the record itself when they outnumber the notes", () => {
    const lacking = names.filter((_, i) => i % 40 !== 0);
    const props = Object.fromEntries([["Timestamp", "2026-01-01T00:00:00Z"], ...names.filter((n) => !lacking.includes(n)).map((n) => [n, null])]);
    expect(lacking.length).toBeGreaterThan(1024);
    expect(wide.validateWideEvent(props).missingColumns).toEqual(lacking);
    const result = wide.parseEventHubsMessage(message(props));
    expect(result.errors).toEqual([]);
    expect(result.missingColumns.map((m: { column: string }) => m.column)).toEqual(lacking);
  });

  it("checks every column of every part: an error, an absent column and a long beyond 2^53 far down the table are found", () => {
    const props: Record<string, unknown> = { Timestamp: "2026-01-01T00:00:00Z" };
    for (const n of names) props[n] = null;
    delete props.C0600;
    props.C1198 = 5; // 1198 % 7 = 1: a long; 1197 % 7 = 0: a string
    props.C1093 = 2 ** 60; // a long column in the fifth part
    expect(wide.validateWideEvent(props).ok).toBe(true);
    expect(wide.validateWideEvent(props).missingColumns).toEqual(["C0600"]);
    const parsed = wide.parseEventHubsMessage(message(props));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings.map((w: { column: string }) => w.column)).toEqual(["C1093"]);
    expect(parsed.missingColumns).toEqual([{ table: "Wide", column: "C0600", count: 1 }]);
    const bad = wide.validateWideEvent({ ...props, C1197: 42, C0260: "x", C0001: true });
    expect(bad.errors.map((e: { column: string }) => e.column)).toEqual(["C0001", "C0260", "C1197"]);
    const row = Object.fromEntries([["Timestamp", "2026-01-01T00:00:00Z"], ...names.map((n, i) => [n, typeOf(i) === "string" ? "s" : typeOf(i) === "dynamic" ? {} : typeOf(i) === "bool" ? true : typeOf(i) === "guid" ? "8c3f5e0a-1b2c-4d5e-9f60-7a8b9c0d1e2f" : 1])]);
    expect(wide.validateWide(row).ok).toBe(true);
    expect(wide.validateWide({ ...row, C1190: 3 }).errors.map((e: { column: string }) => e.column)).toEqual(["C1190"]);
  });
});

describe('mapping.missingColumns: "error"', () => {
  let strict: GeneratedModule;
  beforeAll(async () => {
    strict = (await buildGenerated(FIXTURES, writeConfig({ mapping: { missingColumns: "error" } }, "wire-missing-error"))).module;
  });

  it("turns an older record into an error that names each absent column", () => {
    const r = records.find((x) => x.file === "elastic/test-device.log" && x.table === "DeviceInfo")!;
    const result = strict.parseEventHubsMessage(body(r));
    expect(result.records).toEqual([]);
    const named = result.errors.map((e: { column: string; path: string; found: string; expected: string }) => [e.column, e.path, e.found]);
    expect(named).toContainEqual(["ConnectivityType", "/records/0/properties/ConnectivityType", "missing"]);
    expect(named).toContainEqual(["OsBuildRevision", "/records/0/properties/OsBuildRevision", "missing"]);
    expect(result.errors[0].expected).toMatch(/absent columns are errors in this package: mapping.missingColumns/);
    // MachineGroup is never required: the stream leaves it out of non-device tables.
    expect(named.map((n: string[]) => n[0])).not.toContain("MachineGroup");
    expect(strict.validateDeviceInfoEvent((JSON.parse(r.text) as { properties: unknown }).properties).ok).toBe(false);
  });

  it("the trimmed samples fail, naming the columns their authors removed", () => {
    for (const t of TRIMMED) {
      const r = records.find((x) => x.file === t.file && x.table === t.table)!;
      const columns = strict.parseEventHubsMessage(body(r)).errors.map((e: { column?: string }) => e.column);
      for (const c of t.columns) expect(columns, `${t.file}`).toContain(c);
    }
  });
  it("a record with every column is valid with a long beyond 2^53 in it (a warning in number mode); lacking one column it is not", () => {
    const rec = JSON.parse(records.find((x) => x.file === "graph2otel/deviceinfo.jsonl")!.text) as { properties: Record<string, unknown> };
    for (const c of strict.DeviceInfoTable.columns as { name: string }[]) if (!(c.name in rec.properties)) rec.properties[c.name] = null;
    expect(rec.properties.ReportId).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const whole = strict.parseEventHubsMessage(JSON.stringify({ records: [rec] }));
    expect(whole.errors).toEqual([]);
    expect(whole.records).toHaveLength(1);
    expect(whole.warnings.map((w: { column: string }) => w.column)).toEqual(["ReportId"]);
    expect(whole.missingColumns).toEqual([]);
    expect(strict.isDeviceInfoEvent(structuredClone(rec.properties))).toBe(true);
    expect(strict.validateDeviceInfoEvent(structuredClone(rec.properties)).ok).toBe(true);
    delete rec.properties.OSBuild;
    const lacking = strict.parseEventHubsMessage(JSON.stringify({ records: [rec] }));
    expect(lacking.records).toEqual([]);
    expect(lacking.errors.map((e: { column: string }) => e.column)).toEqual(["OSBuild"]);
    expect(strict.isDeviceInfoEvent(structuredClone(rec.properties))).toBe(false);
    expect(strict.validateDeviceInfoEvent(structuredClone(rec.properties)).ok).toBe(false);
  });
});

describe("a long beyond 2^53 is never silently changed: DeviceInfo.ReportId 639199803770463703", () => {
  let text = "";
  let line = "";
  let bigint: GeneratedModule;
  let string: GeneratedModule;
  beforeAll(async () => {
    text = records.find((x) => x.file === "graph2otel/deviceinfo.jsonl")!.text;
    expect(text).toContain(`"ReportId": ${BIG},`);
    // One JSON line: JSON strings hold no raw line breaks, so the indentation after each is outside them.
    line = text.replace(/\n\s*/g, "");
    [bigint, string] = await Promise.all([
      buildGenerated(FIXTURES, writeConfig({ mapping: { long: "bigint" } }, "wire-long-bigint")).then((g) => g.module),
      buildGenerated(FIXTURES, writeConfig({ mapping: { long: "string" } }, "wire-long-string")).then((g) => g.module),
    ]);
  });

  it("bigint and string modes give exactly the wire's digits through parseEventHubsMessage (text and bytes) and parseStorageBlob", () => {
    const message = `{"records":[${text}]}`;
    for (const input of [message, new TextEncoder().encode(message)]) {
      const b = bigint.parseEventHubsMessage(input);
      expect(b.errors).toEqual([]);
      expect(b.warnings).toEqual([]);
      expect(b.records[0].properties.ReportId).toBe(BigInt(BIG));
      const s = string.parseEventHubsMessage(input);
      expect(s.records[0].properties.ReportId).toBe(BIG);
    }
    const blob = `${line}\n${line.replace(BIG, "-9007199254740993")}\n`;
    const b = bigint.parseStorageBlob(blob);
    expect(b.records.map((r: { properties: { ReportId: bigint } }) => r.properties.ReportId)).toEqual([BigInt(BIG), -9007199254740993n]);
    const s = string.parseStorageBlob(new TextEncoder().encode(blob));
    expect(s.records.map((r: { properties: { ReportId: string } }) => r.properties.ReportId)).toEqual([BIG, "-9007199254740993"]);
    // Safe longs are converted too, and OSBuild (null here) stays null.
    expect(s.records[0].properties.OSBuild).toBe(null);
  });

  it("many records of one message each keep their own digits (the text is searched forward, record after record)", () => {
    const recs = Array.from({ length: 50 }, (_, i) => line.replace(BIG, (BigInt(BIG) + BigInt(i)).toString()));
    const result = bigint.parseEventHubsMessage(`{"records":[${recs.join(",")}]}`);
    expect(result.records.map((r: { properties: { ReportId: bigint } }) => r.properties.ReportId)).toEqual(recs.map((_, i) => BigInt(BIG) + BigInt(i)));
  });

  it("the digits are found by value, not fooled by look-alikes: strings, other keys, longer numbers, escaped keys, spacing, signs, powers of ten", () => {
    // Each record's own digits; they all round to doubles that other text in the message also "contains".
    const cases = [
      { digits: "639199803770463705", decoys: `"AdditionalFields":"ReportId\\":639199803770463705 x639199803770463701"` },
      { digits: "639199803770463650", decoys: `"DeviceName":"6391998037704636501"` },
      { digits: "-639199803770463703", decoys: `"OSVersion":"639199803770463703"` },
      // Near 10^18 the integers rounding to one double have different lengths: the search goes by the key.
      { digits: "999999999999999999", decoys: `"LoggedOnUsers":"999999999999999999"` },
      { digits: "1000000000000000001", decoys: `"PublicIP":"1000000000000000001"` },
    ];
    const recs = cases.map(({ digits, decoys }) => {
      const rec = JSON.parse(text);
      for (const k of Object.keys(rec.properties)) if (decoys.includes(`"${k}":`)) delete rec.properties[k];
      // Spacing around the colon, as a pretty-printer writes it.
      return JSON.stringify(rec).replace(/"ReportId":\d+/, `"ReportId" :  ${digits}`).replace(/^\{/, `{"Decoy":{${decoys}},`);
    });
    const message = `{"records":[${recs.join(",\n")}]}`;
    const b = bigint.parseEventHubsMessage(message);
    expect(b.errors).toEqual([]);
    expect(b.records.map((r: { properties: { ReportId: bigint } }) => r.properties.ReportId)).toEqual(cases.map((c) => BigInt(c.digits)));
    const s = string.parseStorageBlob(recs.join("\n"));
    expect(s.records.map((r: { properties: { ReportId: string } }) => r.properties.ReportId)).toEqual(cases.map((c) => c.digits));
  });

  it("an already-parsed object has lost the digits: the record says so in a warning", () => {
    const result = bigint.parseEventHubsMessage({ records: [JSON.parse(text)] });
    expect(result.records[0].properties.ReportId).toBe(639199803770463744n);
    expect(result.warnings).toEqual([
      {
        record: 0,
        category: "AdvancedHunting-DeviceInfo",
        path: "/records/0/properties/ReportId",
        column: "ReportId",
        expected: expect.stringMatching(/parsed before kqlgen saw it/),
        found: "number 639199803770463700",
      },
    ]);
  });

  it("number mode: the record is valid with a warning naming the column and the rounded number (the parser searches no text for it); unsafeLongs: \"error\" makes it an error", async () => {
    const result = plain.parseEventHubsMessage(`{"records":[${text}]}`);
    expect(result.records).toHaveLength(1);
    expect(result.records[0].properties.ReportId).toBe(639199803770463700);
    expect(result.warnings).toEqual([
      {
        record: 0,
        category: "AdvancedHunting-DeviceInfo",
        path: "/records/0/properties/ReportId",
        column: "ReportId",
        expected: expect.stringMatching(/nearest double, not the digits the wire carried; set .*columns\["DeviceInfo\.ReportId"\]\.long to "bigint" or "string"/),
        found: "number 639199803770463700",
      },
    ]);
    const strict = (await buildGenerated(FIXTURES, writeConfig({ mapping: { unsafeLongs: "error" } }, "wire-unsafe-error"))).module;
    const rejected = strict.parseStorageBlob(line);
    expect(rejected.records).toEqual([]);
    expect(rejected.errors.map((e: { column: string; line: number }) => [e.column, e.line])).toEqual([["ReportId", 1]]);
  });

  describe("kqlgen validate", () => {
    let dir = "";
    beforeAll(async () => {
      dir = await makeTmpDir("wire-validate");
      await writeFile(path.join(dir, "blob.json"), `${line}\n`);
      await writeFile(path.join(dir, "message.json"), `{"records":[${text}]}\n`);
    });

    async function run(config: object, format: "json" | "text"): Promise<{ code: number; out: string }> {
      const file = path.join(dir, `config-${JSON.stringify(config).replace(/\W/g, "")}.json`);
      await writeFile(file, JSON.stringify(config));
      const c = captureIo();
      const code = await main(["validate", "--schemas", FIXTURES, "--config", file, "--format", format, path.join(dir, "blob.json"), path.join(dir, "message.json")], c.io);
      return { code, out: c.stdout() };
    }

    it("bigint and string modes: the report shows the wire's exact digits, kept exact", async () => {
      for (const mode of ["bigint", "string"] as const) {
        const { code, out } = await run({ mapping: { long: mode } }, "json");
        expect(code).toBe(0);
        const report = JSON.parse(out) as ValidateReport;
        const info = report.tables.find((t) => t.table === "DeviceInfo")!;
        expect(info.largeLongs).toEqual([
          {
            column: "ReportId",
            mode,
            count: 2,
            exact: 2,
            example: { file: path.join(dir, "blob.json"), line: 1, digits: BIG, parsed: "639199803770463700" },
          },
        ]);
      }
    });

    it("number mode: counts them per column, names the config that keeps them exact, and exits 0 (a warning) — 1 with unsafeLongs: \"error\"", async () => {
      const { code, out } = await run({}, "text");
      expect(code).toBe(0);
      expect(out).toContain(
        `DeviceInfo.ReportId: 2 records, read as number: rounded (${BIG} became 639199803770463700 at ${path.join(dir, "blob.json")}:1); set "mapping": { "long": "bigint" } (or "string"), or "columns": { "DeviceInfo.ReportId": { "long": "bigint" } }, in kqlgen.config.json to keep them exact`,
      );
      const strict = await run({ mapping: { unsafeLongs: "error" } }, "json");
      expect(strict.code).toBe(1);
      const report = JSON.parse(strict.out) as ValidateReport;
      expect(report.tables.find((t) => t.table === "DeviceInfo")!.violations.map((v) => [v.column, v.count])).toEqual([["ReportId", 2]]);
    });

    it("reports absent columns as drift per table, with how many records lacked each (--strict: exit 1)", async () => {
      const older = line.replace(/"HardwareUuid": *"[^"]*",/, "");
      expect(older).not.toContain("HardwareUuid");
      await writeFile(path.join(dir, "older.json"), `${older}\n`);
      const c = captureIo();
      const code = await main(["validate", "--schemas", FIXTURES, "--format", "json", path.join(dir, "older.json")], c.io);
      expect(code).toBe(0);
      const report = JSON.parse(c.stdout()) as ValidateReport;
      expect(report.tables[0]!.missingColumns).toEqual([{ column: "HardwareUuid", count: 1 }]);
      const s = captureIo();
      expect(await main(["validate", "--schemas", FIXTURES, "--strict", path.join(dir, "older.json")], s.io)).toBe(1);
      expect(s.stdout()).toContain("DeviceInfo.HardwareUuid: 1 record of 1 lacked it");
    });
  });
});
