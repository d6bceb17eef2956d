/** Log Analytics query API response holding a `getschema` result. */
import { InputError } from "../model/errors.js";
import type { RawTable } from "../model/schema.js";
import { columnFromRow, getschemaHeader, isObject, requireGetschemaHeader } from "./getschema-rows.js";
import type { SourceInput } from "./source.js";

export function looksLikeLogAnalytics(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.tables);
}

export function readLogAnalytics(json: Record<string, unknown>, input: SourceInput): RawTable {
  const { file } = input;
  const tables = json.tables as unknown[];
  const result = tables.find((t) => isObject(t) && t.name === "PrimaryResult") ?? tables[0];
  if (!isObject(result) || !Array.isArray(result.columns) || !Array.isArray(result.rows)) {
    throw InputError.of({ file, at: "/tables/0" }, "Log Analytics response has no result table: expected {\"tables\":[{\"columns\":[...],\"rows\":[...]}]}");
  }
  const names = result.columns.map((c) => (isObject(c) ? c.name : undefined));
  const header = getschemaHeader(names);
  requireGetschemaHeader(header, file, "the Log Analytics result", names);
  const columns = result.rows.map((row, i) => {
    if (!Array.isArray(row)) {
      throw InputError.of({ file, table: input.nameFromFile, at: `/tables/0/rows/${i}` }, `row is ${typeof row}: expected an array of values`);
    }
    return columnFromRow(row, header, `row ${i + 1}`);
  });
  return { file, name: input.nameFromFile, nameFrom: "file name", columns };
}
