#!/usr/bin/env node
/**
 * kqlgen validate: cost against JSON.parse of the same bytes, and memory on a 1 GB input.
 *
 *   npm run build && node bench/validate.bench.mjs [--records 50000] [--rounds 5] [--big-mb 1024] [--no-big] [--keep] [--config file]
 *
 * Data is generated (test/helpers/streamdata.ts: realistic records of the
 * Defender fixture tables, mixed categories, every 50th record invalid, every
 * 20th with an unknown column, every 200th of an unknown category) into
 * bench/.tmp/validate/ and deleted afterwards (unless --keep). Nothing here is
 * committed.
 *
 * Ratios are taken in one process, pinned to one core when `taskset` exists,
 * baseline and validation interleaved, medians of --rounds runs:
 *   file → JSON.parse  = read the file into a Buffer, then decode each unit
 *                (the whole file for one message, each line otherwise) and
 *                JSON.parse it — nothing checked: JSON.parse of the file, done
 *                as fast as plain code does it. The target's baseline.
 *   bytes → JSON.parse = the same without the read (bytes already in memory).
 *   JSON.parse only    = the same units already decoded: the strictest floor.
 *   validate   = `kqlgen validate`'s whole path (validators already loaded),
 *                from the file on disk (page cache): read, find the records,
 *                decode and JSON.parse each, check it, report.
 * The 1 GB run happens in a child process, which reports its peak RSS.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { loadTestHelper } from "./lib.mjs";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const TMP = join(REPO, "bench/.tmp");
const DATA = join(TMP, "validate");

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith("--") ? true : Number(v);
}

const RECORDS = flag("records", 50_000);
const ROUNDS = flag("rounds", 5);
const BIG_MB = flag("big-mb", 1024);
const NO_BIG = flag("no-big", false) === true;
const KEEP = flag("keep", false) === true;

if (!existsSync(join(REPO, "dist/src/validate/index.js"))) {
  console.error("bench: build first (npm run build): dist/src/validate/index.js is missing");
  process.exit(2);
}

// Pin to one core, once: re-run this script under taskset.
if (process.env.KQLGEN_BENCH_PINNED === undefined && process.platform === "linux") {
  const probe = spawnSync("taskset", ["-c", "0", "true"]);
  if (probe.status === 0) {
    const r = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, KQLGEN_BENCH_PINNED: "1" },
    });
    process.exit(r.status ?? 1);
  }
}


const sd = await loadTestHelper("streamdata");
const { readSchemaDir } = await import(pathToFileURL(join(REPO, "dist/src/sources/index.js")).href);
const { loadValidators, validateWith } = await import(pathToFileURL(join(REPO, "dist/src/validate/index.js")).href);

const schemas = join(REPO, "fixtures");
const configIndex = process.argv.indexOf("--config");
const config = configIndex === -1 ? join(REPO, "kqlgen.config.json") : process.argv[configIndex + 1];
const schema = await readSchemaDir(schemas);
// The Defender tables of fixtures/.
const tables = schema.tables;
// What the wire carries (issue 8): a third of the string values null, a quarter of the records lacking
// their table's newest columns, 1 in 101 with a long beyond 2^53 (101: not a multiple of the other periods).
const MIX = { tables, invalidEvery: 50, unknownColumnEvery: 20, unknownCategoryEvery: 200, nullStrings: 1 / 3, lackNewest: 0.25, largeLongEvery: 101 };

function* batches(count, seed, size) {
  let batch = [];
  for (const g of sd.mixedRecords(count, { ...MIX, seed })) {
    batch.push(g.record);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function generate() {
  mkdirSync(DATA, { recursive: true });
  const messages = [];
  const lines = [];
  const all = [];
  for (const batch of batches(RECORDS, 1, 100)) {
    messages.push(sd.messageBody(batch));
    lines.push(sd.jsonLines(batch));
    for (const r of batch) all.push(r);
  }
  const files = {
    "Event Hubs messages, one per line (100 records each)": join(DATA, "messages.json"),
    "one Event Hubs message body": join(DATA, "single.json"),
    "Storage JSON lines": join(DATA, "blob.jsonl"),
  };
  writeFileSync(files["Event Hubs messages, one per line (100 records each)"], messages.join("\n") + "\n");
  writeFileSync(files["one Event Hubs message body"], sd.messageBody(all));
  writeFileSync(files["Storage JSON lines"], lines.join(""));
  const gz = join(DATA, "messages.json.gz");
  writeFileSync(gz, gzipSync(readFileSync(files["Event Hubs messages, one per line (100 records each)"]), { level: 6 }));
  return { files, gz };
}

/** [start, end) of each unit of the bytes: the whole file for one message, each line otherwise. */
function unitBounds(buf) {
  const bounds = [];
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = buf.length;
    if (end > start) bounds.push(start, end);
    start = end + 1;
  }
  return bounds;
}

const recordsOf = (value) => (Array.isArray(value.records) ? value.records.length : 1);

/** Baseline: decode each unit of the bytes and JSON.parse it; the number of records. */
function decodeAndParse(buf, bounds) {
  let records = 0;
  for (let i = 0; i < bounds.length; i += 2) records += recordsOf(JSON.parse(buf.toString("utf8", bounds[i], bounds[i + 1])));
  return records;
}

/** Baseline: read the file, then decodeAndParse. */
function readAndParse(file) {
  const buf = readFileSync(file);
  return decodeAndParse(buf, unitBounds(buf));
}

/** Floor: JSON.parse of units already decoded. */
function parseOnly(texts) {
  let records = 0;
  for (const t of texts) records += recordsOf(JSON.parse(t));
  return records;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1e6;

async function measure(label, file, validators) {
  const bytes = statSync(file).size;
  const read = [];
  const decode = [];
  const parse = [];
  const ours = [];
  let report;
  let records = 0;
  await validateWith(validators, { paths: [file] }); // warm-up
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    records = readAndParse(file);
    read.push(performance.now() - t);
    let buf = readFileSync(file);
    const bounds = unitBounds(buf);
    t = performance.now();
    decodeAndParse(buf, bounds);
    decode.push(performance.now() - t);
    let texts = [];
    for (let j = 0; j < bounds.length; j += 2) texts.push(buf.toString("utf8", bounds[j], bounds[j + 1]));
    buf = undefined;
    t = performance.now();
    parseOnly(texts);
    parse.push(performance.now() - t);
    texts = undefined;
    t = performance.now();
    report = await validateWith(validators, { paths: [file] });
    ours.push(performance.now() - t);
  }
  if (report.records.read !== records) throw new Error(`${label}: validate read ${report.records.read} records, JSON.parse ${records}`);
  return { label, bytes, records, read: median(read), decode: median(decode), parse: median(parse), ours: median(ours), report };
}

async function measureGzip(file, plain, validators) {
  const times = [];
  for (let i = 0; i < Math.max(3, Math.ceil(ROUNDS / 2)); i++) {
    const t = performance.now();
    await validateWith(validators, { paths: [file] });
    times.push(performance.now() - t);
  }
  return { bytes: statSync(file).size, plainBytes: statSync(plain).size, ms: median(times) };
}

/** A single `{"records":[...]}` message of about `megabytes` MB, written in pieces (never held whole). */
function generateBig(file, megabytes) {
  const fd = openSync(file, "w");
  let written = 0;
  let records = 0;
  let first = true;
  writeSync(fd, '{"records":[');
  let seed = 100;
  while (written < megabytes * 1e6) {
    for (const batch of batches(10_000, seed++, 1000)) {
      let text = "";
      for (const r of batch) {
        text += (first ? "" : ",") + JSON.stringify(r);
        first = false;
      }
      written += Buffer.byteLength(text);
      records += batch.length;
      writeSync(fd, text);
      if (written >= megabytes * 1e6) break;
    }
  }
  writeSync(fd, "]}");
  closeSync(fd);
  return { bytes: statSync(file).size, records };
}

/** Runs a module script in a child process; the JSON it prints last. */
function child(script) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

/** The big file validated (1) by the validate module alone, (2) by the kqlgen CLI as a user runs it: time, peak RSS, counts. */
function runBig(file) {
  const moduleRun = child(`
    const { loadValidators, validateWith } = await import(${JSON.stringify(pathToFileURL(join(REPO, "dist/src/validate/index.js")).href)});
    const v = await loadValidators({ schemas: ${JSON.stringify(schemas)}, config: ${JSON.stringify(config)} });
    const before = process.resourceUsage().maxRSS;
    const t = performance.now();
    const r = await validateWith(v, { paths: [${JSON.stringify(file)}] });
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, loadedRssKb: before, peakRssKb: process.resourceUsage().maxRSS, records: r.records, corrupt: r.corrupt.count }));
  `);
  const cliRun = child(`
    const { main } = await import(${JSON.stringify(pathToFileURL(join(REPO, "dist/src/cli/main.js")).href)});
    let out = "";
    const t = performance.now();
    const code = await main(["validate", "--schemas", ${JSON.stringify(schemas)}, "--config", ${JSON.stringify(config)}, "--format", "json", ${JSON.stringify(file)}], { out: (s) => (out += s), err: (s) => (out += s), isTTY: false });
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, code, peakRssKb: process.resourceUsage().maxRSS, records: JSON.parse(out).records }));
  `);
  return { moduleRun, cliRun };
}

console.log(`kqlgen validate benchmark — Node ${process.version}, ${process.env.KQLGEN_BENCH_PINNED ? "pinned to one core (taskset -c 0)" : "not pinned"}`);
console.log(`validators: fixtures/ with ${config} (format checks ${JSON.parse(readFileSync(config, "utf8")).mapping?.formats ? "on" : "off"})`);
console.log(`generating ${RECORDS.toLocaleString("en-US")} records of ${tables.length} tables (1 in 50 invalid, 1 in 20 with an unknown column, 1 in 200 of an unknown category; 1/3 of strings null, 1/4 lacking the newest columns, 1 in 101 with a long beyond 2^53)…`);
const { files, gz } = generate();
const validators = await loadValidators({ schemas, config });

const rows = [];
for (const [label, file] of Object.entries(files)) rows.push(await measure(label, file, validators));

console.log("");
const rate = (r, ms) => `${ms.toFixed(0)} ms (${(mb(r.bytes) / (ms / 1000)).toFixed(0)} MB/s)`;
console.log(`| input | size | records | file → JSON.parse | bytes → JSON.parse | JSON.parse only | validate | validate ÷ file → JSON.parse | ÷ bytes → JSON.parse | ÷ JSON.parse only |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of rows) {
  console.log(
    `| ${r.label} | ${mb(r.bytes).toFixed(1)} MB | ${r.records.toLocaleString("en-US")} | ${rate(r, r.read)} | ${rate(r, r.decode)} | ${rate(r, r.parse)} | ` +
      `${rate(r, r.ours)}, ${Math.round(r.records / (r.ours / 1000)).toLocaleString("en-US")} records/s | **${(r.ours / r.read).toFixed(3)}** | ${(r.ours / r.decode).toFixed(3)} | ${(r.ours / r.parse).toFixed(3)} |`,
  );
}
const sample = rows[0].report;
console.log(
  `\n(each run found ${sample.records.invalid} invalid records, ${sample.records.unknownCategory} of unknown categories, ${sample.tables.reduce((n, t) => n + t.unknownColumns.reduce((m, c) => m + c.count, 0), 0)} unknown-column occurrences)`,
);
const g = await measureGzip(gz, files["Event Hubs messages, one per line (100 records each)"], validators);
console.log(`gzip (${mb(g.bytes).toFixed(1)} MB → ${mb(g.plainBytes).toFixed(1)} MB): ${g.ms.toFixed(0)} ms, ${(mb(g.plainBytes) / (g.ms / 1000)).toFixed(0)} MB/s of JSON (decompression included)`);

if (!NO_BIG) {
  const big = join(DATA, "big.json");
  console.log(`\ngenerating one ${BIG_MB} MB message body (written in pieces)…`);
  const made = generateBig(big, BIG_MB);
  try {
    const { moduleRun: r, cliRun: c } = runBig(big);
    console.log(
      `${mb(made.bytes).toFixed(0)} MB, ${r.records.read.toLocaleString("en-US")} records in ${(r.ms / 1000).toFixed(1)} s ` +
        `(${(mb(made.bytes) / (r.ms / 1000)).toFixed(0)} MB/s); peak RSS ${(r.peakRssKb / 1024).toFixed(0)} MB ` +
        `(${(r.loadedRssKb / 1024).toFixed(0)} MB once the validators are loaded, before reading: reading adds ${((r.peakRssKb - r.loadedRssKb) / 1024).toFixed(0)} MB)`,
    );
    console.log(
      `the kqlgen CLI (main(["validate", ...]), every command's modules loaded): ${(c.ms / 1000).toFixed(1)} s including start-up work, peak RSS ${(c.peakRssKb / 1024).toFixed(0)} MB`,
    );
    if (r.records.read !== made.records || r.corrupt !== 0) throw new Error(`big run read ${r.records.read} of ${made.records} records, ${r.corrupt} corrupt spots`);
    if (c.records.read !== made.records) throw new Error(`CLI run read ${c.records.read} of ${made.records} records`);
  } finally {
    rmSync(big, { force: true });
  }
}

if (!KEEP) {
  rmSync(DATA, { recursive: true, force: true });
  rmSync(join(TMP, "streamdata.mjs"), { force: true });
}
