/**
 * Issue 13, the runtime every generated package carries, against hostile
 * values: frozen rows, properties that throw when read, revoked proxies,
 * columns named like Object.prototype's properties.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGenerated, freshDir, writeConfig, type GeneratedModule } from "../helpers/generated.js";

let g: GeneratedModule;

const RECORD = (properties: unknown) => ({
  time: "2026-12-01T00:00:00.0000000Z",
  tenantId: "6a9b4b1e-2b7e-4c2a-9a43-5c1e0e1c1a11",
  category: "AdvancedHunting-Hostile",
  properties,
});

beforeAll(async () => {
  const schemas = freshDir("hostile-runtime");
  mkdirSync(schemas, { recursive: true });
  const columns = [
    { name: "Timestamp", type: "datetime", ordinal: 0 },
    { name: "ReportId", type: "long", ordinal: 1 },
    { name: "constructor", type: "string", ordinal: 2 },
    { name: "MachineGroup", type: "string", ordinal: 3 },
  ];
  writeFileSync(path.join(schemas, "Hostile.kqlgen.json"), JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Hostile", columns }));
  const frozen = columns.filter((c) => c.name !== "constructor").map((c, ordinal) => ({ ...c, ordinal }));
  writeFileSync(path.join(schemas, "Frozen.kqlgen.json"), JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Frozen", columns: frozen }));
  g = (await buildGenerated(schemas, writeConfig({ columns: { "Frozen.ReportId": { long: "bigint" } } }, "hostile-runtime"))).module;
}, 180_000);

const row = () => ({ Timestamp: "2026-12-01T00:00:00Z", ReportId: 42, constructor: "c", MachineGroup: "g" });

describe("runtime against hostile values", () => {
  it("a frozen valid row with a bigint long validates: the typed value carries the bigint, the input is left as it was", () => {
    const { constructor: _c, ...plain } = row();
    const frozen = Object.freeze({ ...plain });
    const r = g.validateFrozen(frozen);
    expect(r.ok).toBe(true);
    expect(r.value.ReportId).toBe(42n);
    expect(frozen.ReportId).toBe(42);
    // The guard never converts: a number in a bigint column is not the typed row, a bigint is (frozen or not).
    expect(g.isFrozen(frozen)).toBe(false);
    expect(g.isFrozen(Object.freeze({ ...plain, ReportId: 42n }))).toBe(true);
  });

  it("a row without its `constructor` column is missing it (not Object's constructor)", () => {
    const { constructor: _drop, ...rest } = row();
    const r = g.validateHostile({ ...rest });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ path: "/constructor", column: "constructor", expected: "string", found: "missing" }]);
  });

  it("one record whose property throws when read, or a revoked proxy, is an error of that record; the others survive", () => {
    const throwing = Object.defineProperty(row(), "ReportId", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const { proxy, revoke } = Proxy.revocable(row(), {});
    revoke();
    const revokedRecord = Proxy.revocable(RECORD(row()), {});
    revokedRecord.revoke();
    const body = { records: [RECORD(row()), RECORD(throwing), RECORD(proxy), revokedRecord.proxy, RECORD(row())] };
    const result = g.parseEventHubsMessage(body);
    expect(result.records).toHaveLength(2);
    expect(result.records.map((r: { properties: { ReportId: number } }) => r.properties.ReportId)).toEqual([42, 42]);
    expect(result.errors.map((e: { record: number }) => e.record)).toEqual([1, 2, 3]);
    for (const e of result.errors) {
      expect(e.expected).toMatch(/readable/);
      expect(JSON.stringify(e)).not.toMatch(/\n\s+at /);
    }
  });
});
