// A consumer process for the scale-out test: the generated package's Event
// Hubs consumer, run by the real EventHubConsumerClient with the real
// BlobCheckpointStore. What it handles goes to a log file (one JSON line per
// record, dead letter and partition event), written before the handler
// resolves — so "handled" means "logged".
//
// Environment: KQLGEN_PACKAGE (the compiled package's index.js), EH_CONNECTION,
// BLOB_CONNECTION, BLOB_CONTAINER, LOG_FILE, CHECKPOINT_EVENTS, MAX_BATCH.
import { appendFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { EventHubConsumerClient, earliestEventPosition } from "@azure/event-hubs";
import { BlobCheckpointStore } from "@azure/eventhubs-checkpointstore-blob";
import { ContainerClient } from "@azure/storage-blob";

const env = process.env;
const pkg = await import(pathToFileURL(env.KQLGEN_PACKAGE).href);
const log = (entry) => appendFileSync(env.LOG_FILE, JSON.stringify({ pid: process.pid, ...entry }) + "\n");

const handle = (batch) => {
  let lines = "";
  for (const r of batch.records) lines += JSON.stringify({ pid: process.pid, t: "rec", id: r.id, table: batch.table }) + "\n";
  appendFileSync(env.LOG_FILE, lines);
};

const consumer = pkg.createEventHubsConsumer({
  tables: { DeviceInfo: handle, DeviceProcessEvents: handle, CloudAppEvents: handle },
  deadLetter: (letters) => {
    for (const l of letters) log({ t: "dead", id: l.id, raw: Buffer.from(l.raw).toString("base64"), reason: l.reason });
  },
  checkpoint: { events: Number(env.CHECKPOINT_EVENTS ?? 10), ms: 60_000 },
  maxBatchSize: Number(env.MAX_BATCH ?? 10),
  maxWaitTimeInSeconds: 0.25,
});

const store = new BlobCheckpointStore(new ContainerClient(env.BLOB_CONNECTION, env.BLOB_CONTAINER));
const client = new EventHubConsumerClient("$default", env.EH_CONNECTION, store, {
  loadBalancingOptions: { updateIntervalInMs: 250, partitionOwnershipExpirationIntervalInMs: 2000 },
});
const handlers = {
  processInitialize: async (context) => {
    log({ t: "claim", partition: context.partitionId });
    await consumer.processInitialize(context);
  },
  processEvents: (events, context) => consumer.processEvents(events, context),
  processError: (error, context) => consumer.processError(error, context),
  processClose: async (reason, context) => {
    await consumer.processClose(reason, context);
    log({ t: "close", partition: context.partitionId, reason });
  },
};
const subscription = client.subscribe(handlers, { ...consumer.subscribeOptions, startPosition: earliestEventPosition });
log({ t: "start" });

process.on("SIGTERM", async () => {
  await subscription.close();
  await client.close();
  log({ t: "stop", metrics: consumer.metrics() });
  process.exit(0);
});
