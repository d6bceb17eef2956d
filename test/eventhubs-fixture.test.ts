/**
 * The loopback Event Hubs fixture (test/helpers/eventhubs-server.ts) against
 * the real clients: EventHubConsumerClient, EventHubProducerClient and the
 * Blob checkpoint store on Azurite. What the consumer adapter and the
 * scale-out test build on must behave like the service.
 */
import {
  EventHubConsumerClient,
  EventHubProducerClient,
  earliestEventPosition,
  latestEventPosition,
  type EventPosition,
  type ReceivedEventData,
  type SubscribeOptions,
} from "@azure/event-hubs";
import { BlobCheckpointStore } from "@azure/eventhubs-checkpointstore-blob";
import { ContainerClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAzurite, type Azurite } from "./helpers/azurite.js";
import { EventHubsFixture, parseSelector } from "./helpers/eventhubs-server.js";

let hub: EventHubsFixture;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  hub = await EventHubsFixture.start({
    hubs: [
      { name: "defender", partitions: 4, consumerGroups: ["audit"] },
      { name: "other", partitions: 2 },
    ],
  });
});

afterAll(async () => {
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
  await hub.close();
});

function consumer(
  hubName = "defender",
  consumerGroup = "$default",
  options: { key?: string; checkpointStore?: BlobCheckpointStore } = {},
): EventHubConsumerClient {
  const cs = hub.connectionString(hubName, options.key === undefined ? {} : { key: options.key });
  const client = options.checkpointStore
    ? new EventHubConsumerClient(consumerGroup, cs, options.checkpointStore, {
        retryOptions: { maxRetries: 0, timeoutInMs: 5000 },
        loadBalancingOptions: { updateIntervalInMs: 300, partitionOwnershipExpirationIntervalInMs: 3000 },
      })
    : new EventHubConsumerClient(consumerGroup, cs, { retryOptions: { maxRetries: 0, timeoutInMs: 5000 } });
  open.push(client);
  return client;
}

interface Seen {
  readonly partition: string;
  readonly sequenceNumber: number;
  readonly offset: string;
  readonly enqueued: number;
  readonly body: string;
}

/** Subscribes (one partition or all) and collects events until `enough` says so; errors are collected too. */
async function collect(
  client: EventHubConsumerClient,
  partition: string | undefined,
  options: SubscribeOptions,
  enough: (seen: Seen[]) => boolean,
  timeoutMs = 15_000,
): Promise<{ seen: Seen[]; errors: Error[] }> {
  const seen: Seen[] = [];
  const errors: Error[] = [];
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const handlers = {
    processEvents: async (events: ReceivedEventData[], context: { partitionId: string }) => {
      for (const e of events) {
        seen.push({
          partition: context.partitionId,
          sequenceNumber: e.sequenceNumber,
          offset: e.offset,
          enqueued: e.enqueuedTimeUtc.getTime(),
          body: Buffer.from(e.body as Uint8Array).toString("utf8"),
        });
      }
      if (enough(seen)) finish();
    },
    processError: async (err: Error) => {
      errors.push(err);
    },
  };
  const opts: SubscribeOptions = {
    skipParsingBodyAsJson: true,
    maxBatchSize: 50,
    maxWaitTimeInSeconds: 0.2,
    ...options,
  };
  const sub = partition === undefined ? client.subscribe(handlers, opts) : client.subscribe(partition, handlers, opts);
  const timer = setTimeout(finish, timeoutMs);
  await done;
  clearTimeout(timer);
  await sub.close();
  return { seen, errors };
}

describe("selector filters", () => {
  test("parses the SDK's filters and nothing else", () => {
    expect(parseSelector("amqp.annotation.x-opt-offset > '-1'")).toEqual({
      kind: "offset",
      inclusive: false,
      value: "-1",
    });
    expect(parseSelector("amqp.annotation.x-opt-sequence-number >= '12'")).toEqual({
      kind: "sequence",
      inclusive: true,
      value: "12",
    });
    expect(parseSelector("amqp.annotation.x-opt-enqueued-time > '1700000000000'")).toEqual({
      kind: "enqueued",
      inclusive: false,
      value: "1700000000000",
    });
    expect(parseSelector("amqp.annotation.x-opt-offset < '5'")).toBeUndefined();
    expect(parseSelector("1=1")).toBeUndefined();
  });
});

describe("management", () => {
  test("hub and partition properties through the real client", async () => {
    const c = consumer("other");
    expect(await c.getPartitionIds()).toEqual(["0", "1"]);
    const props = await c.getEventHubProperties();
    expect(props.name).toBe("other");
    expect(props.partitionIds).toEqual(["0", "1"]);
    expect(props.createdOn).toBeInstanceOf(Date);
    const empty = await c.getPartitionProperties("1");
    expect(empty).toMatchObject({
      partitionId: "1",
      eventHubName: "other",
      isEmpty: true,
      lastEnqueuedSequenceNumber: -1,
    });
    hub.enqueue("other", "0", "a");
    const last = hub.enqueue("other", "0", "b");
    const p0 = await c.getPartitionProperties("0");
    expect(p0).toMatchObject({
      partitionId: "0",
      isEmpty: false,
      beginningSequenceNumber: 0,
      lastEnqueuedSequenceNumber: 1,
      lastEnqueuedOffset: last.offset,
    });
    expect(p0.lastEnqueuedOnUtc.getTime()).toBe(last.enqueuedTime.getTime());
    await expect(c.getPartitionProperties("7")).rejects.toThrow(/partition is invalid/);
    const types = hub.requests.filter((r) => r.operation === "READ").map((r) => r.type);
    expect(types).toContain("com.microsoft:eventhub");
    expect(types).toContain("com.microsoft:partition");
    expect(hub.requests.some((r) => r.operation === "put-token")).toBe(true);
  });

  test("a wrong key is refused by $cbs: the client reports an authorization error", async () => {
    const c = consumer("other", "$default", { key: Buffer.from("not the key").toString("base64") });
    const err = await c.getEventHubProperties().then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(err?.code).toBe("UnauthorizedError");
    expect(err?.message).toMatch(/InvalidSignature/);
  });

  test("an unknown hub is not found", async () => {
    const c = consumer("nosuchhub");
    await expect(c.getEventHubProperties()).rejects.toMatchObject({ code: "MessagingEntityNotFoundError" });
  });
});

describe("receiving", () => {
  const bodies = ["first", '{"records":[]}', "third \u00e9", "fourth", "fifth"];
  let stored: ReturnType<EventHubsFixture["enqueue"]>[];

  beforeAll(() => {
    stored = bodies.map((b, i) =>
      hub.enqueue("defender", "1", b, { enqueuedTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }),
    );
  });

  const from = (position: EventPosition, want: number) =>
    collect(consumer(), "1", { startPosition: position }, (s) => s.length >= want, want === 0 ? 1500 : 15_000);

  test("earliest: every event, in order, with its annotations and exact bytes", async () => {
    const { seen, errors } = await from(earliestEventPosition, 5);
    expect(errors).toEqual([]);
    expect(seen.map((s) => s.body)).toEqual(bodies);
    expect(seen.map((s) => s.sequenceNumber)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.map((s) => s.offset)).toEqual(stored.map((e) => e.offset));
    expect(seen.map((s) => s.enqueued)).toEqual(stored.map((e) => e.enqueuedTime.getTime()));
  });

  test("sequence number: exclusive by default, inclusive on request", async () => {
    expect((await from({ sequenceNumber: 2 }, 2)).seen.map((s) => s.sequenceNumber)).toEqual([3, 4]);
    expect((await from({ sequenceNumber: 2, isInclusive: true }, 3)).seen.map((s) => s.sequenceNumber)).toEqual([
      2, 3, 4,
    ]);
  });

  test("offset and enqueued time", async () => {
    expect((await from({ offset: stored[3]!.offset }, 1)).seen.map((s) => s.body)).toEqual(["fifth"]);
    expect((await from({ offset: stored[3]!.offset, isInclusive: true }, 2)).seen.map((s) => s.body)).toEqual([
      "fourth",
      "fifth",
    ]);
    expect((await from({ enqueuedOn: stored[1]!.enqueuedTime }, 3)).seen.map((s) => s.sequenceNumber)).toEqual([
      2, 3, 4,
    ]);
  });

  test("a sequence number past the end is refused, as the service does", async () => {
    const { seen, errors } = await from({ sequenceNumber: 99 }, 0);
    expect(seen).toEqual([]);
    expect(errors.map((e) => e.message).join("\n")).toMatch(/The supplied sequence number '99' is invalid/);
  });

  test("latest: only events enqueued after the receiver attached", async () => {
    const c = consumer();
    const run = collect(c, "1", { startPosition: latestEventPosition }, (s) => s.length >= 2);
    // Wait until the receiver is attached before enqueuing.
    for (let i = 0; i < 200 && hub.receivers("defender", "$default", "1").length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    hub.enqueue("defender", "1", "late-1");
    hub.enqueue("defender", "1", "late-2");
    const { seen } = await run;
    expect(seen.map((s) => s.body)).toEqual(["late-1", "late-2"]);
  });

  test("credit: a receiver that asks for little gets little at a time, and everything in the end", async () => {
    for (let i = 0; i < 30; i++) hub.enqueue("defender", "3", `e${i}`);
    const batches: number[] = [];
    const c = consumer();
    let total = 0;
    await new Promise<void>((done) => {
      const sub = c.subscribe(
        "3",
        {
          processEvents: async (events) => {
            if (events.length > 0) batches.push(events.length);
            total += events.length;
            if (total >= 30) void sub.close().then(done);
          },
          processError: async () => undefined,
        },
        { startPosition: earliestEventPosition, maxBatchSize: 4, maxWaitTimeInSeconds: 0.2, prefetchCount: 4 },
      );
    });
    expect(total).toBe(30);
    expect(Math.max(...batches)).toBeLessThanOrEqual(4);
  });
});

describe("owner level (epoch)", () => {
  test("a higher epoch steals the partition; a lower one is refused", async () => {
    hub.enqueue("defender", "2", "x");
    const closes: string[] = [];
    const errorsA: (Error & { code?: string })[] = [];
    const a = consumer("defender", "audit");
    const subA = a.subscribe(
      "2",
      {
        processEvents: async () => undefined,
        processError: async (e) => void errorsA.push(e),
        processClose: async (reason) => void closes.push(reason),
      },
      { ownerLevel: 1, startPosition: earliestEventPosition, maxWaitTimeInSeconds: 0.2 },
    );
    await waitFor(() => hub.receivers("defender", "audit", "2").length === 1);
    expect(hub.receivers("defender", "audit", "2")).toEqual([1]);

    const b = consumer("defender", "audit");
    const got = await collect(b, "2", { ownerLevel: 2, startPosition: earliestEventPosition }, (s) => s.length >= 1);
    expect(got.seen.map((s) => s.body)).toEqual(["x"]);
    await waitFor(() => errorsA.length > 0);
    expect(errorsA[0]!.code).toBe("ReceiverDisconnectedError");
    expect(errorsA[0]!.message).toMatch(/higher epoch of '2'/);
    await waitFor(() => closes.length > 0);
    expect(closes).toEqual(["OwnershipLost"]);
    expect(hub.stolen).toContain("defender/audit/2");
    await subA.close();

    // B is closed now; hold the partition with epoch 5 and try epoch 3.
    const holder = consumer("defender", "audit");
    const subH = holder.subscribe(
      "2",
      { processEvents: async () => undefined, processError: async () => undefined },
      { ownerLevel: 5, startPosition: latestEventPosition },
    );
    await waitFor(() => hub.receivers("defender", "audit", "2").includes(5));
    const low = await collect(
      consumer("defender", "audit"),
      "2",
      { ownerLevel: 3, startPosition: earliestEventPosition },
      () => false,
      1500,
    );
    expect(low.seen).toEqual([]);
    expect(low.errors.map((e) => (e as Error & { code?: string }).code)).toContain("ReceiverDisconnectedError");
    expect(hub.receivers("defender", "audit", "2")).toEqual([5]);
    // Without an owner level, while an epoch receiver holds the partition: refused too.
    const none = await collect(consumer("defender", "audit"), "2", { startPosition: earliestEventPosition }, () => false, 1500);
    expect(none.seen).toEqual([]);
    expect(none.errors.map((e) => e.message).join("\n")).toMatch(/non-epoch receiver is not allowed/);
    expect(hub.receivers("defender", "audit", "2")).toEqual([5]);
    await subH.close();
  });
});

describe("producers", () => {
  test("a batch sent to a partition, and one sent by partition key, are stored in order", async () => {
    const p = new EventHubProducerClient(hub.connectionString("other"));
    open.push(p);
    const before = hub.events("other", "1").length;
    const batch = await p.createBatch({ partitionId: "1" });
    expect(batch.maxSizeInBytes).toBe(1024 * 1024);
    for (const b of ["p1", "p2", "p3"]) expect(batch.tryAdd({ body: Buffer.from(b) })).toBe(true);
    await p.sendBatch(batch);
    expect(
      hub
        .events("other", "1")
        .slice(before)
        .map((e) => e.body.toString()),
    ).toEqual(["p1", "p2", "p3"]);
    const keyed = await p.createBatch({ partitionKey: "device-42" });
    keyed.tryAdd({ body: Buffer.from("k1") });
    await p.sendBatch(keyed);
    const all = [...hub.events("other", "0"), ...hub.events("other", "1")].filter((e) => e.body.toString() === "k1");
    expect(all).toHaveLength(1);
    expect(all[0]!.partitionKey).toBe("device-42");
  });
});

describe("checkpoints in Blob storage (Azurite)", () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  test("the real BlobCheckpointStore: claim, checkpoint, resume after the checkpoint", async () => {
    const container = new ContainerClient(azurite.connectionString, "checkpoints");
    await container.create();
    const store = new BlobCheckpointStore(container);
    // Hub "other", consumer group $default: partition 0 already has events; add more to both.
    for (let i = 0; i < 4; i++) {
      hub.enqueue("other", "0", `cp0-${i}`);
      hub.enqueue("other", "1", `cp1-${i}`);
    }
    const total = () => hub.events("other", "0").length + hub.events("other", "1").length;
    const want = total();
    const c = consumer("other", "$default", { checkpointStore: store });
    const seen: ReceivedEventData[] = [];
    await new Promise<void>((done) => {
      const sub = c.subscribe(
        {
          processEvents: async (events, context) => {
            seen.push(...events);
            if (events.length > 0) await context.updateCheckpoint(events[events.length - 1]!);
            if (seen.length >= want) void sub.close().then(done);
          },
          processError: async () => undefined,
        },
        { startPosition: earliestEventPosition, maxBatchSize: 100, maxWaitTimeInSeconds: 0.2 },
      );
    });
    expect(seen).toHaveLength(want);
    const checkpoints = await store.listCheckpoints(c.fullyQualifiedNamespace, "other", "$default");
    const ownerships = await store.listOwnership(c.fullyQualifiedNamespace, "other", "$default");
    expect(ownerships.map((o) => o.partitionId).sort()).toEqual(["0", "1"]);
    expect(checkpoints.map((cp) => [cp.partitionId, cp.sequenceNumber]).sort()).toEqual([
      ["0", hub.events("other", "0").length - 1],
      ["1", hub.events("other", "1").length - 1],
    ]);
    await c.close();

    // New events; a new client with the same store starts after the checkpoints.
    hub.enqueue("other", "0", "after-0");
    hub.enqueue("other", "1", "after-1");
    const again = await collect(
      consumer("other", "$default", { checkpointStore: store }),
      undefined,
      { startPosition: earliestEventPosition },
      (s) => s.length >= 2,
    );
    expect(again.seen.map((s) => s.body).sort()).toEqual(["after-0", "after-1"]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
