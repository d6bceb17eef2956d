/**
 * `kqlgen validate --event-hub`: live traffic from the loopback Event Hubs
 * fixture, read by the real EventHubConsumerClient from the latest position,
 * reported like files; connection failures are one line, exit 3, no key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import { consumerPackage, type ConsumerPackage } from "./helpers/eventhubs-package.js";
import { EventHubsFixture, TEST_KEY } from "./helpers/eventhubs-server.js";
import { makeRecord, messageBody, Rng, type StreamedRecord, type TableShape } from "./helpers/streamdata.js";
import { captureIo } from "./helpers/tree.js";

let hub: EventHubsFixture;
let pkg: ConsumerPackage;
let shapes: Record<string, TableShape>;
const ENV_KEYS = ["EVENTHUB_CONNECTION_STRING", "EVENTHUB_NAMESPACE", "EVENTHUB_NAME"] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  [hub, pkg] = await Promise.all([
    EventHubsFixture.start({
      hubs: [
        { name: "live", partitions: 2 },
        { name: "busy", partitions: 1 },
      ],
    }),
    consumerPackage(),
  ]);
  shapes = Object.fromEntries((await readSchemaDir(pkg.schemas)).tables.map((t) => [t.name, t]));
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

afterAll(async () => {
  await hub?.close();
});

async function validate(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await main(["validate", "--schemas", pkg.schemas, "--config", pkg.config, ...args], c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

function record(table: string, rng: Rng): StreamedRecord {
  const r = makeRecord(shapes[table]!, rng);
  if (table !== "DeviceInfo") r.properties.MachineGroup ??= "Servers";
  return r;
}

async function attached(hubName: string, partitions: readonly string[]): Promise<void> {
  const end = Date.now() + 20_000;
  while (!partitions.every((p) => hub.receivers(hubName, "$default", p).length > 0)) {
    if (Date.now() > end) throw new Error("the validate command never attached its receivers");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("validate --event-hub", () => {
  test("reads live traffic from latest, reports violations with partition and sequence number, exit 1", async () => {
    const rng = new Rng(21);
    // Old traffic: enqueued before validate starts, never read.
    hub.enqueue(
      "live",
      "0",
      messageBody([record("DeviceInfo", rng)]).replace('"tenantId":"', '"tenantId":"not-a-guid'),
    );
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("live");
    const run = validate(["--event-hub", "--format", "json", "--max-wait", "4", "--max-records", "1000"]);
    await attached("live", ["0", "1"]);
    const bad = record("DeviceProcessEvents", rng);
    bad.properties.ProcessId = "12345";
    const e0 = hub.enqueue("live", "0", messageBody([record("DeviceProcessEvents", rng), bad]));
    hub.enqueue("live", "1", messageBody([record("DeviceInfo", rng), record("CloudAppEvents", rng)]));
    hub.enqueue("live", "1", "not json at all");
    const { code, out, err } = await run;
    expect(err).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.eventHub).toMatchObject({
      hub: "live",
      consumerGroup: "$default",
      partitions: ["0", "1"],
      events: 3,
      stoppedBy: "max-wait",
    });
    expect(report.records).toEqual({ read: 4, valid: 3, invalid: 1, unknownCategory: 0 });
    const dpe = report.tables.find((t: { table: string }) => t.table === "DeviceProcessEvents");
    expect(dpe.violations[0]).toMatchObject({ column: "ProcessId", count: 1 });
    expect(dpe.violations[0].examples[0]).toMatchObject({
      file: `live/0#${e0.sequenceNumber}`,
      record: 1,
      found: 'string "12345"',
    });
    expect(report.corrupt.count).toBe(1);
    expect(report.corrupt.examples[0].file).toMatch(/^live\/1#\d+$/);
  });

  test("stops at --max-records; the text report names the hub", async () => {
    const rng = new Rng(22);
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("other-name-in-entity-path");
    const run = validate(["--event-hub", "busy", "--max-wait", "30", "--max-records", "5"]);
    await attached("busy", ["0"]);
    for (let i = 0; i < 10; i++) hub.enqueue("busy", "0", messageBody([record("DeviceInfo", rng)]));
    const started = Date.now();
    const { code, out } = await run;
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^kqlgen validate: event hub busy at 127\.0\.0\.1:\d+ \(consumer group \$default, 1 partitions, from latest, [\d.]+ s, stopped by --max-records\)\n {2}\d+ events \([^)]*\), 5 records: 5 valid, 0 invalid/,
    );
  });

  test("a wrong key: one line, exit 3, and the key is never printed", async () => {
    const key = Buffer.from("a-wrong-key-that-must-not-leak").toString("base64");
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("live", { key });
    const { code, out, err } = await validate(["--event-hub", "--max-wait", "5"]);
    expect(code).toBe(3);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(
      /^kqlgen: error: cannot read event hub live \(consumer group \$default\) at 127\.0\.0\.1:\d+: UnauthorizedError: .*InvalidSignature/,
    );
    expect(err).not.toContain(key);
    expect(err).not.toContain(TEST_KEY);
    expect(err).not.toMatch(/sig=(?!\[redacted\])/);
  });

  test("an unknown hub or consumer group: exit 3", async () => {
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("nosuchhub");
    const noHub = await validate(["--event-hub", "--max-wait", "5"]);
    expect(noHub.code).toBe(3);
    expect(noHub.err).toMatch(/cannot read event hub nosuchhub .*MessagingEntityNotFoundError/);
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("live");
    const noGroup = await validate(["--event-hub", "--consumer-group", "nosuchgroup", "--max-wait", "5"]);
    expect(noGroup.code).toBe(3);
    expect(noGroup.err).toMatch(/consumer group nosuchgroup.*MessagingEntityNotFoundError/);
    expect(noGroup.err.trim().split("\n")).toHaveLength(1);
  });

  test("namespace and DefaultAzureCredential: a sign-in that fails is one line, exit 3", async () => {
    delete process.env.EVENTHUB_CONNECTION_STRING;
    process.env.EVENTHUB_NAMESPACE = `127.0.0.1:${hub.port}`;
    // Pinned to the environment credential, with nothing in the environment: no managed-identity probe.
    const pinned = {
      AZURE_TOKEN_CREDENTIALS: process.env.AZURE_TOKEN_CREDENTIALS,
      AZURE_CLIENT_ID: process.env.AZURE_CLIENT_ID,
    };
    process.env.AZURE_TOKEN_CREDENTIALS = "EnvironmentCredential";
    delete process.env.AZURE_CLIENT_ID;
    try {
      const { code, out, err } = await validate(["--event-hub", "live", "--max-wait", "5"]);
      expect(code).toBe(3);
      expect(out).toBe("");
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).toMatch(
        /^kqlgen: error: cannot read event hub live \(consumer group \$default\) at 127\.0\.0\.1:\d+: \w+/,
      );
      expect(err).toMatch(/EnvironmentCredential is unavailable/);
    } finally {
      for (const [k, v] of Object.entries(pinned)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      delete process.env.EVENTHUB_NAMESPACE;
    }
  });

  test("bad usage: exit 2 with what was expected", async () => {
    delete process.env.EVENTHUB_CONNECTION_STRING;
    delete process.env.EVENTHUB_NAMESPACE;
    const none = await validate(["--event-hub"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--event-hub needs EVENTHUB_CONNECTION_STRING, or EVENTHUB_NAMESPACE/);
    process.env.EVENTHUB_CONNECTION_STRING = "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=secret-value";
    const noEntity = await validate(["--event-hub"]);
    expect(noEntity.code).toBe(2);
    expect(noEntity.err).toMatch(/names no hub \(EntityPath\)/);
    expect(noEntity.err).not.toContain("secret-value");
    process.env.EVENTHUB_CONNECTION_STRING = hub.connectionString("live");
    expect((await validate(["--event-hub", "--max-records", "0"])).err).toMatch(
      /--max-records "0" is not a whole number/,
    );
    expect((await validate(["data.json", "--event-hub"])).err).toMatch(/expected either paths or --event-hub/);
    expect((await validate(["--max-wait", "5", "data.json"])).err).toMatch(/--max-wait goes with --event-hub/);
    expect((await validate([])).code).toBe(2);
  });
});
