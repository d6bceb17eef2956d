// Compile-time guarantees of the generated KQL helpers that must hold: compiled by
// test/kql-types.test.ts inside a package generated from fixtures/ (kqlgen.config.json,
// plus DeviceProcessEvents.FileSize read as bigint). Any error here fails the test; a
// `@ts-expect-error` that stops erroring fails it too.
import { expectTypeOf } from "vitest";
import type { LogsQueryClient } from "@azure/monitor-query-logs";
import {
  ago,
  CloudAppEventsKql,
  DeviceProcessEventsKql as P,
  KqlgenAwkwardNamesKql,
  kql,
  lit,
  now,
  runQuery,
  type DeviceProcessEvents,
  type KqlText,
  type KustoTypesOf,
  type OrderedExpr,
  type QueryResult,
  type RowOf,
  type StringExpr,
} from "../index.js";

// The table: every column, with the row interface's types (Timestamp not null by configuration).
expectTypeOf<RowOf<typeof P>>().toEqualTypeOf<DeviceProcessEvents>();
expectTypeOf<RowOf<typeof P>["Timestamp"]>().toEqualTypeOf<string>();
expectTypeOf<RowOf<typeof P>["FileSize"]>().toEqualTypeOf<bigint | null>();
expectTypeOf(P.col.Timestamp).toEqualTypeOf<OrderedExpr<"datetime", string>>();
expectTypeOf(P.col.FileName).toEqualTypeOf<StringExpr<string>>();
expectTypeOf<KustoTypesOf<typeof P>["LogonId"]>().toEqualTypeOf<"long">();

// project: only the projected columns remain.
const projected = P.where("Timestamp", ">", ago("1h")).project("Timestamp", "DeviceName", "FileSize");
expectTypeOf<RowOf<typeof projected>>().toEqualTypeOf<{ Timestamp: string; DeviceName: string; FileSize: bigint | null }>();
// @ts-expect-error FileName was projected away
projected.where("FileName", "==", "cmd.exe");
// @ts-expect-error and is not in the row type either
((row: RowOf<typeof projected>) => row.FileName)(undefined!);

// extend adds typed columns (computed values may be null, strings never are); a same-named column is replaced.
const extended = projected.extend((c, f) => ({
  Hour: f.bin(c.Timestamp, "1h"),
  Name: f.tolower(c.DeviceName),
  Size: f.tolong(c.FileSize),
  Since: ago("1d"),
  Flag: lit.bool(true),
  DeviceName: f.strlen(c.DeviceName),
}));
expectTypeOf<RowOf<typeof extended>>().toEqualTypeOf<{
  Timestamp: string;
  DeviceName: number | null;
  FileSize: bigint | null;
  Hour: string | null;
  Name: string;
  Size: number | null;
  Since: string;
  Flag: boolean;
}>();
expectTypeOf<KustoTypesOf<typeof extended>>().toEqualTypeOf<{
  Timestamp: "datetime";
  DeviceName: "long";
  FileSize: "long";
  Hour: "datetime";
  Name: "string";
  Size: "long";
  Since: "datetime";
  Flag: "bool";
}>();
// @ts-expect-error DeviceName is a long now: no string operators
extended.where("DeviceName", "has", "x");

// summarize: the keys, then the aggregations, typed.
const summary = P.summarize(
  (c, a) => ({
    Runs: a.count(),
    Devices: a.dcount(c.DeviceId),
    Last: a.max(c.Timestamp),
    Files: a.make_set(c.FileName, 100),
    Total: a.sum(c.FileSize),
    AvgId: a.avg(c.ProcessId),
    Any: a.take_any(c.FolderPath),
  }),
  ["AccountName", "AccountDomain"],
);
expectTypeOf<RowOf<typeof summary>>().toEqualTypeOf<{
  AccountName: string;
  AccountDomain: string;
  Runs: number;
  Devices: number;
  Last: string | null;
  Files: string[];
  Total: number | null;
  AvgId: number | "NaN" | "Infinity" | "-Infinity" | null;
  Any: string;
}>();
const byDay = P.summarize(
  (c, a) => ({ N: a.count() }),
  (c, f) => ({ Day: f.bin(c.Timestamp, "1d"), FileName: c.FileName }),
);
expectTypeOf<KustoTypesOf<typeof byDay>>().toEqualTypeOf<{ Day: "datetime"; FileName: "string"; N: "long" }>();

// The other steps keep or reshape the row as Kusto does.
expectTypeOf<RowOf<ReturnType<typeof P.count>>>().toEqualTypeOf<{ Count: number }>();
expectTypeOf<RowOf<ReturnType<typeof projected.distinct<"DeviceName">>>>().toEqualTypeOf<{ DeviceName: string }>();
const renamed = projected.projectRename({ When: "Timestamp" });
expectTypeOf<RowOf<typeof renamed>>().toEqualTypeOf<{ When: string; DeviceName: string; FileSize: bigint | null }>();
const away = projected.projectAway("FileSize");
expectTypeOf<RowOf<typeof away>>().toEqualTypeOf<{ Timestamp: string; DeviceName: string }>();
expectTypeOf<RowOf<ReturnType<typeof projected.take>>>().toEqualTypeOf<RowOf<typeof projected>>();
expectTypeOf(projected.orderBy("Timestamp", ["DeviceName", "asc"], ["FileSize", "desc", "nulls last"]).top(5, "Timestamp")).toEqualTypeOf<typeof projected>();

// Values of the right type are accepted, in every form the literal writers take.
P.where("Timestamp", "between", [new Date(0), "2024-05-01T12:00:00.1234567Z"])
  .where("Timestamp", ">", now("-1h"))
  .where("FileSize", "in", [1, 2n])
  .where("ProcessId", "==", null)
  .where("FileName", "in~", ["cmd.exe", "powershell.exe"])
  .where("ProcessCommandLine", "matches regex", "-[eE]nc")
  .where((c) => c.InitiatingProcessFileSize.gt(c.FileSize).or(c.ProcessId.between(1, 4n)))
  .where((c, f) => f.strlen(c.FileName).gt(3));
KqlgenAwkwardNamesKql.where("Device Name", "startswith", "srv").where("1stColumn", ">", 3).where("back\\slash", ">", "00:00:01").where("dotted.name", "==", "0f8fad5b-d9cb-469f-a165-70867728950e");
CloudAppEventsKql.where("RawEventData", "has", "x").where((c) => c.ActivityObjects.get(0).get("Name").isNotNull());
// @ts-expect-error dynamic columns are not compared with ==
CloudAppEventsKql.where("RawEventData", "==", "x");
// @ts-expect-error Kusto cannot order by dynamic values
CloudAppEventsKql.orderBy("RawEventData");
// @ts-expect-error nor group by them
CloudAppEventsKql.summarize((c, a) => ({ N: a.count() }), ["IPTags"]);

// runQuery takes the SDK's own LogsQueryClient and returns rows typed by the query.
declare const client: LogsQueryClient;
async function typedRows() {
  const result = await runQuery(client, "workspace", summary, { timespan: { duration: "P1D" }, allowPartial: true });
  expectTypeOf(result).toEqualTypeOf<QueryResult<RowOf<typeof summary>>>();
  expectTypeOf(result.rows[0]!.Files).toEqualTypeOf<string[]>();
  const text: KqlText = kql`DeviceInfo | where DeviceName == ${"x"} | take ${10}`;
  const untyped = await runQuery(client, "workspace", text, { timespan: { startTime: new Date(0), endTime: new Date() } });
  expectTypeOf(untyped.rows[0]!).toEqualTypeOf<Record<string, unknown>>();
  const declared = await runQuery<{ DeviceName: string }>(client, "workspace", text, { timespan: { duration: "PT1H" } });
  expectTypeOf(declared.rows[0]!.DeviceName).toEqualTypeOf<string>();
  // @ts-expect-error a plain string is not a query: build it with kql`...` or the builder
  await runQuery(client, "workspace", "DeviceInfo | take 1", { timespan: { duration: "P1D" } });
  // @ts-expect-error the service needs a time range
  await runQuery(client, "workspace", summary, {});
}
void typedRows;
