// A consumer process for bench/eventhubs.bench.mjs: the generated package's
// Event Hubs consumer under the real EventHubConsumerClient and the Blob
// checkpoint store (Azurite). Handlers only count. Reports on stdout, one JSON
// line at a time: progress, memory samples, and a summary on SIGTERM.
import { pathToFileURL } from "node:url";
import { EventHubConsumerClient, earliestEventPosition } from "@azure/event-hubs";
import { BlobCheckpointStore } from "@azure/eventhubs-checkpointstore-blob";
import { ContainerClient } from "@azure/storage-blob";

const env = process.env;
const pkg = await import(pathToFileURL(env.PKG).href);
let records = 0;
let first = 0;
let last = 0;
const count = (batch) => {
  if (first === 0) first = Date.now();
  records += batch.records.length;
  last = Date.now();
};
const tables = {};
for (const t of pkg.tables) tables[t.name] = count;
const consumer = pkg.createEventHubsConsumer({ tables, deadLetter: () => undefined });
const store = new BlobCheckpointStore(new ContainerClient(env.BLOB, env.CONTAINER));
const client = new EventHubConsumerClient("$default", env.EH, store, {
  loadBalancingOptions: { updateIntervalInMs: 500, partitionOwnershipExpirationIntervalInMs: 5000 },
});
const sub = client.subscribe(consumer, { ...consumer.subscribeOptions, maxWaitTimeInSeconds: 0.5, startPosition: earliestEventPosition });
const say = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const progress = setInterval(() => say({ t: "progress", records, first, last }), 250);
const memory = setInterval(() => {
  const m = process.memoryUsage();
  say({ t: "memory", at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, records });
}, Number(env.SAMPLE_MS ?? 2000));
process.on("SIGTERM", async () => {
  clearInterval(progress);
  clearInterval(memory);
  await sub.close();
  await client.close();
  say({ t: "done", records, first, last, metrics: consumer.metrics() });
  process.exit(0);
});
