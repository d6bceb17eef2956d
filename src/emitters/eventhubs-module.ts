/**
 * The Event Hubs consumer module: the runtime's consumer
 * (templates/runtime/eventhubs.ts) bound to the package's tables and typed
 * by its records.
 */
import { StructureKind, type Project } from "ts-morph";
import { printModule, type Statements } from "./code.js";

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

export function emitEventHubsModule(project: Project): string {
  const statements: Statements = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/eventhubs.js",
      namedImports: ["createConsumer"],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/eventhubs.js",
      isTypeOnly: true,
      namedImports: ["EventHubsConsumer", "EventHubsConsumerOptions", "TableHandlers"],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./stream.js", namedImports: ["streamTables"] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./stream.js",
      isTypeOnly: true,
      namedImports: ["StreamRecord"],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./runtime/eventhubs.js",
      isTypeOnly: true,
      namedExports: EVENTHUBS_TYPE_EXPORTS,
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "EventHubsTableHandlers",
      docs: ["One handler per table of this package, each receiving typed records of its table."],
      type: "TableHandlers<StreamRecord>",
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "EventHubsOptions",
      docs: ["Options of createEventHubsConsumer."],
      type: "EventHubsConsumerOptions<StreamRecord>",
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "createEventHubsConsumer",
      docs: [
        "The handlers for `EventHubConsumerClient.subscribe` (@azure/event-hubs): message bodies read as raw bytes\n" +
          "through this package's parser, valid records batched per table to `tables`, invalid records and unreadable\n" +
          "bodies to `deadLetter` with their exact bytes, drift to `drift`; a checkpoint only after all of them resolved.\n" +
          "Subscribe with `consumer.subscribeOptions` (raw bodies, batch size, wait time, lag tracking).",
      ],
      parameters: [{ name: "options", type: "EventHubsOptions" }],
      returnType: "EventHubsConsumer",
      statements: ["return createConsumer(streamTables, options);"],
    },
  ];
  return printModule(
    project,
    "src/eventhubs.ts",
    "Event Hubs consumer: typed records per table, dead letters, drift and checkpoints.",
    statements,
  );
}
