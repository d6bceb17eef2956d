/**
 * Scale-out: three real consumer processes (test/helpers/eventhubs-child.mjs,
 * each the generated package's consumer under the real EventHubConsumerClient
 * with the real BlobCheckpointStore on Azurite) share a 4-partition hub on
 * the loopback fixture while a producer streams into it. One is killed
 * mid-stream: its partitions move to the others. Every valid record is
 * handled at least once, duplicates stay within what the checkpoint interval
 * allows, invalid records are dead-lettered exactly as sent, and a restarted
 * consumer resumes from the checkpoints.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ContainerClient } from "@azure/storage-blob";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readSchemaDir } from "../src/sources/index.js";
import { startAzurite, type Azurite } from "./helpers/azurite.js";
import { consumerPackage, type ConsumerPackage } from "./helpers/eventhubs-package.js";
import { EventHubsFixture } from "./helpers/eventhubs-server.js";
import { freshDir, REPO } from "./helpers/generated.js";
import { makeRecord, Rng, type TableShape } from "./helpers/streamdata.js";

const CHILD = join(REPO, "test/helpers/eventhubs-child.mjs");
const PARTITIONS = ["0", "1", "2", "3"];
const CHECKPOINT_EVENTS = 5;
const MAX_BATCH = 5;
/** Messages sent at least (so the restart check can tell "resumed" from "started over"). */
const MIN_MESSAGES = 320;
const RECORDS_PER_MESSAGE = 4;

let hub: EventHubsFixture;
let azurite: Azurite;
let pkg: ConsumerPackage;
let shapes: TableShape[];
let dir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  [hub, azurite, pkg] = await Promise.all([
    EventHubsFixture.start({ hubs: [{ name: "scale", partitions: 4 }] }),
    startAzurite(),
    consumerPackage(),
  ]);
  shapes = (await readSchemaDir(pkg.schemas)).tables;
  dir = freshDir("gen");
  await new ContainerClient(azurite.connectionString, "scale").create();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await hub?.close();
  await azurite?.stop();
});

interface LogLine {
  readonly pid: number;
  readonly t: "start" | "rec" | "dead" | "claim" | "close" | "stop";
  readonly id?: string;
  readonly raw?: string;
  readonly partition?: string;
  readonly reason?: string;
}

function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as LogLine);
}

function startChild(name: string): { child: ChildProcess; log: string } {
  const log = join(dir, `${name}.jsonl`);
  const child = spawn(process.execPath, [CHILD], {
    env: {
      ...process.env,
      KQLGEN_PACKAGE: pkg.distIndex,
      EH_CONNECTION: hub.connectionString("scale"),
      BLOB_CONNECTION: azurite.connectionString,
      BLOB_CONTAINER: "scale",
      LOG_FILE: log,
      CHECKPOINT_EVENTS: String(CHECKPOINT_EVENTS),
      MAX_BATCH: String(MAX_BATCH),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return { child, log };
}

async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Partitions a consumer holds now, from its log. */
function owned(lines: readonly LogLine[]): Set<string> {
  const held = new Set<string>();
  for (const l of lines) {
    if (l.t === "claim") held.add(l.partition!);
    if (l.t === "close") held.delete(l.partition!);
  }
  return held;
}

const stopped = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once("exit", () => r())));

test("three processes share four partitions; one dies; all valid records are handled, the invalid ones dead-lettered as sent; a restart resumes", async () => {
  const rng = new Rng(31);
  /** Every valid record id → its table; every invalid record id → its exact text. */
  const valid = new Map<string, string>();
  const invalid = new Map<string, string>();
  let sent = 0;
  const send = () => {
    const partition = PARTITIONS[sent % PARTITIONS.length]!;
    const parts: string[] = [];
    const ids: [number, boolean, string][] = [];
    for (let i = 0; i < RECORDS_PER_MESSAGE; i++) {
      const shape = shapes[rng.int(shapes.length)]!;
      const r = makeRecord(shape, rng);
      if (shape.name !== "DeviceInfo") r.properties.MachineGroup ??= "Servers";
      const broken = (sent * RECORDS_PER_MESSAGE + i) % 23 === 7;
      // An invalid record, written with odd spacing: the dead letter must keep its bytes.
      const text = broken ? JSON.stringify(r).replace('"tenantId":"', '"tenantId" : "x') : JSON.stringify(r);
      parts.push(text);
      ids.push([i, broken, broken ? text : shape.name]);
    }
    const event = hub.enqueue("scale", partition, `{"records":[${parts.join(", ")}]}`);
    for (const [i, broken, what] of ids)
      (broken ? invalid : valid).set(`${partition}-${event.sequenceNumber}-${i}`, what);
    sent++;
  };
  let producing = true;
  const producer = (async () => {
    while (producing) {
      send();
      await new Promise((r) => setTimeout(r, 15));
    }
  })();

  const a = startChild("a");
  const b = startChild("b");
  const c = startChild("c");
  const logs = () => [a, b, c].map((x) => readLog(x.log));
  // All partitions owned, each consumer holding some, records flowing.
  await until("the three consumers to share the partitions", () => {
    const held = logs().map(owned);
    return (
      held.every((h) => h.size > 0) &&
      new Set(held.flatMap((h) => [...h])).size === 4 &&
      logs().every((l) => l.some((x) => x.t === "rec"))
    );
  });

  // Kill the one holding the most partitions, mid-stream, without a chance to checkpoint.
  const held = logs().map(owned);
  const victimIndex = held.reduce((best, h, i) => (h.size > held[best]!.size ? i : best), 0);
  const victim = [a, b, c][victimIndex]!;
  const victimPartitions = [...held[victimIndex]!];
  victim.child.kill("SIGKILL");
  await stopped(victim.child);
  const survivors = [a, b, c].filter((x) => x !== victim);
  // Its partitions move to the others (after the ownership expires).
  await until("the dead consumer's partitions to move", () => {
    const now = survivors.map((s) => owned(readLog(s.log)));
    return victimPartitions.every((p) => now.some((h) => h.has(p)));
  });
  await new Promise((r) => setTimeout(r, 1000));
  await until("the producer to send enough", () => sent >= MIN_MESSAGES);
  producing = false;
  await producer;

  // Every valid record handled at least once (by someone).
  const handled = () => {
    const counts = new Map<string, number>();
    for (const x of [a, b, c])
      for (const l of readLog(x.log)) if (l.t === "rec") counts.set(l.id!, (counts.get(l.id!) ?? 0) + 1);
    return counts;
  };
  await until("every valid record to be handled", () => {
    const h = handled();
    for (const id of valid.keys()) if (!h.has(id)) return false;
    return true;
  });
  const counts = handled();
  expect([...counts.keys()].filter((id) => !valid.has(id))).toEqual([]);
  // Duplicates: per ownership change, the events the old owner handled after its last checkpoint (fewer than
  // CHECKPOINT_EVENTS + one batch), plus what it had prefetched and still handled before it noticed the loss
  // (the SDK prefetches 3 batches).
  const claims = [a, b, c].flatMap((x) => readLog(x.log)).filter((l) => l.t === "claim").length;
  const duplicateEvents = new Set(
    [...counts].filter(([, n]) => n > 1).map(([id]) => id.split("-").slice(0, 2).join("-")),
  );
  const handovers = claims - PARTITIONS.length;
  expect(handovers).toBeGreaterThanOrEqual(victimPartitions.length);
  if (process.env.KQLGEN_SCALEOUT_STATS)
    console.log({
      sent,
      valid: valid.size,
      invalid: invalid.size,
      claims,
      victimPartitions,
      duplicateEvents: duplicateEvents.size,
    });
  expect(duplicateEvents.size).toBeLessThanOrEqual(handovers * (CHECKPOINT_EVENTS + 4 * MAX_BATCH));

  // Invalid records: dead-lettered, byte for byte as sent.
  const dead = new Map<string, string>();
  for (const x of [a, b, c])
    for (const l of readLog(x.log)) if (l.t === "dead") dead.set(l.id!, Buffer.from(l.raw!, "base64").toString("utf8"));
  expect(invalid.size).toBeGreaterThan(0);
  for (const [id, text] of invalid) expect(dead.get(id), id).toBe(text);

  // Stop the survivors cleanly (they checkpoint what they handled), send more, start a fresh consumer.
  for (const s of survivors) s.child.kill("SIGTERM");
  await Promise.all(survivors.map((s) => stopped(s.child)));
  const before = sent;
  for (let i = 0; i < 8; i++) send();
  const d = startChild("d");
  const fresh = [...valid.keys()].filter((id) => isAfter(id, before));
  await until("the restarted consumer to handle the new records", () => {
    const got = new Set(
      readLog(d.log)
        .filter((l) => l.t === "rec")
        .map((l) => l.id!),
    );
    return fresh.every((id) => got.has(id));
  });
  d.child.kill("SIGTERM");
  await stopped(d.child);
  // Resumed from the checkpoints, not from the start: old events come again only from the last stretch of each
  // partition (a checkpoint can lag behind what was handled when a partition changed hands late in the run).
  const window = CHECKPOINT_EVENTS + 4 * MAX_BATCH;
  const lastOld = new Map<string, number>();
  for (const id of valid.keys()) {
    if (isAfter(id, before)) continue;
    const [p, q] = id.split("-");
    lastOld.set(p!, Math.max(lastOld.get(p!) ?? -1, Number(q)));
  }
  const replayed = readLog(d.log).filter((l) => l.t === "rec" && !fresh.includes(l.id!));
  for (const l of replayed) {
    const [p, q] = l.id!.split("-");
    expect(Number(q), l.id).toBeGreaterThan(lastOld.get(p!)! - window);
  }
  expect(lastOld.get("0")!).toBeGreaterThan(2 * window);

  /** Whether a record id belongs to a message sent after the first `n` messages. */
  function isAfter(id: string, n: number): boolean {
    const [partition, seq] = id.split("-").map(Number) as [number, number];
    // Messages go round robin over the partitions: message k went to partition k % 4 with sequence number floor(k / 4).
    return seq * PARTITIONS.length + partition >= n;
  }
}, 90_000);
