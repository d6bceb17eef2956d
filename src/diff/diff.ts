/**
 * What changed between two schema sets, table by table and column by column,
 * split into breaking changes (a consumer's code or data stops fitting: a
 * table or column removed, a column retyped, a table moved to another
 * platform) and additive ones (tables and columns added, columns moved).
 */
import { compareNames, type Column, type SchemaSet, type Table } from "../model/schema.js";

export type ChangeKind = "table-added" | "table-removed" | "platform-changed" | "column-removed" | "column-retyped" | "column-added" | "column-moved";
export type Severity = "breaking" | "additive";

const SEVERITY: Readonly<Record<ChangeKind, Severity>> = {
  "table-added": "additive",
  "table-removed": "breaking",
  "platform-changed": "breaking",
  "column-removed": "breaking",
  "column-retyped": "breaking",
  "column-added": "additive",
  "column-moved": "additive",
};

export interface SchemaChange {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  readonly table: string;
  readonly column?: string;
  /** Old value: the column's type (retyped), ordinal (moved), platform; a removed column's type. */
  readonly from?: string | number;
  /** New value: the column's type (retyped), ordinal (moved), platform; an added column's type. */
  readonly to?: string | number;
  /** Where an added or removed column sits (its ordinal in the set it belongs to). */
  readonly ordinal?: number;
  /** Column count of an added or removed table. */
  readonly columns?: number;
}

export interface SchemaDiff {
  /** Sorted by table, then breaking before additive, then by column position. */
  readonly changes: readonly SchemaChange[];
  readonly breaking: number;
  readonly additive: number;
  /** Tables present in either set. */
  readonly tablesCompared: number;
  /** Tables with at least one change. */
  readonly tablesChanged: number;
}

function change(kind: ChangeKind, table: string, rest: Omit<SchemaChange, "kind" | "severity" | "table"> = {}): SchemaChange {
  return { kind, severity: SEVERITY[kind], table, ...rest };
}

/**
 * Columns kept in both versions whose relative order changed: those outside a
 * longest common subsequence of the two orders. A column added or removed in
 * the middle shifts ordinals but moves nothing.
 */
function movedColumns(oldCols: readonly Column[], newCols: readonly Column[]): Set<string> {
  const newNames = new Set(newCols.map((c) => c.name));
  const oldNames = new Set(oldCols.map((c) => c.name));
  const a = oldCols.filter((c) => newNames.has(c.name)).map((c) => c.name);
  const b = newCols.filter((c) => oldNames.has(c.name)).map((c) => c.name);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(a.filter((name) => !kept.has(name)));
}

function diffTable(oldT: Table, newT: Table): SchemaChange[] {
  const table = newT.name;
  const breaking: SchemaChange[] = [];
  const additive: SchemaChange[] = [];
  if (oldT.platform && newT.platform && oldT.platform !== newT.platform) {
    breaking.push(change("platform-changed", table, { from: oldT.platform, to: newT.platform }));
  }
  const oldByName = new Map(oldT.columns.map((c) => [c.name, c]));
  const newByName = new Map(newT.columns.map((c) => [c.name, c]));
  const columnChanges: SchemaChange[] = [];
  for (const c of oldT.columns) {
    const now = newByName.get(c.name);
    if (!now) columnChanges.push(change("column-removed", table, { column: c.name, from: c.type, ordinal: c.ordinal }));
    else if (now.type !== c.type) columnChanges.push(change("column-retyped", table, { column: c.name, from: c.type, to: now.type, ordinal: now.ordinal }));
  }
  const moved = movedColumns(oldT.columns, newT.columns);
  for (const c of newT.columns) {
    const before = oldByName.get(c.name);
    if (!before) columnChanges.push(change("column-added", table, { column: c.name, to: c.type, ordinal: c.ordinal }));
    else if (moved.has(c.name)) columnChanges.push(change("column-moved", table, { column: c.name, from: before.ordinal, to: c.ordinal }));
  }
  const position = (c: SchemaChange) => (c.kind === "column-moved" ? (c.to as number) : (c.ordinal ?? 0));
  for (const c of columnChanges) (c.severity === "breaking" ? breaking : additive).push(c);
  breaking.sort((x, y) => (x.kind === "platform-changed" ? -1 : y.kind === "platform-changed" ? 1 : position(x) - position(y)));
  additive.sort((x, y) => position(x) - position(y));
  return [...breaking, ...additive];
}

/** Compares two schema sets (tables matched by exact name). */
export function diffSchemas(oldSet: SchemaSet, newSet: SchemaSet): SchemaDiff {
  const oldByName = new Map(oldSet.tables.map((t) => [t.name, t]));
  const newByName = new Map(newSet.tables.map((t) => [t.name, t]));
  const names = [...new Set([...oldByName.keys(), ...newByName.keys()])].sort(compareNames);
  const changes: SchemaChange[] = [];
  let tablesChanged = 0;
  for (const name of names) {
    const o = oldByName.get(name);
    const n = newByName.get(name);
    let tableChanges: SchemaChange[];
    if (!o) tableChanges = [change("table-added", name, { columns: n!.columns.length, ...(n!.platform ? { to: n!.platform } : {}) })];
    else if (!n) tableChanges = [change("table-removed", name, { columns: o.columns.length, ...(o.platform ? { from: o.platform } : {}) })];
    else tableChanges = diffTable(o, n);
    if (tableChanges.length > 0) tablesChanged++;
    changes.push(...tableChanges);
  }
  const breaking = changes.filter((c) => c.severity === "breaking").length;
  return { changes, breaking, additive: changes.length - breaking, tablesCompared: names.length, tablesChanged };
}

/** Whether the diff fails at the given level: breaking changes only, or any change. */
export function diffFails(diff: SchemaDiff, failOn: FailOn): boolean {
  return diff.breaking > 0 || (failOn === "additive" && diff.additive > 0);
}

export const FAIL_ON = ["breaking", "additive"] as const;
export type FailOn = (typeof FAIL_ON)[number];
