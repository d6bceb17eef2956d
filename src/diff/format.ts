/** A schema diff for people (text) and for machines (JSON). */
import { quote, safeText } from "../model/show.js";
import type { SchemaChange, SchemaDiff } from "./diff.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describeChange(c: SchemaChange): string {
  // Column names come from schema files: quoted and escaped (bidi controls and C1 codes too), cut when huge.
  const col = c.column === undefined ? "" : quote(c.column, 200);
  switch (c.kind) {
    case "table-added":
      return `+ table added (${plural(c.columns ?? 0, "column")}${c.to ? `, ${c.to}` : ""})`;
    case "table-removed":
      return `- table removed (had ${plural(c.columns ?? 0, "column")})`;
    case "platform-changed":
      return `~ platform changed: ${c.from} -> ${c.to}`;
    case "column-removed":
      return `- column ${col} removed (was ${c.from}, at ${c.ordinal})`;
    case "column-retyped":
      return `~ column ${col} retyped: ${c.from} -> ${c.to}`;
    case "column-added":
      return `+ column ${col} added (${c.to}, at ${c.ordinal})`;
    case "column-moved":
      return `> column ${col} moved: ${c.from} -> ${c.to}`;
  }
}

/**
 * Human-readable diff: one block per changed table, each change on its own
 * line marked with its severity, then a summary line.
 */
export function formatDiffText(diff: SchemaDiff, labels: { readonly old: string; readonly new: string }): string {
  const lines: string[] = [`schema diff: ${safeText(labels.old)} -> ${safeText(labels.new)}`];
  let current: string | undefined;
  for (const c of diff.changes) {
    if (c.table !== current) {
      current = c.table;
      lines.push("", `${c.table}:`);
    }
    lines.push(`  ${c.severity === "breaking" ? "breaking" : "additive"}  ${describeChange(c)}`);
  }
  if (diff.changes.length === 0) {
    lines.push("", `no changes (${plural(diff.tablesCompared, "table")} compared)`);
  } else {
    lines.push(
      "",
      `${plural(diff.breaking, "breaking change")}, ${plural(diff.additive, "additive change")} in ${plural(diff.tablesChanged, "table")} (${diff.tablesCompared} compared)`,
    );
  }
  return lines.join("\n");
}

/** The diff as JSON (stable key order, two-space indentation). */
export function formatDiffJson(diff: SchemaDiff, labels: { readonly old: string; readonly new: string }, failed: boolean): string {
  const doc = {
    old: labels.old,
    new: labels.new,
    failed,
    breaking: diff.breaking,
    additive: diff.additive,
    tablesCompared: diff.tablesCompared,
    tablesChanged: diff.tablesChanged,
    changes: diff.changes.map((c) => ({
      kind: c.kind,
      severity: c.severity,
      table: c.table,
      ...(c.column !== undefined ? { column: c.column } : {}),
      ...(c.from !== undefined ? { from: c.from } : {}),
      ...(c.to !== undefined ? { to: c.to } : {}),
      ...(c.ordinal !== undefined ? { ordinal: c.ordinal } : {}),
      ...(c.columns !== undefined ? { columns: c.columns } : {}),
    })),
  };
  return JSON.stringify(doc, null, 2);
}
