/**
 * Event Hubs Capture files (Avro), written with avsc in both codecs: `kqlgen
 * validate` reads them, and its report — records, errors, drift, corrupt
 * spots, and their places — agrees with the report on the same messages
 * saved as JSON files; the generated package's readCapture agrees with
 * parseEventHubsMessage message for message. Sequence numbers beyond 2^53
 * stay exact; a header-only file is normal.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import type { ValidateReport } from "../src/validate/index.js";
import { captureFile, type CaptureMessageInput } from "./helpers/capture.js";
import { buildGenerated, writeConfig, type GeneratedModule } from "./helpers/generated.js";
import { messageBody, mixedRecords, type TableShape } from "./helpers/streamdata.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir } from "./helpers/tree.js";

let dir = "";
let schemas = "";
let config = "";
let m: GeneratedModule;
/** The messages, as bodies; index 5 carries a ReportId beyond 2^53, index 8 a broken record. */
let bodies: string[] = [];
let sequenceNumbers: bigint[] = [];

const BIG_REPORT_ID = "639199803770463703";

beforeAll(async () => {
  dir = await makeTmpDir("capture");
  schemas = path.join(dir, "schemas");
  await mkdir(schemas);
  for (const f of ["DeviceInfo.getschema.json", "DeviceProcessEvents.graph.json", "CloudAppEvents.graph.json"]) await cp(path.join(FIXTURES, f), path.join(schemas, f));
  config = path.join(dir, "kqlgen.config.json");
  await writeFile(config, "{}");
  const shapes: TableShape[] = (await readSchemaDir(schemas)).tables;
  const records = [...mixedRecords(300, { seed: 41, tables: shapes, invalidEvery: 9, unknownColumnEvery: 11, unknownCategoryEvery: 37 })].map((g) => g.record);
  bodies = [];
  for (let i = 0, at = 0; i < 12; i++) {
    const n = 5 + ((i * 7) % 40);
    bodies.push(messageBody(records.slice(at, at + n)));
    at += n;
  }
  // A DeviceInfo record with a long beyond 2^53, written as Defender writes it (JSON.parse would round it).
  const info = records.find((r) => r.category === "AdvancedHunting-DeviceInfo")!;
  bodies[5] = messageBody([info]).replace(/"ReportId":[^,}]+/, `"ReportId":${BIG_REPORT_ID}`);
  expect(bodies[5]).toContain(BIG_REPORT_ID);
  // A record cut short in the middle of a message.
  const two = JSON.parse(bodies[8]!).records as unknown[];
  bodies[8] = `{"records":[${JSON.stringify(two[0])},${JSON.stringify(two[1]).slice(0, 300)},${JSON.stringify(two[2])}]}`;
  // Sequence numbers past 2^53: exact only as bigints.
  sequenceNumbers = bodies.map((_, i) => 2n ** 53n + 1000n * BigInt(i) + 1n);
  m = (await buildGenerated(schemas, config)).module;
});

afterAll(cleanupTmpDirs);

async function validate(args: readonly string[]): Promise<{ code: number; report: ValidateReport; err: string }> {
  const c = captureIo();
  const code = await main(["validate", "--schemas", schemas, "--config", config, "--format", "json", ...args], c.io);
  if (c.stdout() === "") throw new Error(`exit ${code}: ${c.stderr()}`);
  return { code, report: JSON.parse(c.stdout()) as ValidateReport, err: c.stderr() };
}

function messages(list: readonly string[], from = 0): CaptureMessageInput[] {
  return list.map((body, i) => ({ sequenceNumber: sequenceNumbers[from + i]!, body }));
}

/**
 * The report with every place (any object with a `file`) turned into (message index, line, record, byte): the
 * part a Capture file and JSON files of its messages share. Files and bytes read differ, and are left out.
 */
function normalize(r: ValidateReport, placeOf: (p: Record<string, unknown>) => number): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    if (typeof o.file === "string") {
      const { file: _f, avroRecord: _a, sequenceNumber: _s, ...rest } = o;
      return { message: placeOf(o), ...(walk(rest) as object) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  const { files: _files, bytes: _bytes, ...rest } = r;
  return walk(rest);
}

describe("validate reads Event Hubs Capture files", () => {
  it("agrees with the same messages read as JSON files, in both codecs: records, errors, drift, places", async () => {
    const jsonDir = path.join(dir, "json");
    await mkdir(jsonDir);
    for (const [i, body] of bodies.entries()) await writeFile(path.join(jsonDir, `message-${String(i).padStart(2, "0")}.json`), body);
    const plain = path.join(dir, "ns/hub/0/2024/05/01/12/00/00.avro");
    const deflate = path.join(dir, "ns/hub/1/2024/05/01/12/00/00.avro");
    await mkdir(path.dirname(plain), { recursive: true });
    await mkdir(path.dirname(deflate), { recursive: true });
    await writeFile(plain, await captureFile(messages(bodies), "null", 4096));
    await writeFile(deflate, await captureFile(messages(bodies), "deflate", 4096));
    expect((await readFile(deflate)).length).toBeLessThan((await readFile(plain)).length);

    const json = await validate([jsonDir]);
    expect(json.code).toBe(1);
    expect(json.report.records.invalid).toBeGreaterThan(10);
    expect(json.report.corrupt.count).toBe(1);
    expect(json.report.unknownCategories.length).toBe(1);
    const fromJson = normalize(json.report, (p) => Number(/message-(\d+)\.json$/.exec(p.file as string)![1]));

    for (const file of [plain, deflate]) {
      const avro = await validate([file]);
      expect(avro.err).toBe("");
      expect(avro.code).toBe(1);
      expect(avro.report.files).toBe(1);
      expect(normalize(avro.report, (p) => p.avroRecord as number)).toEqual(fromJson);
      // Every place names the file, the Avro record and its exact sequence number.
      const places = [...avro.report.tables.flatMap((t) => t.violations.flatMap((v) => v.examples)), ...avro.report.corrupt.examples] as unknown as Record<string, unknown>[];
      expect(places.length).toBeGreaterThan(3);
      for (const p of places) {
        expect(p.file).toBe(file);
        expect(p.sequenceNumber).toBe(String(sequenceNumbers[p.avroRecord as number]));
      }
      expect(avro.report.corrupt.examples[0]).toMatchObject({ avroRecord: 8, sequenceNumber: String(2n ** 53n + 8001n), record: 1 });
      // The long beyond 2^53 is reported with the digits the message carried.
      expect(JSON.stringify(avro.report)).toContain(`"digits":"${BIG_REPORT_ID}"`);
    }

    // The text report shows the same places.
    const c = captureIo();
    await main(["validate", "--schemas", schemas, "--config", config, deflate], c.io);
    expect(c.stdout()).toContain(`${deflate} avro record 8 (sequence number 9007199254748993):1 record 1`);
  });

  it("reads a header-only (empty) file as no records, nothing wrong with it; a message without a body is a corrupt spot", async () => {
    const empty = path.join(dir, "empty.avro");
    const one = path.join(dir, "one.avro");
    await writeFile(one, await captureFile([{ sequenceNumber: 1, body: messageBody([JSON.parse(bodies[1]!).records[0]]) }], "null"));
    for (const codec of ["null", "deflate"] as const) {
      await writeFile(empty, await captureFile([], codec));
      // Alone: nothing was checked (NO DATA, exit 2, as for any input without records), but nothing is wrong with it.
      const alone = await validate([empty]);
      expect(alone.code).toBe(2);
      expect(alone.report).toMatchObject({ files: 1, records: { read: 0, valid: 0, invalid: 0, unknownCategory: 0 }, unreadable: [], corrupt: { count: 0 } });
      // Beside a file with a message: read, and it adds nothing.
      const both = await validate([empty, one]);
      const single = await validate([one]);
      expect(both.report).toEqual({ ...single.report, files: 2, bytes: single.report.bytes + (await readFile(empty)).length });
    }
    const noBody = path.join(dir, "no-body.avro");
    await writeFile(noBody, await captureFile([{ sequenceNumber: 7, body: null }, { sequenceNumber: 8, body: bodies[0]! }], "deflate"));
    const r = await validate([noBody]);
    expect(r.code).toBe(1);
    expect(r.report.corrupt.examples).toEqual([{ file: noBody, avroRecord: 0, sequenceNumber: "7", line: 1, byte: 0, message: 'the message has no body (expected {"records":[...]})' }]);
    expect(r.report.records.read).toBe(JSON.parse(bodies[0]!).records.length);
  });

  it("reports a truncated Capture file after the messages it could read; a file that is not Avro past its magic is unreadable", async () => {
    const whole = await captureFile(messages(bodies.slice(0, 6)), "deflate", 1);
    const cut = path.join(dir, "cut.avro");
    await writeFile(cut, whole.subarray(0, whole.length - 200));
    const r = await validate([cut]);
    expect(r.code).toBe(1);
    expect(r.report.corrupt.count).toBe(1);
    const message = r.report.corrupt.examples[0]!.message;
    expect(message).toMatch(/^the Avro data is corrupt or truncated after \d+ records \(truncated: the file ends inside an Avro block/);
    // The messages of the whole blocks before the cut are read, and only those.
    const read = Number(/after (\d+) records/.exec(message)![1]);
    expect(read).toBeGreaterThan(2);
    expect(read).toBeLessThan(6);
    expect(r.report.corrupt.examples[0]).toMatchObject({ file: cut, avroRecord: read });
    expect(r.report.records.read).toBe(bodies.slice(0, read).reduce((n, b) => n + JSON.parse(b).records.length, 0));

    const bad = path.join(dir, "bad.avro");
    await writeFile(bad, Buffer.concat([Buffer.from("Obj\u0001", "latin1"), Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02])]));
    const b = await validate([bad]);
    expect(b.code).toBe(2);
    expect(b.report.unreadable).toEqual([{ file: bad, message: expect.stringMatching(/^not a readable Event Hubs Capture \(Avro\) file/) }]);
  });
});

describe("the generated package's readCapture", () => {
  it("yields per message what parseEventHubsMessage gives, errors placed by Avro record and exact sequence number", async () => {
    const avro = await import("avsc");
    const bytes = await captureFile(messages(bodies), "deflate", 2048);
    const seen: unknown[] = [];
    // From bytes, and from a stream of small chunks: the same.
    const chunks = async function* () {
      for (let i = 0; i < bytes.length; i += 777) yield bytes.subarray(i, i + 777);
    };
    for (const source of [bytes, chunks()]) {
      const batches = [];
      for await (const batch of m.readCapture(source, avro.default)) batches.push(batch);
      expect(batches.length).toBe(bodies.length);
      for (const [i, batch] of batches.entries()) {
        const want = m.parseEventHubsMessage(bodies[i]!);
        expect(batch.records).toEqual(want.records);
        expect(batch.unknownColumns).toEqual(want.unknownColumns);
        expect(batch.unknownCategories).toEqual(want.unknownCategories);
        expect(batch.errors).toEqual(want.errors.map((e: object) => ({ ...e, avroRecord: i, sequenceNumber: String(sequenceNumbers[i]) })));
        expect(batch.message.index).toBe(i);
        expect(batch.message.sequenceNumber).toBe(sequenceNumbers[i]);
      }
      seen.push(batches.map((b) => b.records.length));
    }
    expect(seen[0]).toEqual(seen[1]);
    // With longs read as bigint, the body's long beyond 2^53 comes back exact.
    const bigintPackage = (await buildGenerated(schemas, writeConfig({ mapping: { long: "bigint" } }, "capture-bigint"))).module;
    const exact = [];
    for await (const batch of bigintPackage.readCapture(await captureFile([{ sequenceNumber: 5, body: bodies[5]! }], "deflate"), avro.default)) exact.push(...batch.records);
    expect(exact.map((r: { properties: { ReportId: unknown } }) => r.properties.ReportId)).toEqual([BigInt(BIG_REPORT_ID)]);
    // A small sequence number is a plain number.
    const small = [];
    for await (const b of m.readCapture(await captureFile([{ sequenceNumber: 42, body: bodies[0]! }], "null"), avro.default)) small.push(b.message.sequenceNumber);
    expect(small).toEqual([42]);
  });
});
