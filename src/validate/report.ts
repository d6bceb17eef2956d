/**
 * What `kqlgen validate` found: counts per table, violations per column with
 * the first examples, drift (unknown categories and columns), columns never
 * present, corrupt and unreadable input — collected record by record in
 * bounded memory, and rendered as text or JSON.
 */
import { EXIT } from "../model/errors.js";
import { quote, safeText } from "../model/show.js";
import type { LoadedValidators, RecordSink, StreamTable, ValidationError } from "./load.js";
import type { RecordNotes } from "../../templates/runtime/stream.js";
import { pointerToken } from "../../templates/runtime/validation.js";

/** How many examples a violation group or the corrupt list keeps. */
export const EXAMPLES = 3;
export const CORRUPT_EXAMPLES = 20;
/**
 * How many distinct names (unknown categories, unknown columns per table,
 * violation groups per table) the report keeps. Data can carry millions of
 * distinct names: past this, occurrences are counted, not kept by name.
 */
export const MAX_NAMES = 1000;
/** Names longer than this are kept (and shown) cut, with their length. */
export const MAX_NAME_CHARS = 200;

/** A name from the data, cut to MAX_NAME_CHARS (memory and output stay bounded). */
function keptName(name: string): string {
  return name.length <= MAX_NAME_CHARS ? name : `${name.slice(0, MAX_NAME_CHARS)}… (${name.length.toLocaleString("en-US")} characters)`;
}

/** Adds one occurrence of `name` to `counts`, unless the map is full and does not know it: then false. */
function countName(counts: Map<string, number>, name: string): boolean {
  const key = keptName(name);
  const n = counts.get(key);
  if (n !== undefined) counts.set(key, n + 1);
  else if (counts.size < MAX_NAMES) counts.set(key, 1);
  else return false;
  return true;
}

/**
 * Where a record is: file (or blob), 1-based line, and its index in the
 * message's records when it came in a message body; in a Capture file, the
 * Avro record (the message) and its sequence number, the line being the
 * message body's.
 */
export interface Place {
  readonly file: string;
  readonly avroRecord?: number;
  readonly sequenceNumber?: string;
  readonly line: number;
  readonly record?: number;
}

export interface ViolationExample extends Place {
  /** JSON Pointer inside the record, e.g. "/properties/FileSize". */
  readonly path: string;
  readonly found: string;
}

export interface Violation {
  /** The column, when the error is about one. */
  readonly column?: string;
  /** JSON Pointer inside the record: of the column, or of the envelope field ("/time", "/category", ""). */
  readonly path: string;
  readonly expected: string;
  /** How many records had this error. */
  readonly count: number;
  /** What was found, by kind ("string", "number", "missing", ...), most frequent first. */
  readonly found: readonly { readonly kind: string; readonly count: number }[];
  readonly examples: readonly ViolationExample[];
}

export interface TableReport {
  readonly table: string;
  readonly records: number;
  readonly valid: number;
  readonly invalid: number;
  readonly violations: readonly Violation[];
  /** Columns records carried that the table does not know (drift), by name. */
  readonly unknownColumns: readonly { readonly column: string; readonly count: number }[];
  /** Columns of the table that records lacked (drift: records older than the column), by name. */
  readonly missingColumns: readonly { readonly column: string; readonly count: number }[];
  /** Columns of the table (and MachineGroup) that no record of it carried. */
  readonly neverPresent: readonly string[];
  /** Occurrences of unknown columns not listed by name (more than MAX_NAMES distinct names). */
  readonly unknownColumnsNotListed?: number;
  /** Errors not grouped (more than MAX_NAMES distinct groups). */
  readonly violationsNotListed?: number;
  /** Long columns that carried integers beyond ±2^53, by column. */
  readonly largeLongs: readonly LargeLongReport[];
}

/** Integers beyond ±2^53 in one long column. */
export interface LargeLongReport {
  readonly column: string;
  /** How the column reads longs (config `mapping.long` or the column's `long`). */
  readonly mode: "number" | "string" | "bigint";
  /** Records that carried one. */
  readonly count: number;
  /** Of these, how many the generated package reads exactly (bigint or string mode). */
  readonly exact: number;
  /** The first one: where, the digits the data carried, and the number JSON.parse makes of them. */
  readonly example: Place & { readonly digits: string; readonly parsed: string };
  /** What to do about it (number mode): the config that keeps them exact. */
  readonly advice?: string;
}

export interface CorruptSpot extends Place {
  /** Byte offset in the file's data (in the decompressed data for gzip). */
  readonly byte: number;
  /** The file is gzip: `byte` counts decompressed bytes. */
  readonly decompressed?: true;
  readonly message: string;
}

export interface ValidateReport {
  readonly files: number;
  /** Bytes of the files read (as stored: compressed for gzip). */
  readonly bytes: number;
  readonly records: {
    /** Every record read: valid + invalid + of unknown categories. */
    readonly read: number;
    readonly valid: number;
    readonly invalid: number;
    readonly unknownCategory: number;
  };
  /** Tables with at least one record, by name. */
  readonly tables: readonly TableReport[];
  /** Values that are not streamed records at all (not an object, no category). */
  readonly notRecords: readonly Violation[];
  readonly unknownCategories: readonly { readonly category: string; readonly count: number }[];
  /** Records of unknown categories not listed by name (more than MAX_NAMES distinct categories). */
  readonly unknownCategoriesNotListed?: number;
  /** Envelope keys besides time, tenantId, category, properties, operationName, Tenant and _TimeReceivedBySvc (drift). */
  readonly unknownEnvelopeKeys: readonly { readonly key: string; readonly count: number }[];
  readonly corrupt: { readonly count: number; readonly examples: readonly CorruptSpot[] };
  readonly unreadable: readonly { readonly file: string; readonly message: string }[];
  /** Whether drift (unknown categories and columns) counts as a violation. */
  readonly strict: boolean;
  /** 0 clean, 1 violations (or drift with strict), 2 unreadable input. */
  readonly exitCode: number;
}

interface Group {
  readonly column: string | undefined;
  readonly path: string;
  readonly expected: string;
  /** Sort position: the column's ordinal, or -1 for envelope fields. */
  readonly order: number;
  count: number;
  readonly found: Map<string, number>;
  readonly examples: ViolationExample[];
}

interface TableStats {
  readonly table: string;
  readonly columns: readonly string[];
  /** column → its position in `columns`. */
  readonly ordinals: ReadonlyMap<string, number>;
  /** column → its JSON Pointer in a record. */
  readonly pointers: ReadonlyMap<string, string>;
  records: number;
  valid: number;
  /** Records whose properties were an object (so their columns were looked at). */
  rows: number;
  /** column → records without it. */
  readonly missing: Map<string, number>;
  /** column → records without it, as drift (not errors). */
  readonly absent: Map<string, number>;
  readonly unknown: Map<string, number>;
  unknownNotListed: number;
  /** column → its longs beyond 2^53. */
  readonly longs: Map<string, { mode: LargeLongReport["mode"]; count: number; exact: number; example: LargeLongReport["example"] }>;
  readonly groups: Map<string, Group>;
  groupsNotListed: number;
}

/** "string", "number", "missing", ... from describeValue's wording. */
function kindOf(found: string): string {
  const space = found.indexOf(" ");
  return space === -1 ? found : found.slice(0, space);
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Collects findings. It is the RecordSink the runtime's checkStreamRecord
 * reports to; `where` says where the record being checked is.
 */
export class Findings implements RecordSink {
  private readonly stats = new Map<StreamTable, TableStats>();
  private readonly byTable = new Map<string, StreamTable>();
  private readonly notRecordGroups = new Map<string, Group>();
  private readonly categories = new Map<string, number>();
  private categoriesNotListed = 0;
  private notRecordsNotListed = 0;
  private readonly envelopeKeys = new Map<string, number>();
  private readonly corruptSpots: CorruptSpot[] = [];
  private corruptCount = 0;
  private readonly unreadableInputs: { file: string; message: string }[] = [];
  records = 0;
  invalid = 0;
  unknownCategoryRecords = 0;
  files = 0;
  bytes = 0;
  /** Where the current record is; called only when an example is kept. */
  where: () => Place = () => ({ file: "", line: 0 });

  constructor(private readonly validators: LoadedValidators) {
    for (const [, table] of validators.tables) this.byTable.set(table.table, table);
  }

  private tableStats(table: StreamTable): TableStats {
    let s = this.stats.get(table);
    if (s === undefined) {
      const columns = this.validators.columns.get(table.table) ?? [];
      s = {
        table: table.table,
        columns,
        ordinals: new Map(columns.map((c, i) => [c, i])),
        pointers: new Map(columns.map((c) => [c, `/properties/${pointerToken(c)}`])),
        records: 0,
        valid: 0,
        rows: 0,
        missing: new Map(),
        absent: new Map(),
        unknown: new Map(),
        unknownNotListed: 0,
        longs: new Map(),
        groups: new Map(),
        groupsNotListed: 0,
      };
      this.stats.set(table, s);
    }
    return s;
  }

  knownRecord(rec: Record<string, unknown>, table: StreamTable, errors: ValidationError[] | undefined, unknown: readonly string[], notes?: RecordNotes): void {
    this.records++;
    const s = this.tableStats(table);
    s.records++;
    const p = rec.properties;
    if (typeof p === "object" && p !== null && !Array.isArray(p)) s.rows++;
    if (unknown.length > 0) for (const c of unknown) if (!countName(s.unknown, c)) s.unknownNotListed++;
    if (notes !== undefined) this.notes(s, table, notes);
    if (errors === undefined) {
      s.valid++;
      return;
    }
    this.invalid++;
    for (const e of errors) {
      const column = e.column;
      if (column !== undefined && e.found === "missing" && s.pointers.get(column) === e.path) s.missing.set(column, (s.missing.get(column) ?? 0) + 1);
      // Envelope fields first, then columns in table order, then columns the table does not know.
      if (!this.group(s.groups, e, column === undefined ? -1 : (s.ordinals.get(column) ?? s.columns.length))) s.groupsNotListed++;
    }
  }

  private notes(s: TableStats, table: StreamTable, notes: RecordNotes): void {
    for (const c of notes.missing) s.absent.set(c, (s.absent.get(c) ?? 0) + 1);
    for (const k of notes.envelope) countName(this.envelopeKeys, k);
    for (const l of notes.longs) {
      let entry = s.longs.get(l.column);
      if (entry === undefined) {
        const mode = table.longs.find((c) => c.name === l.column)?.mode ?? "number";
        const example = { ...this.where(), digits: l.digits ?? String(l.parsed), parsed: String(l.parsed) };
        s.longs.set(l.column, (entry = { mode, count: 0, exact: 0, example }));
      }
      entry.count++;
      if (l.exact) entry.exact++;
    }
  }

  unknownCategory(category: string): void {
    this.records++;
    this.unknownCategoryRecords++;
    if (!countName(this.categories, category)) this.categoriesNotListed++;
  }

  notARecord(errors: ValidationError[]): void {
    this.records++;
    this.invalid++;
    for (const e of errors) if (!this.group(this.notRecordGroups, e, -1)) this.notRecordsNotListed++;
  }

  /** Counts an error in its group; false when the group is new and MAX_NAMES groups are kept already. */
  private group(groups: Map<string, Group>, e: ValidationError, order: number): boolean {
    const column = e.column === undefined ? undefined : keptName(e.column);
    const path = keptName(e.path);
    const key = `${column === undefined ? `\u0000${path}` : column}\u0000${e.expected}`;
    let g = groups.get(key);
    if (g === undefined) {
      if (groups.size >= MAX_NAMES) return false;
      g = { column, path, expected: e.expected, order, count: 0, found: new Map(), examples: [] };
      groups.set(key, g);
    }
    g.count++;
    const kind = kindOf(e.found);
    g.found.set(kind, (g.found.get(kind) ?? 0) + 1);
    if (g.examples.length < EXAMPLES) g.examples.push({ ...this.where(), path, found: e.found });
    return true;
  }

  corrupt(spot: CorruptSpot): void {
    this.corruptCount++;
    if (this.corruptSpots.length < CORRUPT_EXAMPLES) this.corruptSpots.push(spot);
  }

  unreadable(file: string, message: string): void {
    this.unreadableInputs.push({ file, message });
  }

  report(strict: boolean): ValidateReport {
    const violations = (groups: Map<string, Group>): Violation[] =>
      [...groups.values()]
        .sort((a, b) => a.order - b.order || byName(a.column ?? "", b.column ?? "") || byName(a.path, b.path) || byName(a.expected, b.expected))
        .map((g) => ({
          ...(g.column === undefined ? {} : { column: g.column }),
          path: g.column === undefined ? g.path : `/properties/${pointerToken(g.column)}`,
          expected: g.expected,
          count: g.count,
          found: [...g.found].sort(([ka, a], [kb, b]) => b - a || byName(ka, kb)).map(([kind, count]) => ({ kind, count })),
          examples: g.examples,
        }));
    const tables: TableReport[] = [...this.stats.values()]
      .sort((a, b) => byName(a.table, b.table))
      .map((s) => ({
        table: s.table,
        records: s.records,
        valid: s.valid,
        invalid: s.records - s.valid,
        violations: violations(s.groups),
        unknownColumns: [...s.unknown].sort(([a], [b]) => byName(a, b)).map(([column, count]) => ({ column, count })),
        ...(s.unknownNotListed > 0 ? { unknownColumnsNotListed: s.unknownNotListed } : {}),
        ...(s.groupsNotListed > 0 ? { violationsNotListed: s.groupsNotListed } : {}),
        missingColumns: s.columns.filter((c) => s.absent.has(c)).map((column) => ({ column, count: s.absent.get(column)! })),
        neverPresent: s.rows === 0 ? [] : s.columns.filter((c) => (s.missing.get(c) ?? 0) + (s.absent.get(c) ?? 0) === s.rows),
        largeLongs: s.columns.filter((c) => s.longs.has(c)).map((column) => {
          const l = s.longs.get(column)!;
          return {
            column,
            ...l,
            ...(l.mode === "number"
              ? { advice: `set "mapping": { "long": "bigint" } (or "string"), or "columns": { "${s.table}.${column}": { "long": "bigint" } }, in kqlgen.config.json to keep them exact` }
              : {}),
          };
        }),
      }));
    const unknownCategories = [...this.categories].sort(([a], [b]) => byName(a, b)).map(([category, count]) => ({ category, count }));
    const unknownEnvelopeKeys = [...this.envelopeKeys].sort(([a], [b]) => byName(a, b)).map(([key, count]) => ({ key, count }));
    // Errors of records that are not records at all, past MAX_NAMES groups, are still counted as invalid records.
    void this.notRecordsNotListed;
    const drift =
      unknownCategories.length > 0 ||
      unknownEnvelopeKeys.length > 0 ||
      tables.some((t) => t.unknownColumns.length > 0 || t.missingColumns.length > 0);
    const exitCode =
      this.unreadableInputs.length > 0 || (this.records === 0 && this.corruptCount === 0)
        ? EXIT.badInput
        : this.invalid > 0 || this.corruptCount > 0 || (strict && drift)
          ? EXIT.checkFailed
          : EXIT.ok;
    return {
      files: this.files,
      bytes: this.bytes,
      records: { read: this.records, valid: this.records - this.invalid - this.unknownCategoryRecords, invalid: this.invalid, unknownCategory: this.unknownCategoryRecords },
      tables,
      notRecords: violations(this.notRecordGroups),
      unknownCategories,
      ...(this.categoriesNotListed > 0 ? { unknownCategoriesNotListed: this.categoriesNotListed } : {}),
      unknownEnvelopeKeys,
      corrupt: { count: this.corruptCount, examples: this.corruptSpots },
      unreadable: this.unreadableInputs,
      strict,
      exitCode,
    };
  }
}

/** 1234567 → "1,234,567" (as toLocaleString("en-US"), without loading ICU's locale data at start-up). */
const number = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/** 1536 → "1.5 KB"; decimal units, one decimal. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n;
  let u = -1;
  do {
    v /= 1000;
    u++;
  } while (v >= 1000 && u < units.length - 1);
  return `${v.toFixed(1)} ${units[u]}`;
}

function place(p: Place): string {
  const avro = p.avroRecord === undefined ? "" : ` avro record ${p.avroRecord}${p.sequenceNumber === undefined ? "" : ` (sequence number ${p.sequenceNumber})`}`;
  return `${p.file}${avro}:${p.line}${p.record === undefined ? "" : ` record ${p.record}`}`;
}

/** A name from the data as the text report shows it: bare when plain, quoted and escaped otherwise. */
function label(name: string): string {
  return /^[\w.@-]{1,256}$/.test(name) ? name : quote(name, MAX_NAME_CHARS + 40);
}

function renderViolation(v: Violation, indent: string): string[] {
  const what = v.column === undefined ? (v.path === "" ? "the record" : v.path) : label(v.column);
  const found = v.found.map((f) => `${f.kind} ${number(f.count)}`).join(", ");
  const lines = [`${indent}${what}: expected ${v.expected} — ${plural(v.count, "record")} (found ${found})`];
  for (const e of v.examples) {
    const at = v.column !== undefined && e.path !== v.path ? ` at ${e.path}` : "";
    lines.push(`${indent}  ${place(e)}${at}: ${e.found}`);
  }
  if (v.count > v.examples.length) lines.push(`${indent}  … and ${plural(v.count - v.examples.length, "more record")}`);
  return lines;
}

/** The report for people. */
export function renderText(r: ValidateReport): string {
  const out: string[] = [];
  const rec = r.records;
  const parts = [`${number(rec.valid)} valid`, `${number(rec.invalid)} invalid`];
  if (rec.unknownCategory > 0) parts.push(`${number(rec.unknownCategory)} of unknown categories`);
  out.push(`kqlgen validate: ${plural(r.files, "file")} (${formatBytes(r.bytes)}), ${plural(rec.read, "record")}: ${parts.join(", ")}`);
  if (r.corrupt.count > 0) out.push(`  and ${plural(r.corrupt.count, "corrupt spot")} in the data`);

  const withViolations = r.tables.filter((t) => t.violations.length > 0);
  if (withViolations.length > 0 || r.notRecords.length > 0) {
    out.push("", "Violations");
    for (const t of withViolations) {
      out.push(`  ${t.table} (${plural(t.records, "record")}, ${number(t.invalid)} invalid)`);
      for (const v of t.violations) out.push(...renderViolation(v, "    "));
      if (t.violationsNotListed) out.push(`    … and ${plural(t.violationsNotListed, "more error")} of other kinds (kqlgen groups the first ${number(MAX_NAMES)})`);
    }
    if (r.notRecords.length > 0) {
      out.push("  not streamed records {time, tenantId, category, properties}");
      for (const v of r.notRecords) out.push(...renderViolation(v, "    "));
    }
  }
  const never = r.tables.filter((t) => t.neverPresent.length > 0);
  if (never.length > 0) {
    out.push("", "Columns never present");
    for (const t of never) out.push(`  ${t.table}: ${t.neverPresent.join(", ")} (in none of ${plural(t.records, "record")})`);
  }
  if (r.corrupt.count > 0) {
    out.push("", "Corrupt data");
    for (const c of r.corrupt.examples) out.push(`  ${place(c)} (byte ${number(c.byte)}${c.decompressed ? " of the decompressed data" : ""}): ${c.message}`);
    if (r.corrupt.count > r.corrupt.examples.length) out.push(`  … and ${plural(r.corrupt.count - r.corrupt.examples.length, "more spot")}`);
  }
  const drift = r.strict ? "drift, counted as violations (--strict)" : "drift, not violations";
  if (r.unknownCategories.length > 0) {
    out.push("", `Unknown categories (${drift}; their records are not checked)`);
    for (const c of r.unknownCategories) out.push(`  ${label(c.category)}: ${plural(c.count, "record")}`);
    if (r.unknownCategoriesNotListed) out.push(`  … and ${plural(r.unknownCategoriesNotListed, "more record")} of other categories (kqlgen lists the first ${number(MAX_NAMES)})`);
  }
  const unknownColumns = r.tables.filter((t) => t.unknownColumns.length > 0);
  if (unknownColumns.length > 0) {
    out.push("", `Unknown columns (${drift})`);
    for (const t of unknownColumns) {
      for (const c of t.unknownColumns) out.push(`  ${t.table}.${label(c.column)}: ${plural(c.count, "record")}`);
      if (t.unknownColumnsNotListed) out.push(`  ${t.table}: … and ${plural(t.unknownColumnsNotListed, "more occurrence")} of other columns (kqlgen lists the first ${number(MAX_NAMES)})`);
    }
  }
  const missingColumns = r.tables.filter((t) => t.missingColumns.length > 0);
  if (missingColumns.length > 0) {
    out.push("", `Missing columns (${drift}; records older than a column lack it)`);
    for (const t of missingColumns)
      for (const c of t.missingColumns) out.push(`  ${t.table}.${c.column}: ${plural(c.count, "record")} of ${number(t.records)} lacked it`);
  }
  if (r.unknownEnvelopeKeys.length > 0) {
    out.push("", `Unknown envelope keys (${drift})`);
    for (const k of r.unknownEnvelopeKeys) out.push(`  ${k.key}: ${plural(k.count, "record")}`);
  }
  const longs = r.tables.filter((t) => t.largeLongs.length > 0);
  if (longs.length > 0) {
    out.push("", "Longs beyond ±2^53 (JSON.parse rounds them)");
    for (const t of longs) {
      for (const l of t.largeLongs) {
        const e = l.example;
        const how =
          l.mode === "number"
            ? `read as number: rounded (${e.digits} became ${e.parsed} at ${place(e)}); ${l.advice}`
            : `read as ${l.mode}: ${l.exact === l.count ? "kept exact" : `${number(l.exact)} kept exact`} (${e.digits} at ${place(e)})`;
        out.push(`  ${t.table}.${l.column}: ${plural(l.count, "record")}, ${how}`);
      }
    }
  }
  if (r.unreadable.length > 0) {
    out.push("", "Unreadable input");
    for (const u of r.unreadable) out.push(`  ${u.file}: ${u.message}`);
  }
  out.push("", verdict(r));
  // Names, values and file names come from the data: no control character reaches the terminal.
  return safeText(out.join("\n"), true) + "\n";
}

function verdict(r: ValidateReport): string {
  if (r.records.read === 0 && r.corrupt.count === 0 && r.unreadable.length === 0) {
    return `NO DATA: ${plural(r.files, "file")} read, no record found: nothing was checked.`;
  }
  if (r.exitCode === EXIT.ok) return "OK: every record matches its schema.";
  const reasons: string[] = [];
  if (r.unreadable.length > 0) reasons.push(plural(r.unreadable.length, "unreadable input"));
  if (r.records.invalid > 0) reasons.push(plural(r.records.invalid, "invalid record"));
  if (r.corrupt.count > 0) reasons.push(plural(r.corrupt.count, "corrupt spot"));
  if (r.strict) {
    const columns = r.tables.reduce((n, t) => n + t.unknownColumns.length, 0);
    const missing = r.tables.reduce((n, t) => n + t.missingColumns.length, 0);
    if (r.unknownCategories.length > 0) reasons.push(plural(r.unknownCategories.length, "unknown category", "unknown categories"));
    if (columns > 0) reasons.push(plural(columns, "unknown column"));
    if (missing > 0) reasons.push(plural(missing, "missing column"));
    if (r.unknownEnvelopeKeys.length > 0) reasons.push(plural(r.unknownEnvelopeKeys.length, "unknown envelope key"));
  }
  return `FAILED: ${reasons.join(", ")}.`;
}

/** The report for machines. */
export function renderJson(r: ValidateReport): string {
  return JSON.stringify(r, null, 2) + "\n";
}
