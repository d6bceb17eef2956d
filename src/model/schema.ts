/**
 * The normalized schema model every source produces and every emitter reads:
 * tables of columns with Kusto types, checked and sorted.
 */
import { InputError, InputProblem, type Location } from "./errors.js";
import { quote, show } from "./show.js";
import { KUSTO_TYPES, parseKustoType, type KustoType } from "./kusto-types.js";

export const PLATFORMS = ["defender-advanced-hunting", "log-analytics"] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface Column {
  readonly name: string;
  readonly type: KustoType;
  /** 0-based position, as getschema's ColumnOrdinal. */
  readonly ordinal: number;
}

export interface Table {
  readonly name: string;
  readonly platform?: Platform;
  /** In ordinal order. */
  readonly columns: readonly Column[];
  /** The file the table was read from (for error messages). */
  readonly source?: string;
}

/** Tables sorted by name (ordinal string order, so output never depends on locale). */
export interface SchemaSet {
  readonly tables: readonly Table[];
}

/** A column as a source read it, before any checking. */
export interface RawColumn {
  readonly name?: unknown;
  readonly ordinal?: unknown;
  /** Kusto type spelling (getschema `ColumnType`, Sentinel `Type`, snapshot `type`). */
  readonly columnType?: unknown;
  /** .NET type name (getschema `DataType`). */
  readonly dataType?: unknown;
  /** Where in the file this column came from, e.g. "row 3". */
  readonly at: string;
}

/** A table as a source read it. */
export interface RawTable {
  readonly file: string;
  readonly name: string;
  /** Where the table's name came from, for error messages. */
  readonly nameFrom: "file name" | "file content";
  readonly platform?: Platform;
  readonly columns: readonly RawColumn[];
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Kusto plain identifier, which is also a valid TypeScript identifier fragment. */
export function isPlainIdentifier(name: string): boolean {
  return PLAIN_IDENTIFIER.test(name);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Checks a raw table and turns it into a model table. Collects every problem
 * rather than stopping at the first.
 */
export function buildTable(raw: RawTable, problems: InputProblem[]): Table | undefined {
  const before = problems.length;
  const tableLoc: Location = { file: raw.file, table: raw.name };
  const problem = (loc: Location, message: string) => problems.push(new InputProblem(loc, message));

  if (!isPlainIdentifier(raw.name)) {
    problem(
      { file: raw.file },
      `table name ${quote(raw.name)} (from the ${raw.nameFrom}) is not a valid table identifier: expected letters, digits and "_", not starting with a digit`,
    );
  }
  if (raw.columns.length === 0) {
    problem(tableLoc, "the schema has no columns: expected at least one column");
  }

  const columns: { name: string; type: KustoType; ordinal: number | undefined; at: string }[] = [];
  const seen = new Map<string, string>();
  raw.columns.forEach((c) => {
    const at = c.at;
    const name = str(c.name);
    if (name === undefined || name.trim() === "") {
      problem({ ...tableLoc, at }, `column has no name: expected a non-empty ColumnName`);
      return;
    }
    // Not a spread of tableLoc: on Node 20 that costs microseconds, and a workspace has 100,000 columns.
    const loc: Location = { file: raw.file, table: raw.name, column: name, at };
    if (!name.isWellFormed() || /[\u0000-\u001f\u007f]/.test(name)) {
      problem(loc, "column name contains control characters or broken Unicode (lone surrogates)");
      return;
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      problem(loc, `duplicate column: ${quote(name)} already appears at ${previous}; expected each column name once (names are case-sensitive)`);
      return;
    }
    seen.set(name, at);

    const columnType = str(c.columnType);
    const dataType = str(c.dataType);
    let type: KustoType | undefined;
    if (columnType !== undefined && columnType.trim() !== "") {
      type = parseKustoType(columnType);
      if (!type) {
        problem(loc, `unknown type ${quote(columnType)}: expected a Kusto type (${KUSTO_TYPES.join(", ")}) or one of its spellings`);
        return;
      }
    } else if (dataType !== undefined && dataType.trim() !== "") {
      type = parseKustoType(dataType);
      if (!type) {
        problem(loc, `unknown DataType ${quote(dataType)}: expected a .NET type such as System.String, System.Int64, System.DateTime`);
        return;
      }
    } else {
      const found = c.columnType ?? c.dataType;
      problem(loc, `column has no type${found === undefined ? "" : ` (found ${show(found)})`}: expected a ColumnType or DataType`);
      return;
    }

    let ordinal: number | undefined;
    if (c.ordinal !== undefined && c.ordinal !== null && c.ordinal !== "") {
      const n = typeof c.ordinal === "string" ? Number(c.ordinal.trim()) : c.ordinal;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
        problem(loc, `ColumnOrdinal ${show(c.ordinal)} is not valid: expected a whole number from 0`);
        return;
      }
      ordinal = n;
    }
    columns.push({ name, type, ordinal, at });
  });

  if (problems.length > before) return undefined;

  const withOrdinal = columns.filter((c) => c.ordinal !== undefined).length;
  if (withOrdinal > 0 && withOrdinal < columns.length) {
    const missing = columns.find((c) => c.ordinal === undefined)!;
    problem({ ...tableLoc, column: missing.name, at: missing.at }, "column has no ColumnOrdinal while others have one: expected all or none");
    return undefined;
  }
  if (withOrdinal > 0) {
    columns.sort((a, b) => a.ordinal! - b.ordinal!);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      if (c.ordinal !== i) {
        const dup = columns.find((o) => o !== c && o.ordinal === c.ordinal);
        problem(
          { ...tableLoc, column: c.name, at: c.at },
          dup
            ? `ColumnOrdinal ${c.ordinal} is used twice (also by column ${quote(dup.name)}): expected ordinals 0..${columns.length - 1}, each once`
            : `ColumnOrdinal ${c.ordinal} leaves a gap: expected ordinals 0..${columns.length - 1}, each once`,
        );
        return undefined;
      }
    }
  }

  return {
    name: raw.name,
    ...(raw.platform ? { platform: raw.platform } : {}),
    columns: columns.map((c, i) => ({ name: c.name, type: c.type, ordinal: i })),
    source: raw.file,
  };
}

/** Code-unit order: deterministic, independent of locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the schema set: checks every table, rejects two files for one table
 * and table names that differ only in case (they would clash as file names on
 * case-insensitive file systems), and sorts tables by name.
 * Throws an InputError listing every problem.
 */
export function buildSchemaSet(raws: readonly RawTable[], earlier: readonly InputProblem[] = []): SchemaSet {
  const problems = [...earlier];
  const tables: Table[] = [];
  for (const raw of [...raws].sort((a, b) => compareNames(a.file, b.file))) {
    const table = buildTable(raw, problems);
    if (table) tables.push(table);
  }
  const byName = new Map<string, Table>();
  for (const t of tables) {
    const key = t.name.toLowerCase();
    const other = byName.get(key);
    if (other) {
      problems.push(
        new InputProblem(
          { file: t.source, table: t.name },
          other.name === t.name
            ? `table ${t.name} is also defined by ${other.source}: expected one file per table`
            : `table ${t.name} differs only in letter case from table ${other.name} (${other.source}): expected names that differ in more than case`,
        ),
      );
    } else byName.set(key, t);
  }
  if (problems.length > 0) throw new InputError(problems);
  tables.sort((a, b) => compareNames(a.name, b.name));
  return { tables };
}
