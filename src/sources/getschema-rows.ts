/**
 * The part every getschema-shaped source shares: rows with some of the
 * columns ColumnName, ColumnOrdinal, DataType and ColumnType, keyed
 * case-insensitively.
 */
import { InputError } from "../model/errors.js";
import type { RawColumn } from "../model/schema.js";
import { show } from "../model/show.js";

export const GETSCHEMA_COLUMNS = ["ColumnName", "ColumnOrdinal", "DataType", "ColumnType"] as const;
type GetschemaColumn = (typeof GETSCHEMA_COLUMNS)[number];

/** Maps header names (any case, surrounding blanks ignored) to the getschema column they name. */
export function getschemaHeader(names: readonly unknown[]): Map<GetschemaColumn, number> {
  const found = new Map<GetschemaColumn, number>();
  names.forEach((n, i) => {
    if (typeof n !== "string") return;
    const key = GETSCHEMA_COLUMNS.find((c) => c.toLowerCase() === n.trim().toLowerCase());
    if (key && !found.has(key)) found.set(key, i);
  });
  return found;
}

/** Throws unless the header names a column name and a type. */
export function requireGetschemaHeader(header: Map<GetschemaColumn, number>, file: string, what: string, seen: readonly unknown[]): void {
  if (!header.has("ColumnName") || (!header.has("ColumnType") && !header.has("DataType"))) {
    throw InputError.of(
      { file },
      `${what} names the columns ${show(seen, 120)}: expected ColumnName and ColumnType or DataType (as \`| getschema\` returns)`,
    );
  }
}

/** One getschema row, given as positional values, to a raw column. */
export function columnFromRow(row: readonly unknown[], header: Map<GetschemaColumn, number>, at: string): RawColumn {
  const get = (c: GetschemaColumn) => {
    const i = header.get(c);
    return i === undefined ? undefined : row[i];
  };
  return { name: get("ColumnName"), ordinal: get("ColumnOrdinal"), dataType: get("DataType"), columnType: get("ColumnType"), at };
}

/** Reads `key` of an object ignoring its letter case (Graph and Sentinel files vary). */
export function getIgnoreCase(obj: Record<string, unknown>, key: string): unknown {
  // Own keys only: a name such as "constructor" must not find Object.prototype's.
  if (Object.hasOwn(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  for (const k in obj) if (Object.hasOwn(obj, k) && k.toLowerCase() === lower) return obj[k];
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
