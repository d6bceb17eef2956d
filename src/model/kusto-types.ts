/**
 * The ten Kusto scalar types, and every spelling a schema source uses for them
 * (see docs/type-spellings.md). Spellings are matched case-insensitively.
 */

export const KUSTO_TYPES = [
  "string",
  "bool",
  "int",
  "long",
  "real",
  "decimal",
  "datetime",
  "timespan",
  "guid",
  "dynamic",
] as const;

export type KustoType = (typeof KUSTO_TYPES)[number];

/** Spelling (lower case) → Kusto type. `ColumnType` names, .NET `DataType` names, aliases. */
const SPELLINGS: ReadonlyMap<string, KustoType> = new Map<string, KustoType>([
  // string
  ["string", "string"],
  ["system.string", "string"],
  // bool: getschema's DataType for bool is System.SByte (.NET's int8); only
  // ColumnType tells it from a small integer, so ColumnType wins when present.
  ["bool", "bool"],
  ["boolean", "bool"],
  ["system.boolean", "bool"],
  ["system.sbyte", "bool"],
  // int: Kusto stores 8/16-bit integers as 32-bit int.
  ["int", "int"],
  ["int32", "int"],
  ["int16", "int"],
  ["int8", "int"],
  ["uint8", "int"],
  ["system.int32", "int"],
  // long
  ["long", "long"],
  ["int64", "long"],
  ["uint64", "long"],
  ["system.int64", "long"],
  // real
  ["real", "real"],
  ["double", "real"],
  ["float", "real"],
  ["system.double", "real"],
  // decimal
  ["decimal", "decimal"],
  ["system.data.sqltypes.sqldecimal", "decimal"],
  // datetime
  ["datetime", "datetime"],
  ["date", "datetime"],
  ["system.datetime", "datetime"],
  // timespan
  ["timespan", "timespan"],
  ["time", "timespan"],
  ["system.timespan", "timespan"],
  // guid
  ["guid", "guid"],
  ["uuid", "guid"],
  ["uniqueid", "guid"],
  ["system.guid", "guid"],
  // dynamic
  ["dynamic", "dynamic"],
  ["object", "dynamic"],
  ["system.object", "dynamic"],
]);

/** The Kusto type a spelling names, or undefined for an unknown spelling. */
export function parseKustoType(spelling: string): KustoType | undefined {
  return SPELLINGS.get(spelling.trim().toLowerCase());
}
