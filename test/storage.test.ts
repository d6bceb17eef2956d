/**
 * The generated package's Storage reader against Azurite (Microsoft's Storage
 * emulator) through the real @azure/storage-blob SDK: the export's layout
 * (containers per table, append blobs per hour and tenant, CRLF lines,
 * PT1H_1.json siblings), incremental reads from a saved cursor, a partial
 * last line completed by a later append, blocks appended while a read is in
 * progress, a replaced blob, stable ids, errors with blob and line.
 */
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAzurite, type Azurite } from "./helpers/azurite.js";
import { mulberry32 } from "./helpers/prng.js";
import { ALL_SCHEMAS, REPO_CONFIG, buildGenerated, runTsc, sampleRow, writeConfig, type Generated, type GeneratedModule, type GeneratedTable } from "./helpers/generated.js";

const TENANT = "4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
const OTHER_TENANT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const HOUR = "y=2026/m=11/d=30/h=21/m=00";
const SINCE = new Date("2026-11-30T00:00:00Z");
const UNTIL = new Date("2026-12-01T00:00:00Z");

let azurite: Azurite;
let service: BlobServiceClient;
let gen: Generated;
let m: GeneratedModule;

beforeAll(async () => {
  [azurite, gen] = await Promise.all([startAzurite(), buildGenerated(ALL_SCHEMAS, REPO_CONFIG)]);
  m = gen.module;
  service = BlobServiceClient.fromConnectionString(azurite.connectionString);
});

afterAll(async () => {
  await azurite?.stop();
});

let seq = 0;
/** A valid DeviceInfo record, its ReportId unique (so each line is told apart). */
function record(table = "DeviceInfo", extra: Record<string, unknown> = {}): Record<string, unknown> {
  const t = m[`${table}Table`] as GeneratedTable;
  return {
    time: "2026-11-30T21:10:00.1234567Z",
    tenantId: TENANT,
    category: `AdvancedHunting-${table}`,
    properties: { ...sampleRow(t, { MachineGroup: "Servers", ReportId: ++seq }), ...extra },
  };
}

const line = (r: unknown) => `${JSON.stringify(r)}\r\n`;

/** A fresh container (its own name per test) holding append blobs. */
async function container(table: string, suffix: string): Promise<ContainerClient> {
  const c = service.getContainerClient(`insights-logs-advancedhunting-${table.toLowerCase()}${suffix}`);
  await c.create();
  return c;
}

async function appendBlob(c: ContainerClient, name: string, ...blocks: string[]) {
  const b = c.getAppendBlobClient(name);
  await b.createIfNotExists();
  for (const block of blocks) await b.appendBlock(block, Buffer.byteLength(block));
  return b;
}

interface Batch {
  blob: string;
  records: { id: string; record: Record<string, unknown>; line: number; offset: number }[];
  errors: { blob: string; line: number; offset: number; id: string; path: string; expected: string; found: string; column?: string }[];
  unknownColumns: { table: string; column: string; count: number }[];
  unknownCategories: { category: string; count: number }[];
  cursor: { offset: number; line: number; etag?: string };
  replaced: boolean;
}

/** Reads everything `readStorage` yields, saving each batch's cursor as a consumer would. */
async function readAll(source: unknown, saved: Record<string, unknown>, options: Record<string, unknown> = {}): Promise<Batch[]> {
  const batches: Batch[] = [];
  for await (const batch of m.readStorage(source, { since: SINCE, until: UNTIL, cursor: saved, ...options }) as AsyncIterable<Batch>) {
    batches.push(batch);
    saved[batch.blob] = batch.cursor;
  }
  return batches;
}

const reportIds = (batches: Batch[]) => batches.flatMap((b) => b.records.map((r) => (r.record.properties as { ReportId: number }).ReportId));

describe("readStorage against Azurite", () => {
  it("reads every line exactly once across appends, from the saved cursor; a line split across two appends is read whole, once", async () => {
    const c = await container("DeviceInfo", "");
    const name = `tenantId=${TENANT}/${HOUR}/PT1H.json`;
    const first = [record(), record(), record()];
    const split = record();
    const splitText = line(split);
    const cut = Math.floor(splitText.length / 2);
    // Three whole lines and the first half of a fourth.
    const blob = await appendBlob(c, name, first.map(line).join(""), splitText.slice(0, cut));
    const saved: Record<string, unknown> = {};

    const one = await readAll(c, saved);
    expect(reportIds(one)).toEqual(first.map((r) => (r.properties as { ReportId: number }).ReportId));
    const path = `${c.containerName}/${name}`;
    const firstBytes = Buffer.byteLength(first.map(line).join(""));
    expect(saved[path]).toMatchObject({ offset: firstBytes, line: 4 });

    // The rest of the split line, then two more lines in two blocks.
    const later = [record(), record()];
    await blob.appendBlock(splitText.slice(cut), Buffer.byteLength(splitText.slice(cut)));
    for (const r of later) await blob.appendBlock(line(r), Buffer.byteLength(line(r)));
    const two = await readAll(c, saved);
    expect(reportIds(two)).toEqual([split, ...later].map((r) => (r.properties as { ReportId: number }).ReportId));
    expect(two.flatMap((b) => b.errors)).toEqual([]);
    // The split line is read whole: the same record, at the line and offset where it starts.
    const whole = two[0]!.records[0]!;
    expect(whole.record).toEqual(split);
    expect(whole).toMatchObject({ line: 4, offset: firstBytes, id: `${path}:${firstBytes}` });

    // Nothing new: nothing read, and no download: the listing's etag is the cursor's.
    expect(reportIds(await readAll(c, saved))).toEqual([]);
    let downloads = 0;
    const counting = { download: (offset?: number, count?: number) => (downloads++, blob.download(offset, count)) };
    const props = await blob.getProperties();
    const listed = { etag: props.etag, size: props.contentLength, created: props.createdOn };
    const none = [];
    for await (const b of m.readStorageBlobRecords(path, counting, saved[path], { listed })) none.push(b);
    expect([none, downloads]).toEqual([[], 0]);
    // Without the listing, one download finds nothing new.
    for await (const b of m.readStorageBlobRecords(path, counting, saved[path])) none.push(...(b as Batch).records);
    expect([none, downloads]).toEqual([[], 1]);
    // Read from scratch: the same records with the same ids.
    const again = await readAll(c, {});
    expect(again.flatMap((b) => b.records.map((r) => r.id))).toEqual([...one, ...two].flatMap((b) => b.records.map((r) => r.id)));
  });

  it("appends cut at any byte (inside lines, inside UTF-8 characters, between CR and LF), reads in between: every line once, whole, in order", async () => {
    const c = await container("DeviceInfo", "-random");
    const name = `tenantId=${TENANT}/${HOUR}/PT1H.json`;
    const random = mulberry32(1234);
    const all = Array.from({ length: 120 }, (_, i) => record("DeviceInfo", { DeviceName: i % 3 === 0 ? `poste-\u00e9t\u00e9-\u{1F600}-${i}` : `host-${i}` }));
    const bytes = Buffer.from(all.map(line).join(""));
    const blob = c.getAppendBlobClient(name);
    await blob.create();
    const saved: Record<string, unknown> = {};
    const seen: Record<string, unknown>[] = [];
    const ids = new Set<string>();
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + Math.floor(random() * 6000);
      const piece = bytes.subarray(at, Math.min(bytes.length, at + size));
      await blob.appendBlock(piece, piece.length);
      at += piece.length;
      if (random() < 0.6) {
        for (const batch of await readAll(c, saved, { chunkBytes: 1024 + Math.floor(random() * 4096) })) {
          for (const r of batch.records) {
            expect(ids.has(r.id)).toBe(false);
            ids.add(r.id);
            seen.push(r.record);
          }
          expect(batch.errors).toEqual([]);
        }
      }
    }
    for (const batch of await readAll(c, saved)) seen.push(...batch.records.map((r) => r.record));
    expect(seen).toEqual(all);
  });

  it("reads on while blocks are appended during the read", async () => {
    const c = await container("DeviceInfo", "-growing");
    const name = `tenantId=${TENANT}/${HOUR}/PT1H.json`;
    const initial = Array.from({ length: 40 }, () => record());
    const blob = await appendBlob(c, name, initial.map(line).join(""));
    const appended = Array.from({ length: 30 }, () => record());
    const saved: Record<string, unknown> = {};
    const ids: number[] = [];
    let appendedYet = false;
    // Small downloads, so the read is still going when the appends land.
    for await (const batch of m.readStorage(c, { since: SINCE, until: UNTIL, cursor: saved, chunkBytes: 4096 }) as AsyncIterable<Batch>) {
      ids.push(...reportIds([batch]));
      saved[batch.blob] = batch.cursor;
      if (!appendedYet) {
        appendedYet = true;
        for (const r of appended) await blob.appendBlock(line(r), Buffer.byteLength(line(r)));
      }
    }
    expect(ids).toEqual([...initial, ...appended].map((r) => (r.properties as { ReportId: number }).ReportId));
    expect(reportIds(await readAll(c, saved))).toEqual([]);
  });

  it("lists by prefix: the window's hours, every tenant, PT1H_1.json siblings; other hours are not read", async () => {
    const c = await container("DeviceInfo", "-layout");
    const inWindow = [
      `tenantId=${TENANT}/y=2026/m=11/d=30/h=00/m=00/PT1H.json`,
      `tenantId=${TENANT}/${HOUR}/PT1H.json`,
      `tenantId=${TENANT}/${HOUR}/PT1H_1.json`,
      `tenantId=${OTHER_TENANT}/y=2026/m=11/d=30/h=23/m=00/PT1H.json`,
    ];
    const outside = [`tenantId=${TENANT}/y=2026/m=11/d=29/h=23/m=00/PT1H.json`, `tenantId=${TENANT}/y=2026/m=12/d=01/h=00/m=00/PT1H.json`];
    const want: number[] = [];
    for (const name of [...inWindow, ...outside]) {
      const r = record();
      if (inWindow.includes(name)) want.push((r.properties as { ReportId: number }).ReportId);
      await appendBlob(c, name, line(r));
    }
    await appendBlob(c, "not-the-export/readme.txt", "hello\r\n");
    const batches = await readAll(c, {});
    expect(new Set(batches.map((b) => b.blob.slice(c.containerName.length + 1)))).toEqual(new Set(inWindow));
    expect(reportIds(batches).sort()).toEqual(want.sort());
    // A narrower window: the one hour.
    const hour = await readAll(c, {}, { since: new Date("2026-11-30T21:30:00Z"), until: new Date("2026-11-30T21:40:00Z") });
    expect(hour.map((b) => b.blob.slice(c.containerName.length + 1))).toEqual([`tenantId=${TENANT}/${HOUR}/PT1H.json`, `tenantId=${TENANT}/${HOUR}/PT1H_1.json`]);
  });

  it("an account: one container per table asked for, or every export container", async () => {
    const s = new BlobServiceClient(`${azurite.blobEndpoint}`, service.credential);
    // Tables by name, any case; their containers are created in this test (the account holds other tests' too).
    const process = await container("DeviceProcessEvents", "");
    const r = record("DeviceProcessEvents");
    await appendBlob(process, `tenantId=${TENANT}/${HOUR}/PT1H.json`, line(r));
    const batches = await readAll(s, {}, { tables: ["deviceprocessevents"] });
    expect(batches.map((b) => b.blob)).toEqual([`insights-logs-advancedhunting-deviceprocessevents/tenantId=${TENANT}/${HOUR}/PT1H.json`]);
    expect(batches[0]!.records[0]!.record).toEqual(r);
    const all = await readAll(s, {});
    expect(new Set(all.map((b) => b.blob.split("/")[0]))).toContain("insights-logs-advancedhunting-deviceprocessevents");
    expect(all.every((b) => b.blob.startsWith("insights-logs-advancedhunting-"))).toBe(true);
  });

  it("reports errors with blob, line and id; drift; skips blank lines; the same as parseStorageBlob", async () => {
    const c = await container("DeviceInfo", "-errors");
    const name = `tenantId=${TENANT}/${HOUR}/PT1H.json`;
    const text = [
      line(record()),
      "\r\n",
      line(record("DeviceInfo", { OSBuild: "not a number" })),
      '{"time": broken\r\n',
      line(record("DeviceInfo", { BrandNewColumn: 1 })),
      line({ ...record(), category: "AdvancedHunting-TomorrowEvents" }),
    ].join("");
    await appendBlob(c, name, text);
    const [batch, ...rest] = await readAll(c, {});
    expect(rest).toEqual([]);
    const path = `${c.containerName}/${name}`;
    const want = m.parseStorageBlob(text);
    expect(batch!.records.map((r) => r.record)).toEqual(want.records);
    expect(batch!.records.map((r) => r.line)).toEqual([1, 5]);
    expect(batch!.unknownColumns).toEqual(want.unknownColumns);
    expect(batch!.unknownCategories).toEqual(want.unknownCategories);
    expect(batch!.errors.map(({ blob, offset, id, ...e }) => e)).toEqual(want.errors);
    expect(batch!.errors.map((e) => [e.blob, e.line, e.column])).toEqual([
      [path, 3, "OSBuild"],
      [path, 4, undefined],
    ]);
    const third = Buffer.byteLength(text.split("\r\n").slice(0, 2).join("\r\n") + "\r\n");
    expect(batch!.errors[0]).toMatchObject({ offset: third, id: `${path}:${third}` });
  });

  it("keeps a long beyond 2^53 exact (longs read as bigint), from the line's own text", async () => {
    const bigint = (await buildGenerated(ALL_SCHEMAS, writeConfig({ mapping: { long: "bigint" } }, "storage-bigint"))).module;
    const c = await container("DeviceInfo", "-exact");
    const text = line(record()).replace(/"ReportId":\d+/, '"ReportId":639199803770463703');
    await appendBlob(c, `tenantId=${TENANT}/${HOUR}/PT1H.json`, line(record()), text);
    const ids = [];
    for await (const batch of bigint.readStorage(c, { since: SINCE, until: UNTIL }) as AsyncIterable<Batch>) ids.push(...batch.records.map((r) => (r.record.properties as { ReportId: unknown }).ReportId));
    expect(ids[1]).toBe(639199803770463703n);
  });

  it("a replaced blob is read again from its start, flagged", async () => {
    const c = await container("DeviceInfo", "-replaced");
    const name = `tenantId=${TENANT}/${HOUR}/PT1H.json`;
    await appendBlob(c, name, line(record()), line(record()));
    const saved: Record<string, unknown> = {};
    await readAll(c, saved);
    await c.getBlobClient(name).delete();
    // Longer than before, and its lines fall elsewhere: the reader must not resume in the middle of one.
    const fresh = [record("DeviceInfo", { DeviceName: "a-much-longer-device-name-than-before.contoso.com" }), record(), record()];
    await appendBlob(c, name, fresh.map(line).join(""));
    const batches = await readAll(c, saved);
    expect(batches[0]!.replaced).toBe(true);
    expect(reportIds(batches)).toEqual(fresh.map((r) => (r.properties as { ReportId: number }).ReportId));
    expect(batches[0]!.records[0]!.offset).toBe(0);
  });

  it("takes the real SDK's clients: a consumer's code compiles under tsc --strict", async () => {
    const file = join(gen.dir, "consumer.ts");
    writeFileSync(
      file,
      [
        'import { BlobServiceClient, ContainerClient } from "@azure/storage-blob";',
        'import { readStorage, readStorageBlobRecords, readCapture, type StorageCursor } from "./dist/index.js";',
        "export async function consume(service: BlobServiceClient, container: ContainerClient, saved: Record<string, StorageCursor[string]>) {",
        "  for await (const batch of readStorage(service, { since: new Date(0), until: new Date(), tables: ['DeviceInfo'], cursor: saved })) {",
        "    for (const { id, record } of batch.records) if (record.category === 'AdvancedHunting-DeviceInfo') console.log(id, record.properties.DeviceName);",
        "    saved[batch.blob] = batch.cursor;",
        "  }",
        "  for await (const batch of readStorage(container, { since: new Date(0), until: new Date() })) console.log(batch.errors.length);",
        "  for await (const batch of readStorageBlobRecords('c/b', container.getAppendBlobClient('b'), saved['c/b'])) console.log(batch.cursor.offset);",
        "}",
        'export async function capture(bytes: Uint8Array) { const avro = await import("avsc"); for await (const m of readCapture(bytes, avro)) console.log(m.message.sequenceNumber, m.records.length); }',
        "declare const console: { log(...a: unknown[]): void };",
        "",
      ].join("\n"),
    );
    const r = await runTsc(["--ignoreConfig", "--noEmit", "--strict", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022", "--skipLibCheck", "--types", "node", file]);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  });
});
