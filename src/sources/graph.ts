/**
 * Microsoft Graph `runHuntingQuery` response holding a `getschema` result, and
 * the legacy Defender for Endpoint advanced hunting API response (the same
 * shape in PascalCase). Keys are read case-insensitively.
 */
import { InputError } from "../model/errors.js";
import type { RawTable } from "../model/schema.js";
import { columnFromRow, getIgnoreCase, getschemaHeader, isObject, requireGetschemaHeader } from "./getschema-rows.js";
import type { SourceInput } from "./source.js";

export function looksLikeGraph(json: unknown): boolean {
  return isObject(json) && Array.isArray(getIgnoreCase(json, "results")) && Array.isArray(getIgnoreCase(json, "schema"));
}

export function readGraph(json: Record<string, unknown>, input: SourceInput): RawTable {
  const { file } = input;
  const results = getIgnoreCase(json, "results") as unknown[];
  const schema = getIgnoreCase(json, "schema") as unknown[];
  const schemaNames = schema.map((c) => (isObject(c) ? getIgnoreCase(c, "name") : undefined));
  // The rows are objects: read them by the names the schema declares, or by their own keys.
  const keys = schemaNames.length > 0 ? schemaNames : Object.keys(isObject(results[0]) ? results[0] : {});
  const header = getschemaHeader(keys);
  requireGetschemaHeader(header, file, "the hunting query result", keys);
  const columns = results.map((row, i) => {
    if (!isObject(row)) {
      throw InputError.of({ file, table: input.nameFromFile, at: `/results/${i}` }, `result is ${Array.isArray(row) ? "an array" : typeof row}: expected an object`);
    }
    // Only the getschema columns are read: looking up every declared name in every row was quadratic.
    const values: unknown[] = [];
    for (const index of header.values()) {
      const k = keys[index];
      values[index] = typeof k === "string" ? getIgnoreCase(row, k) : undefined;
    }
    return columnFromRow(values, header, `result ${i + 1}`);
  });
  // Graph and the legacy API are Defender advanced hunting: the platform is known.
  return { file, name: input.nameFromFile, nameFrom: "file name", platform: "defender-advanced-hunting", columns };
}
