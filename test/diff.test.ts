/**
 * `kqlgen diff` and diffSchemas on real schema changes: the Defender portal's
 * version of a table against Log Analytics' version of the same table, plus
 * moved, added and removed columns and tables.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { diffFails, diffSchemas } from "../src/diff/index.js";
import type { Table } from "../src/model/schema.js";
import { readSchemaDir } from "../src/sources/index.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { FIXTURES, logAnalyticsVersion, portalTable, removeTmpDirs, tmpDir } from "./helpers/azure-server.js";

afterAll(removeTmpDirs);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A folder of snapshots holding these tables. */
async function folder(name: string, tables: readonly Table[]): Promise<string> {
  const dir = path.join(await tmpDir("diff"), name);
  await mkdir(dir);
  for (const t of tables) await writeFile(path.join(dir, `${t.name}.kqlgen.json`), writeSnapshot(t));
  return dir;
}

function renumber(name: string, platform: Table["platform"], columns: { name: string; type: Table["columns"][number]["type"] }[]): Table {
  return { name, ...(platform ? { platform } : {}), columns: columns.map((c, ordinal) => ({ ...c, ordinal })) };
}

describe("portal vs Log Analytics versions of a Defender table", () => {
  it("DeviceProcessEvents: Log Analytics adds 7 columns and retypes AdditionalFields (breaking)", async () => {
    const portal = await portalTable("DeviceProcessEvents");
    const la = logAnalyticsVersion(portal);
    const diff = diffSchemas({ tables: [{ ...portal, platform: undefined } as Table] }, { tables: [{ ...la, platform: undefined } as Table] });
    expect(diff.changes.map((c) => [c.severity, c.kind, c.column, c.from, c.to])).toEqual([
      ["breaking", "column-retyped", "AdditionalFields", "string", "dynamic"],
      ["additive", "column-added", "TenantId", undefined, "string"],
      ["additive", "column-added", "MachineGroup", undefined, "string"],
      ["additive", "column-added", "SourceSystem", undefined, "string"],
      ["additive", "column-added", "TimeGenerated", undefined, "datetime"],
      ["additive", "column-added", "Type", undefined, "string"],
      ["additive", "column-added", "_BilledSize", undefined, "real"],
      ["additive", "column-added", "_IsBillable", undefined, "string"],
    ]);
    // Every portal column shifted one place (TenantId came first), yet none moved.
    expect(diff).toMatchObject({ breaking: 1, additive: 7, tablesCompared: 1, tablesChanged: 1 });
  });

  it("kqlgen diff prints the changes, a summary, and exits 1 for the breaking retype", async () => {
    const portal = await portalTable("DeviceInfo");
    const la = logAnalyticsVersion(portal);
    const oldDir = await folder("portal", [portal, await portalTable("AlertInfo")]);
    const newDir = await folder("log-analytics", [la, { ...(await portalTable("AlertInfo")) }]);
    const r = await run(["diff", oldDir, newDir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toBe(
      [
        `schema diff: ${oldDir} -> ${newDir}`,
        "",
        "DeviceInfo:",
        "  breaking  ~ platform changed: defender-advanced-hunting -> log-analytics",
        '  breaking  ~ column "AdditionalFields" retyped: string -> dynamic',
        '  additive  + column "TenantId" added (string, at 0)',
        '  additive  + column "SourceSystem" added (string, at 41)',
        '  additive  + column "TimeGenerated" added (datetime, at 42)',
        '  additive  + column "Type" added (string, at 43)',
        '  additive  + column "_BilledSize" added (real, at 44)',
        '  additive  + column "_IsBillable" added (string, at 45)',
        "",
        "2 breaking changes, 6 additive changes in 1 table (2 compared)",
      ].join("\n"),
    );
  });

  it("the other way round, the Log Analytics columns are removed: breaking, listed with their old type and place", async () => {
    const portal = await portalTable("AlertInfo");
    const la = logAnalyticsVersion(portal);
    const r = await run(["diff", await folder("la", [la]), await folder("portal", [portal]), "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ failed: true, breaking: 7, additive: 0, tablesCompared: 1, tablesChanged: 1 });
    expect(doc.changes[0]).toEqual({ kind: "platform-changed", severity: "breaking", table: "AlertInfo", from: "log-analytics", to: "defender-advanced-hunting" });
    expect(doc.changes.slice(1)).toEqual([
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "TenantId", from: "string", ordinal: 0 },
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "SourceSystem", from: "string", ordinal: 9 },
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "TimeGenerated", from: "datetime", ordinal: 10 },
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "Type", from: "string", ordinal: 11 },
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "_BilledSize", from: "real", ordinal: 12 },
      { kind: "column-removed", severity: "breaking", table: "AlertInfo", column: "_IsBillable", from: "string", ordinal: 13 },
    ]);
  });
});

describe("diffSchemas", () => {
  it("a column moved to the end is reported once, as moved (additive); the others only shifted", async () => {
    const portal = await portalTable("AlertInfo");
    const cols = portal.columns.map(({ name, type }) => ({ name, type }));
    const moved = [...cols.filter((c) => c.name !== "Title"), cols.find((c) => c.name === "Title")!];
    const diff = diffSchemas({ tables: [portal] }, { tables: [renumber("AlertInfo", portal.platform, moved)] });
    const titleAt = portal.columns.find((c) => c.name === "Title")!.ordinal;
    expect(diff.changes).toEqual([{ kind: "column-moved", severity: "additive", table: "AlertInfo", column: "Title", from: titleAt, to: cols.length - 1 }]);
    expect(diffFails(diff, "breaking")).toBe(false);
    expect(diffFails(diff, "additive")).toBe(true);
  });

  it("two columns swapped: one of them is reported moved", () => {
    const a = renumber("T", undefined, [{ name: "A", type: "string" }, { name: "B", type: "long" }, { name: "C", type: "bool" }]);
    const b = renumber("T", undefined, [{ name: "B", type: "long" }, { name: "A", type: "string" }, { name: "C", type: "bool" }]);
    const diff = diffSchemas({ tables: [a] }, { tables: [b] });
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: "column-moved", severity: "additive" });
  });

  it("a removed and a re-added column of another type is a retype, not a move", () => {
    const a = renumber("T", undefined, [{ name: "A", type: "string" }, { name: "B", type: "long" }]);
    const b = renumber("T", undefined, [{ name: "A", type: "string" }, { name: "B", type: "real" }]);
    expect(diffSchemas({ tables: [a] }, { tables: [b] }).changes).toEqual([
      { kind: "column-retyped", severity: "breaking", table: "T", column: "B", from: "long", to: "real", ordinal: 1 },
    ]);
  });

  it("tables added and removed; names are compared exactly (case-sensitive)", () => {
    const t = (name: string) => renumber(name, undefined, [{ name: "X", type: "int" }]);
    const diff = diffSchemas({ tables: [t("Gone"), t("Kept")] }, { tables: [t("Kept"), t("New"), t("gone")] });
    expect(diff.changes.map((c) => [c.kind, c.table, c.severity])).toEqual([
      ["table-removed", "Gone", "breaking"],
      ["table-added", "New", "additive"],
      ["table-added", "gone", "additive"],
    ]);
    expect(diff).toMatchObject({ breaking: 1, additive: 2, tablesCompared: 4, tablesChanged: 3 });
  });

  it("a platform only known on one side is no change", () => {
    const a = renumber("T", undefined, [{ name: "A", type: "string" }]);
    const b = renumber("T", "log-analytics", [{ name: "A", type: "string" }]);
    expect(diffSchemas({ tables: [a] }, { tables: [b] }).changes).toEqual([]);
  });
});

describe("kqlgen diff", () => {
  it("the same schemas in other formats: no changes, exit 0", async () => {
    const fixtures = await readSchemaDir(FIXTURES);
    const dir = await folder("snapshots", fixtures.tables);
    const r = await run(["diff", FIXTURES, dir]);
    expect(r).toEqual({ code: 0, out: `schema diff: ${FIXTURES} -> ${dir}\n\nno changes (${fixtures.tables.length} tables compared)`, err: "" });
  });

  it("additive changes pass by default and fail with --fail-on additive", async () => {
    const portal = await portalTable("AlertInfo");
    const more = renumber("AlertInfo", portal.platform, [...portal.columns.map(({ name, type }) => ({ name, type })), { name: "NewColumn", type: "guid" }]);
    const oldDir = await folder("old", [portal]);
    const newDir = await folder("new", [more]);
    const pass = await run(["diff", oldDir, newDir]);
    expect(pass.code).toBe(0);
    expect(pass.out.split("\n").slice(2)).toEqual(["AlertInfo:", `  additive  + column "NewColumn" added (guid, at ${portal.columns.length})`, "", "0 breaking changes, 1 additive change in 1 table (1 compared)"]);
    const fail = await run(["diff", oldDir, newDir, "--fail-on", "additive", "--json"]);
    expect(fail.code).toBe(1);
    expect(JSON.parse(fail.out)).toMatchObject({ failed: true, breaking: 0, additive: 1 });
  });

  it("bad folders: exit 2 naming both", async () => {
    const missing = path.join(await tmpDir("diff-missing"), "nope");
    const empty = await tmpDir("diff-empty");
    const r = await run(["diff", missing, empty]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      [
        `kqlgen: error: ${missing}: cannot read the schemas folder (it does not exist): expected a folder of schema files (--schemas)`,
        `kqlgen: error: ${empty}: the schemas folder holds no schema files: expected .json or .csv getschema results`,
      ].join("\n"),
    );
  });

  it("an unknown --fail-on level is bad usage", async () => {
    const dir = await folder("x", [await portalTable("AlertInfo")]);
    const r = await run(["diff", dir, dir, "--fail-on", "everything"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("argument 'everything' is invalid. Allowed choices are breaking, additive.");
  });
});
