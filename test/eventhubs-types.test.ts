/**
 * The consumer's types, as a user's project sees them: handlers get the
 * records of their own table, unknown table names do not compile, and the
 * consumer (typed structurally, without the SDK) is accepted by the real
 * `EventHubConsumerClient.subscribe` of @azure/event-hubs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildGenerated, ALL_SCHEMAS, REPO_CONFIG, runTsc } from "./helpers/generated.js";

const CONSUMER = `
import { EventHubConsumerClient, earliestEventPosition } from "@azure/event-hubs";
import { createEventHubsConsumer, type DeadLetter, type TableBatch, type DeviceProcessEventsRecord } from "../../dist/index.js";

const consumer = createEventHubsConsumer({
  tables: {
    DeviceProcessEvents: async (batch) => {
      const b: TableBatch<DeviceProcessEventsRecord> = batch;
      const first = b.records[0]!;
      const command = first.record.properties.ProcessCommandLine;
      const category: "AdvancedHunting-DeviceProcessEvents" = first.record.category;
      const seq: number = first.sequenceNumber;
      const id: string = first.id;
      void command, category, seq, id;
    },
    DeviceInfo: (batch) => {
      batch.records[0]!.record.properties.ProcessCommandLine; // error TS2339
    },
    NoSuchTable: () => undefined, // error TS2353
  },
  deadLetter: (letters: readonly DeadLetter[]) => {
    const raw: Uint8Array = letters[0]!.raw;
    const reason: string = letters[0]!.reason;
    void raw, reason;
  },
  checkpoint: { events: 100, ms: 1000 },
});

const client = new EventHubConsumerClient("$default", "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=v;EntityPath=h");
client.subscribe(consumer, { ...consumer.subscribeOptions, startPosition: earliestEventPosition });
client.subscribe("0", consumer, consumer.subscribeOptions);
const wait: number = consumer.subscribeOptions.maxWaitTimeInSeconds;
const lag: number | undefined = consumer.metrics().partitions["0"]?.lag;
void wait, lag;
`;

test("handlers are typed per table; the consumer fits the real SDK's subscribe", async () => {
  const pkg = await buildGenerated(ALL_SCHEMAS, REPO_CONFIG);
  const dir = join(pkg.dir, "consumers", "eventhubs");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), CONSUMER);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
      },
      files: ["consumer.ts"],
    }),
  );
  const { output } = await runTsc(["-p", join(dir, "tsconfig.json")]);
  const errors = [...output.matchAll(/consumer\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
  const expected = CONSUMER.split("\n").flatMap((l, i) => {
    const m = /\/\/ error (TS\d+)/.exec(l);
    return m ? [`${i + 1} ${m[1]}`] : [];
  });
  expect(errors, output).toEqual(expected);
});
