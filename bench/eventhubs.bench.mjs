#!/usr/bin/env node
/**
 * The Event Hubs consumer: throughput, scaling, event-loop stalls, memory.
 *
 *   npm run build && node bench/eventhubs.bench.mjs [--messages 1000] [--sustain-s 30]
 *
 * Everything runs on this machine: the loopback Event Hubs fixture
 * (test/helpers/eventhubs-server.ts, compiled to bench/.tmp/) in this
 * process, Azurite for the checkpoint store, and the consumers in child
 * processes (bench/eventhubs-child.mjs) running the real EventHubConsumerClient
 * with the generated package's consumer. The fixture shares the machine's
 * cores with the consumers: end-to-end figures are lower bounds.
 *
 * Figures:
 *   JSON.parse            decode + JSON.parse of the same bodies in memory (the floor)
 *   consumer in memory    the consumer's processEvents on the same events, no AMQP
 *   1 process / 2 proc.   records/s end to end, from the first record handled to the last
 *   1 MB message          longest gap between 1 ms timer ticks while one 1 MB body is
 *                         processed: with the default yieldAfterMs (10) and without yielding
 *   sustained stream      a consumer's heap and RSS, sampled while a steady stream flows
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ContainerClient } from "@azure/storage-blob";
import { loadGeneratedPackage, loadTestHelper, prng, record, ROOT } from "./lib.mjs";

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const MESSAGES = flag("messages", 1000);
const RECORDS_PER_MESSAGE = 100;
const SUSTAIN_S = flag("sustain-s", 30);


const fmt = (n) => Math.round(n).toLocaleString("en-US");
const { dir, module: g } = await loadGeneratedPackage("eventhubs");
const distIndex = join(dir, "dist", "index.js");
const { EventHubsFixture } = await loadTestHelper("eventhubs-server");
const { startAzurite } = await loadTestHelper("azurite");

const rnd = prng(7);
const tables = [g.DeviceProcessEventsTable, g.DeviceFileEventsTable, g.DeviceNetworkEventsTable, g.DeviceLogonEventsTable];
const bodies = Array.from({ length: MESSAGES }, () =>
  Buffer.from(JSON.stringify({ records: Array.from({ length: RECORDS_PER_MESSAGE }, () => record(tables[Math.floor(rnd() * tables.length)], rnd)) })),
);
const totalRecords = MESSAGES * RECORDS_PER_MESSAGE;
const totalBytes = bodies.reduce((n, b) => n + b.length, 0);
console.log(`Event Hubs consumer: ${fmt(MESSAGES)} messages of ${RECORDS_PER_MESSAGE} records (${(totalBytes / 1e6).toFixed(1)} MB), 4 partitions`);

// ---- in memory ----------------------------------------------------------
const decoder = new TextDecoder();
let sink = 0;
function parseAll() {
  for (const b of bodies) sink += JSON.parse(decoder.decode(b)).records.length;
}
const events = bodies.map((body, i) => ({ body, sequenceNumber: i, offset: String(i), enqueuedTimeUtc: new Date() }));
const context = { partitionId: "0", updateCheckpoint: async () => undefined };
const handlers = {};
for (const t of g.tables) handlers[t.name] = (batch) => void (sink += batch.records.length);
async function consumeAll() {
  const consumer = g.createEventHubsConsumer({ tables: handlers, deadLetter: () => undefined, checkpoint: false });
  for (let i = 0; i < events.length; i += 100) await consumer.processEvents(events.slice(i, i + 100), context);
  if (consumer.metrics().valid !== totalRecords) throw new Error(`bench data must be valid: ${JSON.stringify(consumer.metrics())}`);
}
const timesParse = [];
const timesConsume = [];
for (let round = 0; round < 5; round++) {
  let t = performance.now();
  parseAll();
  timesParse.push(performance.now() - t);
  t = performance.now();
  await consumeAll();
  timesConsume.push(performance.now() - t);
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const parseRate = totalRecords / (med(timesParse) / 1000);
const consumeRate = totalRecords / (med(timesConsume) / 1000);
console.log(`  JSON.parse in memory:        ${fmt(parseRate)} records/s`);
console.log(`  consumer in memory (no AMQP): ${fmt(consumeRate)} records/s (${(parseRate / consumeRate).toFixed(2)}x the time of JSON.parse)`);

// ---- 1 MB message: event-loop stalls ----------------------------------------
{
  const parts = [];
  let size = 0;
  while (size < 1_000_000 - 4000) {
    const r = JSON.stringify(record(g.DeviceProcessEventsTable, rnd));
    parts.push(r);
    size += r.length + 1;
  }
  const big = Buffer.from(`{"records":[${parts.join(",")}]}`);
  const t0 = performance.now();
  JSON.parse(decoder.decode(big));
  const parseMs = performance.now() - t0;
  async function stall(yieldAfterMs) {
    const consumer = g.createEventHubsConsumer({ tables: handlers, deadLetter: () => undefined, checkpoint: false, yieldAfterMs });
    let lastTick = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - lastTick);
      lastTick = now;
    }, 1);
    await new Promise((r) => setTimeout(r, 20));
    worst = 0;
    lastTick = performance.now();
    const t = performance.now();
    await consumer.processEvents([{ body: big, sequenceNumber: 0, offset: "0", enqueuedTimeUtc: new Date() }], context);
    const total = performance.now() - t;
    await new Promise((r) => setTimeout(r, 5));
    clearInterval(timer);
    return { worst, total, busy: consumer.metrics().longestBusyMs };
  }
  for (let i = 0; i < 3; i++) await stall(10); // warm-up
  const y = [await stall(10), await stall(10), await stall(10)];
  const n = [await stall(1e9), await stall(1e9), await stall(1e9)];
  const f = (xs, k) => med(xs.map((x) => x[k])).toFixed(1);
  console.log(`  1 MB message (${parts.length} records): JSON.parse alone ${parseMs.toFixed(1)} ms`);
  console.log(`    yieldAfterMs 10:   longest timer gap ${f(y, "worst")} ms, processing ${f(y, "total")} ms`);
  console.log(`    no yielding:       longest timer gap ${f(n, "worst")} ms, processing ${f(n, "total")} ms`);
}

// ---- end to end: the fixture, Azurite, consumer processes --------------------
const azurite = await startAzurite();
const hub = await EventHubsFixture.start({ hubs: [{ name: "bench1", partitions: 4 }, { name: "bench2", partitions: 4 }, { name: "sustain", partitions: 4 }] });
for (const name of ["bench1", "bench2", "sustain"]) await new ContainerClient(azurite.connectionString, name).create();

function child(hubName, extraEnv = {}) {
  const proc = spawn(process.execPath, [join(ROOT, "bench/eventhubs-child.mjs")], {
    env: { ...process.env, PKG: distIndex, EH: hub.connectionString(hubName), BLOB: azurite.connectionString, CONTAINER: hubName, ...extraEnv },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const state = { proc, records: 0, first: 0, last: 0, memory: [], done: undefined };
  let buf = "";
  proc.stdout.on("data", (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const m = JSON.parse(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      if (m.t === "progress") Object.assign(state, { records: m.records, first: m.first, last: m.last });
      if (m.t === "memory") state.memory.push(m);
      if (m.t === "done") state.done = m;
    }
  });
  return state;
}
const stop = (s) => new Promise((r) => { s.proc.once("exit", r); s.proc.kill("SIGTERM"); });
async function until(cond, ms = 300_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("bench: timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function endToEnd(hubName, processes) {
  bodies.forEach((b, i) => hub.enqueue(hubName, String(i % 4), b));
  const kids = Array.from({ length: processes }, () => child(hubName));
  await until(() => kids.reduce((n, k) => n + k.records, 0) >= totalRecords);
  await new Promise((r) => setTimeout(r, 300));
  const first = Math.min(...kids.map((k) => k.first).filter((x) => x > 0));
  const last = Math.max(...kids.map((k) => k.last));
  await Promise.all(kids.map(stop));
  const handled = kids.reduce((n, k) => n + (k.done?.records ?? k.records), 0);
  return { rate: handled / ((last - first) / 1000), handled, per: kids.map((k) => k.done?.records ?? k.records) };
}
const one = await endToEnd("bench1", 1);
console.log(`  1 consumer process:  ${fmt(one.rate)} records/s end to end (${fmt(one.handled)} handled)`);
const two = await endToEnd("bench2", 2);
console.log(`  2 consumer processes: ${fmt(two.rate)} records/s end to end (${two.per.map(fmt).join(" + ")} handled; ${(two.rate / one.rate).toFixed(2)}x one process)`);

// ---- sustained stream: memory ------------------------------------------------
{
  const sustained = child("sustain", { SAMPLE_MS: "2000" });
  let i = 0;
  // A steady 1,000 records/s (10 messages of 100 records a second): below what one consumer handles, so the
  // samples show its steady state, not a backlog.
  const feed = setInterval(() => {
    hub.enqueue("sustain", String(i % 4), bodies[i % bodies.length]);
    i++;
  }, 100);
  await new Promise((r) => setTimeout(r, SUSTAIN_S * 1000));
  clearInterval(feed);
  await stop(sustained);
  const mem = sustained.memory.slice(2); // after warm-up
  const mb = (n) => (n / 1048576).toFixed(1);
  const heap = mem.map((m) => m.heapUsed);
  const rss = mem.map((m) => m.rss);
  console.log(`  sustained stream (${SUSTAIN_S} s, ~1,000 records/s, ${fmt(sustained.done?.records ?? sustained.records)} handled):`);
  console.log(`    heap used ${mb(heap[0])} → ${mb(heap[heap.length - 1])} MB (max ${mb(Math.max(...heap))}), RSS ${mb(rss[0])} → ${mb(rss[rss.length - 1])} MB (max ${mb(Math.max(...rss))})`);
}

await hub.close();
await azurite.stop();
if (sink < 0) console.log(sink);
