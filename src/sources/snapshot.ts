/**
 * kqlgen's own snapshot format (docs/snapshot-format.md): what `kqlgen pull`
 * writes, naming its table and platform.
 */
import { InputError } from "../model/errors.js";
import { PLATFORMS, type Platform, type RawTable, type Table } from "../model/schema.js";
import { isObject } from "./getschema-rows.js";
import type { SourceInput } from "./source.js";
import { show } from "../model/show.js";

export const SNAPSHOT_FORMAT = "kqlgen.snapshot/v1";
export const SNAPSHOT_EXTENSION = ".kqlgen.json";

export function looksLikeSnapshot(json: unknown): boolean {
  return isObject(json) && typeof json.format === "string" && json.format.startsWith("kqlgen.snapshot");
}

export function readSnapshot(json: Record<string, unknown>, input: SourceInput): RawTable {
  const { file } = input;
  if (json.format !== SNAPSHOT_FORMAT) {
    throw InputError.of({ file, at: "/format" }, `snapshot format ${show(json.format)} is not supported: expected "${SNAPSHOT_FORMAT}"`);
  }
  if (typeof json.table !== "string") {
    throw InputError.of({ file, at: "/table" }, `snapshot "table" is ${show(json.table)}: expected the table name as a string`);
  }
  const platform = json.platform;
  if (platform !== undefined && !(PLATFORMS as readonly unknown[]).includes(platform)) {
    throw InputError.of({ file, table: json.table, at: "/platform" }, `platform ${show(platform)} is not known: expected one of ${PLATFORMS.join(", ")}`);
  }
  if (!Array.isArray(json.columns)) {
    throw InputError.of({ file, table: json.table, at: "/columns" }, `snapshot "columns" is ${show(json.columns)}: expected an array`);
  }
  const columns = json.columns.map((c: unknown, i: number) => {
    if (!isObject(c)) {
      throw InputError.of({ file, table: json.table as string, at: `/columns/${i}` }, `column is ${show(c)}: expected {"name", "type", "ordinal"}`);
    }
    return { name: c.name, columnType: c.type, ordinal: c.ordinal, at: `/columns/${i}` };
  });
  return {
    file,
    name: json.table,
    nameFrom: "file content",
    ...(platform ? { platform: platform as Platform } : {}),
    columns,
  };
}

/** The snapshot text for a table: deterministic, so an unchanged schema gives identical bytes. */
export function writeSnapshot(table: Table): string {
  const doc = {
    format: SNAPSHOT_FORMAT,
    table: table.name,
    ...(table.platform ? { platform: table.platform } : {}),
    columns: table.columns.map((c) => ({ name: c.name, type: c.type, ordinal: c.ordinal })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
