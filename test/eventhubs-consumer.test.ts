/**
 * The generated package's Event Hubs consumer, run by the real
 * EventHubConsumerClient against the loopback Event Hubs fixture, with the
 * real BlobCheckpointStore on Azurite: typed batches per table, dead letters
 * with the exact bytes sent, drift, checkpoints only after the handlers, and
 * redelivery when a handler fails.
 */
import { EventHubConsumerClient, earliestEventPosition } from "@azure/event-hubs";
import { BlobCheckpointStore } from "@azure/eventhubs-checkpointstore-blob";
import { ContainerClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readSchemaDir } from "../src/sources/index.js";
import { startAzurite, type Azurite } from "./helpers/azurite.js";
import { consumerPackage, type ConsumerPackage } from "./helpers/eventhubs-package.js";
import { EventHubsFixture } from "./helpers/eventhubs-server.js";
import { makeRecord, Rng, type StreamedRecord, type TableShape } from "./helpers/streamdata.js";

/* eslint-disable @typescript-eslint/no-explicit-any */

let hub: EventHubsFixture;
let azurite: Azurite;
let pkg: ConsumerPackage;
let shapes: Record<string, TableShape>;
const closers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  [hub, azurite, pkg] = await Promise.all([
    EventHubsFixture.start({
      hubs: [
        { name: "mixed", partitions: 2 },
        { name: "cp", partitions: 1 },
        { name: "fail", partitions: 1 },
        { name: "longs", partitions: 1 },
      ],
    }),
    startAzurite(),
    consumerPackage(),
  ]);
  shapes = Object.fromEntries((await readSchemaDir(pkg.schemas)).tables.map((t) => [t.name, t]));
});

afterAll(async () => {
  for (const c of closers.splice(0)) await c.close().catch(() => undefined);
  await hub?.close();
  await azurite?.stop();
});

const LB = { updateIntervalInMs: 300, partitionOwnershipExpirationIntervalInMs: 3000 };

async function store(name: string): Promise<BlobCheckpointStore> {
  const container = new ContainerClient(azurite.connectionString, name);
  await container.createIfNotExists();
  return new BlobCheckpointStore(container);
}

function client(hubName: string, checkpointStore?: BlobCheckpointStore): EventHubConsumerClient {
  const cs = hub.connectionString(hubName);
  const c = checkpointStore
    ? new EventHubConsumerClient("$default", cs, checkpointStore, { loadBalancingOptions: LB })
    : new EventHubConsumerClient("$default", cs);
  closers.push(c);
  return c;
}

/** JSON text of records joined by hand, so each record's exact bytes in the body are known. */
function body(parts: readonly string[]): { text: string; parts: readonly string[] } {
  return { text: `{"records":[\n  ${parts.join(",\n  ")}\n]}`, parts };
}

function record(table: string, rng: Rng, edit?: (r: StreamedRecord) => void): StreamedRecord {
  const r = makeRecord(shapes[table]!, rng);
  if (table !== "DeviceInfo") r.properties.MachineGroup ??= "Servers";
  edit?.(r);
  return r;
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("routing, dead letters and drift", () => {
  test("good records reach their table's handler; bad ones are dead-lettered exactly as sent; drift is counted", async () => {
    const rng = new Rng(11);
    const good1 = record("DeviceProcessEvents", rng);
    const good2 = record("DeviceInfo", rng);
    const good3 = record("CloudAppEvents", rng, (r) => {
      r.properties.BrandNewColumn = "x";
      delete r.properties.AppInstanceId; // a record older than the column: drift, not an error
    });
    const bad = record("DeviceProcessEvents", rng, (r) => (r.properties.ProcessId = "12345"));
    const unknown = record("DeviceInfo", rng, (r) => (r.category = "AdvancedHunting-DeviceTomorrowEvents"));
    // The bad record is written with unusual spacing and an escaped non-ASCII character: the dead letter keeps them.
    const badText = JSON.stringify(bad)
      .replace('"ProcessId":"12345"', '"ProcessId" :  "12345"')
      .replace(/"tenantId"/, '"tenant\\u0049d"'.replace("\\u0049", "I"));
    const m1 = body([
      JSON.stringify(good1),
      badText,
      JSON.stringify(good2),
      JSON.stringify(unknown),
      JSON.stringify(good3),
      "42",
    ]);
    const notJson = Buffer.from('{"records":[{"time":', "utf8");
    const e1 = hub.enqueue("mixed", "0", m1.text);
    const e2 = hub.enqueue("mixed", "0", notJson);
    const e3 = hub.enqueue("mixed", "1", '{"value":[]}');

    const batches: any[] = [];
    const letters: any[] = [];
    const drifts: any[] = [];
    const consumer = pkg.module.createEventHubsConsumer({
      tables: {
        DeviceProcessEvents: async (b: any) => void batches.push(b),
        DeviceInfo: async (b: any) => void batches.push(b),
        CloudAppEvents: async (b: any) => void batches.push(b),
      },
      deadLetter: async (l: readonly any[]) => void letters.push(...l),
      drift: async (d: any) => void drifts.push(d),
      maxWaitTimeInSeconds: 0.2,
    });
    expect(consumer.subscribeOptions).toMatchObject({
      skipParsingBodyAsJson: true,
      trackLastEnqueuedEventProperties: true,
    });
    const sub = client("mixed").subscribe(consumer, {
      ...consumer.subscribeOptions,
      startPosition: earliestEventPosition,
    });
    await until(() => letters.length >= 4 && batches.length >= 3);
    await sub.close();

    // Good records, typed per table, with where they came from.
    const byTable = Object.fromEntries(batches.map((b) => [b.table, b]));
    expect(Object.keys(byTable).sort()).toEqual(["CloudAppEvents", "DeviceInfo", "DeviceProcessEvents"]);
    const dpe = byTable.DeviceProcessEvents.records;
    expect(dpe).toHaveLength(1);
    expect(dpe[0].record).toEqual(good1);
    expect(dpe[0]).toMatchObject({
      id: `0-${e1.sequenceNumber}-0`,
      partitionId: "0",
      sequenceNumber: e1.sequenceNumber,
      offset: e1.offset,
      index: 0,
    });
    expect(dpe[0].enqueuedTime.getTime()).toBe(e1.enqueuedTime.getTime());
    expect(byTable.DeviceInfo.records[0]).toMatchObject({ index: 2, record: good2 });
    expect(byTable.CloudAppEvents.records[0]).toMatchObject({ index: 4, record: good3 });

    // Dead letters: the invalid record's exact bytes, the non-record, the unreadable bodies.
    const byId = Object.fromEntries(letters.map((l) => [l.id, l]));
    const invalid = byId[`0-${e1.sequenceNumber}-1`];
    expect(Buffer.from(invalid.raw).toString("utf8")).toBe(badText);
    expect(invalid).toMatchObject({
      partitionId: "0",
      sequenceNumber: e1.sequenceNumber,
      offset: e1.offset,
      index: 1,
      category: "AdvancedHunting-DeviceProcessEvents",
    });
    expect(invalid.reason).toMatch(/^\/properties\/ProcessId: expected long/);
    expect(invalid.errors[0]).toMatchObject({ column: "ProcessId", found: 'string "12345"' });
    expect(Buffer.from(byId[`0-${e1.sequenceNumber}-5`].raw).toString()).toBe("42");
    const cut = byId[`0-${e2.sequenceNumber}`];
    expect(Buffer.from(cut.raw).equals(notJson)).toBe(true);
    expect(cut.index).toBeUndefined();
    expect(cut.reason).toMatch(/malformed JSON/);
    const wrongShape = byId[`1-${e3.sequenceNumber}`];
    expect(Buffer.from(wrongShape.raw).toString()).toBe('{"value":[]}');
    expect(wrongShape.reason).toMatch(/\/records is missing/);
    expect(letters).toHaveLength(4);

    // Drift: the unknown category and the unknown column, with counts.
    expect(drifts).toEqual([
      {
        partitionId: "0",
        unknownCategories: [{ category: "AdvancedHunting-DeviceTomorrowEvents", count: 1 }],
        unknownColumns: [{ table: "CloudAppEvents", column: "BrandNewColumn", count: 1 }],
        missingColumns: [{ table: "CloudAppEvents", column: "AppInstanceId", count: 1 }],
        unknownEnvelopeKeys: [],
      },
    ]);

    const m = consumer.metrics();
    expect(m).toMatchObject({
      events: 3,
      records: 6,
      valid: 3,
      invalid: 2,
      deadLettered: 4,
      unreadableBodies: 2,
      unknownCategoryRecords: 1,
    });
    expect(m.tables.DeviceProcessEvents).toEqual({ records: 2, valid: 1, invalid: 1 });
    expect(m.partitions["0"]).toMatchObject({
      owned: false,
      processedSequenceNumber: e2.sequenceNumber,
      lastEnqueuedSequenceNumber: e2.sequenceNumber,
      lag: 0,
    });
  });

  test("an unknown table name in the handlers, or no dead-letter handler, is refused up front", () => {
    expect(() =>
      pkg.module.createEventHubsConsumer({
        tables: { DeviceTypo: async () => undefined },
        deadLetter: async () => undefined,
      }),
    ).toThrow(/no table DeviceTypo/);
    expect(() => pkg.module.createEventHubsConsumer({ tables: {} })).toThrow(/deadLetter handler is required/);
  });
});

describe("exact longs", () => {
  test("under long: bigint, a long beyond 2^53 reaches the handler exactly, in small and in large bodies", async () => {
    const big = await consumerPackage({ mapping: { long: "bigint" } });
    const rng = new Rng(15);
    const exact = "9007199254740993"; // 2^53 + 1: JSON.parse makes it ...992
    const text = (r: StreamedRecord) => JSON.stringify(r).replace(/"ProcessId":(null|\d+)/, `"ProcessId":${exact}`);
    const small = body([text(record("DeviceProcessEvents", rng))]).text;
    const parts: string[] = [];
    while (parts.join(",").length < 200_000) parts.push(JSON.stringify(record("DeviceProcessEvents", rng)));
    parts.push(text(record("DeviceProcessEvents", rng)));
    const e1 = hub.enqueue("longs", "0", small);
    hub.enqueue("longs", "0", body(parts).text);
    const ids: bigint[] = [];
    let handled = 0;
    const consumer = big.module.createEventHubsConsumer({
      tables: {
        DeviceProcessEvents: async (b: any) => {
          handled += b.records.length;
          for (const r of b.records)
            if (typeof r.record.properties.ProcessId === "bigint" && r.record.properties.ProcessId > 2n ** 53n)
              ids.push(r.record.properties.ProcessId);
        },
      },
      deadLetter: async (l: readonly any[]) => {
        throw new Error(`unexpected dead letter: ${l[0].reason}`);
      },
      maxWaitTimeInSeconds: 0.2,
    });
    const sub = client("longs").subscribe("0", consumer, {
      ...consumer.subscribeOptions,
      startPosition: { sequenceNumber: e1.sequenceNumber, isInclusive: true },
    });
    await until(() => handled === parts.length + 1);
    await sub.close();
    expect(ids.map(String)).toEqual([exact, exact]);
  });
});

describe("checkpoints", () => {
  test("a checkpoint is written only after the batch's handlers (dead-letter included) resolved", async () => {
    const rng = new Rng(12);
    for (let i = 0; i < 3; i++) hub.enqueue("cp", "0", body([JSON.stringify(record("DeviceInfo", rng)), "null"]).text);
    const checkpoints = await store("cp-after-handlers");
    let releaseLetters!: () => void;
    const lettersHeld = new Promise<void>((r) => (releaseLetters = r));
    let handled = 0;
    let lettersCalled = 0;
    const consumer = pkg.module.createEventHubsConsumer({
      tables: { DeviceInfo: async (b: any) => void (handled += b.records.length) },
      deadLetter: async () => {
        lettersCalled++;
        await lettersHeld;
      },
      checkpoint: { events: 1, ms: 0 },
      maxWaitTimeInSeconds: 0.2,
    });
    const c = client("cp", checkpoints);
    const sub = c.subscribe(consumer, { ...consumer.subscribeOptions, startPosition: earliestEventPosition });
    await until(() => lettersCalled === 1);
    // Give the SDK time to write a checkpoint if the consumer (wrongly) asked for one.
    await new Promise((r) => setTimeout(r, 500));
    // The table handler resolved, the dead-letter handler has not: no checkpoint, and no next batch (back-pressure).
    expect(handled).toBeGreaterThan(0);
    expect(lettersCalled).toBe(1);
    expect(consumer.metrics().checkpoints).toBe(0);
    expect(await checkpoints.listCheckpoints(c.fullyQualifiedNamespace, "cp", "$default")).toEqual([]);
    releaseLetters();
    await until(() => consumer.metrics().partitions["0"]?.checkpointedSequenceNumber === 2);
    expect(handled).toBe(3);
    const [cp] = await checkpoints.listCheckpoints(c.fullyQualifiedNamespace, "cp", "$default");
    expect(cp).toMatchObject({ partitionId: "0", sequenceNumber: 2 });
    await sub.close();
  });

  test("a failing handler writes no checkpoint: the batch comes again, with the same record ids", async () => {
    const rng = new Rng(13);
    for (let i = 0; i < 2; i++)
      hub.enqueue("fail", "0", body([JSON.stringify(record("DeviceProcessEvents", rng))]).text);
    const checkpoints = await store("fail-redeliver");
    const seen: string[][] = [];
    const errors: unknown[] = [];
    let failures = 1;
    const consumer = pkg.module.createEventHubsConsumer({
      tables: {
        DeviceProcessEvents: async (b: any) => {
          seen.push(b.records.map((r: any) => r.id));
          if (failures-- > 0) throw new Error("downstream store unavailable");
        },
      },
      deadLetter: async () => undefined,
      onError: async (e: unknown) => void errors.push(e),
      checkpoint: { events: 1, ms: 0 },
      maxWaitTimeInSeconds: 0.2,
    });
    const c = client("fail", checkpoints);
    const sub = c.subscribe(consumer, { ...consumer.subscribeOptions, startPosition: earliestEventPosition });
    await until(() => consumer.metrics().partitions["0"]?.checkpointedSequenceNumber === 1);
    await sub.close();
    expect(errors.map((e) => (e as Error).message)).toContain("downstream store unavailable");
    // The first batch failed; the partition was picked up again from the (absent) checkpoint: its records came again.
    const [failed, ...after] = seen;
    expect(failed![0]).toBe("0-0-0");
    const later = after.flat();
    for (const id of failed!) expect(later).toContain(id);
    expect([...new Set(later)].sort()).toEqual(["0-0-0", "0-1-0"]);
    const [cp] = await checkpoints.listCheckpoints(c.fullyQualifiedNamespace, "fail", "$default");
    expect(cp).toMatchObject({ sequenceNumber: 1 });
  });
});

describe("large messages", () => {
  test("a 1 MB message: read record by record; every good record handled, the bad one dead-lettered as sent; the event loop keeps turning", async () => {
    const rng = new Rng(14);
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const t = JSON.stringify(record("DeviceProcessEvents", rng));
      parts.push(t);
      size += t.length + 4;
    }
    const bad = record("DeviceProcessEvents", rng);
    bad.properties.ProcessId = "12345";
    parts[5] = JSON.stringify(bad).replace("{", "{ ");
    const e = hub.enqueue("mixed", "1", body(parts).text);
    let handled = 0;
    const letters: any[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const consumer = pkg.module.createEventHubsConsumer({
      tables: { DeviceProcessEvents: async (b: any) => void (handled += b.records.length) },
      deadLetter: async (l: readonly any[]) => void letters.push(...l),
      yieldAfterMs: 5,
      maxWaitTimeInSeconds: 0.2,
    });
    const sub = client("mixed").subscribe("1", consumer, {
      ...consumer.subscribeOptions,
      startPosition: { sequenceNumber: e.sequenceNumber, isInclusive: true },
    });
    await until(() => handled + letters.length === parts.length);
    clearInterval(timer);
    await sub.close();
    expect(handled).toBe(parts.length - 1);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ index: 5, sequenceNumber: e.sequenceNumber });
    expect(Buffer.from(letters[0].raw).toString()).toBe(parts[5]);
    // Timers ran while the message was processed (the figure itself is a benchmark's, not a test's).
    expect(ticks).toBeGreaterThan(0);
  });
});
