/**
 * Sentinel-style table JSON, as KQL validation suites keep it:
 * `{"Name":"AlertInfo","Properties":[{"Name":"Timestamp","Type":"datetime"}]}`.
 * Hand-kept, so key casing varies.
 */
import { InputError } from "../model/errors.js";
import type { RawTable } from "../model/schema.js";
import { getIgnoreCase, isObject } from "./getschema-rows.js";
import type { SourceInput } from "./source.js";
import { show } from "../model/show.js";

export function looksLikeSentinel(json: unknown): boolean {
  return isObject(json) && Array.isArray(getIgnoreCase(json, "properties"));
}

export function readSentinel(json: Record<string, unknown>, input: SourceInput): RawTable {
  const { file } = input;
  const named = getIgnoreCase(json, "name");
  if (named !== undefined && typeof named !== "string") {
    throw InputError.of({ file, at: "/Name" }, `table Name is ${show(named)}: expected a string`);
  }
  const properties = getIgnoreCase(json, "properties") as unknown[];
  const name = named ?? input.nameFromFile;
  const columns = properties.map((p, i) => {
    if (!isObject(p)) {
      throw InputError.of({ file, table: name, at: `/Properties/${i}` }, `property is ${show(p)}: expected {"Name": ..., "Type": ...}`);
    }
    return { name: getIgnoreCase(p, "name"), columnType: getIgnoreCase(p, "type"), at: `property ${i + 1}` };
  });
  return { file, name, nameFrom: named === undefined ? "file name" : "file content", columns };
}
