/**
 * The Event Hubs consumer module: the runtime's consumer
 * (templates/runtime/eventhubs.ts) bound to the package's tables and typed
 * by its records.
 */
import { doc, fits, importLine, moduleText } from "./layout.js";
import type { EmittedModule } from "./table-module.js";

/** What the package exports of the consumer runtime (types only: the function is bound below). */
export const EVENTHUBS_TYPE_EXPORTS = [
  "CheckpointInterval",
  "ConsumedRecord",
  "ConsumerMetrics",
  "ConsumerSubscribeOptions",
  "DeadLetter",
  "DriftReport",
  "EventHubsConsumer",
  "PartitionContextLike",
  "PartitionMetrics",
  "ReceivedEventLike",
  "RecordOrigin",
  "TableBatch",
  "TableMetrics",
];

export function emitEventHubsModule(): EmittedModule {
  const text = moduleText("Event Hubs consumer: typed records per table, dead letters, drift and checkpoints.", [
    [
      importLine("import", ["createConsumer"], "./runtime/eventhubs.js"),
      importLine("import type", ["EventHubsConsumer", "EventHubsConsumerOptions", "TableHandlers"], "./runtime/eventhubs.js"),
      importLine("import", ["streamTables"], "./stream.js"),
      importLine("import type", ["StreamRecord"], "./stream.js"),
      importLine("export type", EVENTHUBS_TYPE_EXPORTS, "./runtime/eventhubs.js"),
    ].join("\n"),
    [doc("One handler per table of this package, each receiving typed records of its table."), "export type EventHubsTableHandlers = TableHandlers<StreamRecord>;"].join("\n"),
    [doc("Options of createEventHubsConsumer."), "export type EventHubsOptions = EventHubsConsumerOptions<StreamRecord>;"].join("\n"),
    [
      doc(
        "The handlers for `EventHubConsumerClient.subscribe` (@azure/event-hubs): message bodies read as raw bytes\n" +
          "through this package's parser, valid records batched per table to `tables`, invalid records and unreadable\n" +
          "bodies to `deadLetter` with their exact bytes, drift to `drift`; a checkpoint only after all of them resolved.\n" +
          "Subscribe with `consumer.subscribeOptions` (raw bodies, batch size, wait time, lag tracking).",
      ),
      "export function createEventHubsConsumer(options: EventHubsOptions): EventHubsConsumer {",
      "  return createConsumer(streamTables, options);",
      "}",
    ].join("\n"),
  ]);
  return { text, formatted: fits(text) };
}
