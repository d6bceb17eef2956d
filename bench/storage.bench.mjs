#!/usr/bin/env node
/**
 * The Storage reader and Capture files: what reading the export where it is costs.
 *
 *   npm run build && node bench/storage.bench.mjs [--records 50000] [--rounds 5] [--big-mb 1024] [--no-big]
 *
 * - Records/s of the generated package's readStorage reading one append blob
 *   from Azurite on loopback (the real SDK, 4 MiB ranged downloads, every
 *   record checked), against JSON.parse of the same bytes already in memory
 *   (each line decoded and parsed, nothing checked) and parseStorageBlob of
 *   those bytes (checked, no network).
 * - Capture files/s through `kqlgen validate` (validators loaded), deflate
 *   and plain, against plain JSON files of the same messages (one message
 *   body per line).
 * - Peak RSS of a child process reading a --big-mb blob with readStorage,
 *   against the same child reading a blob a tenth of the size: flat memory
 *   means the two peaks are close.
 *
 * Azurite runs as a child process (test/helpers/azurite.ts), keeping blobs on
 * disk under the system's temporary folder. Data is generated
 * (test/helpers/streamdata.ts) and deleted afterwards. Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadGeneratedPackage, loadTestHelper } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
const REPO = join(dirname(SELF), "..");
const TMP = join(REPO, "bench/.tmp");
const DATA = join(TMP, "storage");

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith("--") ? true : Number.isNaN(Number(v)) ? v : Number(v);
}

const RECORDS = flag("records", 50_000);
const ROUNDS = flag("rounds", 5);
const BIG_MB = flag("big-mb", 1024);
const NO_BIG = flag("no-big", false) === true;
const TENANT = "4b8c18bd-2f9f-4227-af55-9f1061cf9c32";
const HOUR = "y=2026/m=11/d=30/h=21/m=00";
const WINDOW = { since: new Date("2026-11-30T00:00:00Z"), until: new Date("2026-12-01T00:00:00Z") };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const n = (x) => Math.round(x).toLocaleString("en-US");


// Child: read one blob with readStorage and report records, time and peak RSS.
if (process.argv[2] === "--child") {
  const [, , , connectionString, container] = process.argv;
  const { BlobServiceClient } = await import("@azure/storage-blob");
  process.env.BENCH_REUSE = "1";
  const { module: g } = await loadGeneratedPackage("storage-bench");
  const before = process.memoryUsage().rss;
  const source = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const t = performance.now();
  let records = 0;
  let bytes = 0;
  let errors = 0;
  for await (const batch of g.readStorage(source, WINDOW)) {
    records += batch.records.length;
    errors += batch.errors.length;
    bytes = batch.cursor.offset;
  }
  const ms = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  // What is still held once the garbage is collected: flat for any blob size means nothing accumulates.
  globalThis.gc?.();
  process.stdout.write(JSON.stringify({ records, errors, bytes, ms, before, peak, heapAfter: process.memoryUsage().heapUsed }));
  process.exit(0);
}

if (!existsSync(join(REPO, "dist/src/validate/index.js"))) {
  console.error("bench: build first (npm run build)");
  process.exit(2);
}

const sd = await loadTestHelper("streamdata");
const { startAzurite } = await loadTestHelper("azurite");
const { captureFile } = await loadTestHelper("capture");
const { BlobServiceClient } = await import("@azure/storage-blob");
const { readSchemaDir } = await import(pathToFileURL(join(REPO, "dist/src/sources/index.js")).href);
const { loadValidators, validateWith } = await import(pathToFileURL(join(REPO, "dist/src/validate/index.js")).href);
const { module: g } = await loadGeneratedPackage("storage-bench");

const tables = (await readSchemaDir(join(REPO, "fixtures"))).tables;
const MIX = { tables, invalidEvery: 50, unknownColumnEvery: 20, unknownCategoryEvery: 200 };
const records = [...sd.mixedRecords(RECORDS, { ...MIX, seed: 7 })].map((r) => r.record);
const text = records.map((r) => `${JSON.stringify(r)}\r\n`).join("");
const bytes = Buffer.from(text);

rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });
const azurite = await startAzurite({ inMemory: false, timeoutMs: 60_000 });
const service = BlobServiceClient.fromConnectionString(azurite.connectionString);

async function appendBlob(container, name, chunks) {
  const c = service.getContainerClient(container);
  await c.createIfNotExists();
  const b = c.getAppendBlobClient(name);
  await b.create();
  for (const chunk of chunks) await b.appendBlock(chunk, chunk.length);
}

/** 4 MiB blocks of whole lines (the export appends smaller ones; the size does not change what is read). */
function blocks(buf, size = 4 << 20) {
  const out = [];
  for (let start = 0; start < buf.length; ) {
    let end = Math.min(buf.length, start + size);
    if (end < buf.length) end = buf.lastIndexOf(10, end - 1) + 1;
    out.push(buf.subarray(start, end));
    start = end;
  }
  return out;
}

try {
  // 1. Records/s: Azurite on loopback vs JSON.parse in memory.
  await appendBlob("insights-logs-advancedhunting-bench", `tenantId=${TENANT}/${HOUR}/PT1H.json`, blocks(bytes));
  const container = service.getContainerClient("insights-logs-advancedhunting-bench");
  const readAll = async () => {
    let count = 0;
    for await (const batch of g.readStorage(container, WINDOW)) {
      count += batch.records.length + new Set(batch.errors.map((e) => e.id)).size + batch.unknownCategories.reduce((k, c) => k + c.count, 0);
    }
    return count;
  };
  const parseLines = () => {
    let count = 0;
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = bytes.length;
      if (end - 1 > start) {
        JSON.parse(bytes.toString("utf8", start, bytes[end - 1] === 13 ? end - 1 : end));
        count++;
      }
      start = end + 1;
    }
    return count;
  };
  const storage = [];
  const parse = [];
  const inMemory = [];
  await readAll();
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    const seen = await readAll();
    storage.push(performance.now() - t);
    if (seen !== RECORDS) throw new Error(`readStorage saw ${seen} records, not ${RECORDS}`);
    t = performance.now();
    parseLines();
    parse.push(performance.now() - t);
    t = performance.now();
    g.parseStorageBlob(bytes);
    inMemory.push(performance.now() - t);
  }
  const mbs = (ms) => (bytes.length / 1e6 / (ms / 1000)).toFixed(0);
  console.log(`\nStorage: one append blob, ${n(RECORDS)} records, ${(bytes.length / 1e6).toFixed(1)} MB (medians of ${ROUNDS})`);
  console.log(`  readStorage from Azurite (loopback)   ${n(median(storage))} ms  ${n(RECORDS / (median(storage) / 1000))} records/s  ${mbs(median(storage))} MB/s`);
  console.log(`  parseStorageBlob, bytes in memory     ${n(median(inMemory))} ms  ${n(RECORDS / (median(inMemory) / 1000))} records/s  ${mbs(median(inMemory))} MB/s`);
  console.log(`  JSON.parse per line, bytes in memory  ${n(median(parse))} ms  ${n(RECORDS / (median(parse) / 1000))} records/s  ${mbs(median(parse))} MB/s`);
  console.log(`  readStorage ÷ JSON.parse: ${(median(parse) / median(storage)).toFixed(2)} of its speed`);

  // 2. Capture files/s vs JSON files of the same messages.
  const validators = await loadValidators({ schemas: join(REPO, "fixtures"), config: join(REPO, "kqlgen.config.json") });
  const FILES = 100;
  const perFile = Math.max(1, Math.floor(RECORDS / FILES / 100));
  const dirs = { deflate: join(DATA, "capture-deflate"), null: join(DATA, "capture-plain"), json: join(DATA, "json") };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  let seq = 0;
  for (let f = 0; f < FILES; f++) {
    const bodies = [];
    for (let m = 0; m < perFile; m++) {
      const start = (f * perFile + m) * 100;
      bodies.push(sd.messageBody(records.slice(start, start + 100)));
    }
    const messages = bodies.map((body) => ({ sequenceNumber: seq++, body }));
    const name = `${String(f).padStart(3, "0")}`;
    writeFileSync(join(dirs.deflate, `${name}.avro`), await captureFile(messages, "deflate"));
    writeFileSync(join(dirs.null, `${name}.avro`), await captureFile(messages, "null"));
    writeFileSync(join(dirs.json, `${name}.json`), bodies.join("\n") + "\n");
  }
  const size = (d) => {
    let total = 0;
    for (let f = 0; f < FILES; f++) total += statSync(join(d, `${String(f).padStart(3, "0")}${d === dirs.json ? ".json" : ".avro"}`)).size;
    return total;
  };
  const times = { deflate: [], null: [], json: [] };
  let counts = {};
  for (const d of Object.keys(dirs)) await validateWith(validators, { paths: [dirs[d]] });
  for (let i = 0; i < ROUNDS; i++) {
    for (const d of Object.keys(dirs)) {
      const t = performance.now();
      const report = await validateWith(validators, { paths: [dirs[d]] });
      times[d].push(performance.now() - t);
      counts[d] = report.records.read;
    }
  }
  if (new Set(Object.values(counts)).size !== 1) throw new Error(`the three forms read different record counts: ${JSON.stringify(counts)}`);
  console.log(`\nCapture: ${FILES} files of ${perFile} messages of 100 records (${n(counts.json)} records) through kqlgen validate (medians of ${ROUNDS})`);
  for (const [d, label] of [["deflate", "Capture .avro, deflate"], ["null", "Capture .avro, plain  "], ["json", "JSON files, same messages"]]) {
    const ms = median(times[d]);
    console.log(`  ${label.padEnd(26)} ${(size(dirs[d]) / 1e6).toFixed(1).padStart(6)} MB  ${n(ms)} ms  ${n(FILES / (ms / 1000))} files/s  ${n(counts[d] / (ms / 1000))} records/s`);
  }

  // 3. Peak memory: a --big-mb blob vs a tenth of it, each read by a fresh child.
  if (!NO_BIG) {
    const block = Buffer.from(text.slice(0, text.lastIndexOf("\r\n", 4 << 20) + 2));
    const runChild = async (mbTarget, container) => {
      const count = Math.ceil((mbTarget * 1e6) / block.length);
      await appendBlob(container, `tenantId=${TENANT}/${HOUR}/PT1H.json`, Array.from({ length: count }, () => block));
      const r = spawnSync(process.execPath, ["--expose-gc", SELF, "--child", azurite.connectionString, container], { encoding: "utf8", maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    };
    console.log(`\nPeak memory reading one blob with readStorage (a fresh process each; RSS before the read, peak RSS)`);
    for (const [mb, container] of [[Math.round(BIG_MB / 10), "insights-logs-advancedhunting-small"], [BIG_MB, "insights-logs-advancedhunting-big"]]) {
      const r = await runChild(mb, container);
      console.log(
        `  ${(r.bytes / 1e6).toFixed(0).padStart(5)} MB, ${n(r.records)} records: ${(r.ms / 1000).toFixed(1)} s, ${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(0)} MB/s; ` +
          `RSS before ${(r.before / 1e6).toFixed(0)} MB, peak ${(r.peak / 1e6).toFixed(0)} MB; heap after GC ${(r.heapAfter / 1e6).toFixed(1)} MB`,
      );
      await service.getContainerClient(container).delete();
    }
  }
} finally {
  await azurite.stop();
  rmSync(DATA, { recursive: true, force: true });
}
