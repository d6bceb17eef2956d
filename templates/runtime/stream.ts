// Runtime of a kqlgen-generated package: Defender streaming API envelopes (Event Hubs messages, Storage blobs).

import { isKustoDatetime, isKustoGuid } from "./formats.js";
import {
  absentColumns,
  absentCount,
  absentMemo,
  absentNames,
  addError,
  DECORATION,
  errorMessage,
  isRecord,
  MISSING_EXPECTED,
  knownColumns,
  LARGE_LONG,
  pointerToken,
  presentColumns,
  unknownColumnsOf,
  type AbsentMemo,
  type FirstInvalid,
  type KnownColumns,
  type ValidationError,
} from "./validation.js";

/** `category` is the table name behind this prefix. */
export const CATEGORY_PREFIX = "AdvancedHunting-";
/** Envelope keys the stream sends besides time, tenantId, category and properties (optional strings). */
export const ENVELOPE_EXTRAS = ["operationName", "Tenant", "_TimeReceivedBySvc"] as const;

/** The largest integer a double holds exactly (2^53 - 1). */
const MAX_SAFE = 9007199254740991;

/** An error in one record, located by record index (Event Hubs) or line (Storage). */
export interface RecordError extends ValidationError {
  /** 0-based index of the record in the message's `records` array. */
  readonly record?: number;
  /** 1-based line of the blob. */
  readonly line?: number;
  /** The record's category, when it has a known one. */
  readonly category?: string;
}

export interface UnknownCategory {
  readonly category: string;
  /** How many records carried it. */
  readonly count: number;
}

export interface UnknownColumn {
  readonly table: string;
  readonly column: string;
  /** How many records carried it. */
  readonly count: number;
}

/** A column of a table that records lacked (drift: records older than the column, or a column never sent). */
export interface MissingColumn {
  readonly table: string;
  readonly column: string;
  /** How many records lacked it. */
  readonly count: number;
}

export interface UnknownEnvelopeKey {
  readonly key: string;
  /** How many records carried it. */
  readonly count: number;
}

export interface StreamParseResult<R> {
  /** The valid records of known categories, in input order. */
  readonly records: R[];
  /** Per-record errors; a bad record never hides the good ones. */
  readonly errors: RecordError[];
  /**
   * Per-record warnings about valid records: a long beyond ±2^53 read as a
   * number (rounded; config `long: "bigint"` or `"string"` keeps it exact), or
   * exact digits that could not be recovered (input already parsed).
   */
  readonly warnings: RecordError[];
  /** Records of categories this package does not know (skipped, not errors). */
  readonly unknownCategories: UnknownCategory[];
  /** Columns records carried that their table does not know (drift; not errors). */
  readonly unknownColumns: UnknownColumn[];
  /** Columns of a table that its records lacked (drift; not errors unless `missingColumns: "error"`). */
  readonly missingColumns: MissingColumn[];
  /** Envelope keys besides time, tenantId, category, properties and the known extras (drift; not errors). */
  readonly unknownEnvelopeKeys: UnknownEnvelopeKey[];
}

export type RowCheck = (
  row: Record<string, unknown>,
  base: string,
  errors: ValidationError[] | undefined,
) => ValidationError[] | undefined;

export type LongMode = "number" | "string" | "bigint";

/** A long column of a streamed record and how it is read. */
export interface LongColumn {
  readonly name: string;
  readonly mode: LongMode;
}

export interface StreamTable {
  readonly table: string;
  /**
   * The table's straight-line check of a streamed record's properties (fast
   * path): the index of the first invalid column, or a negative number when
   * valid: -1 - (how many of its optional columns are absent) - (LARGE_LONG
   * when a long column holds a number beyond ±2^53, or 0).
   */
  readonly firstInvalid: FirstInvalid;
  /** The table's error collector (slow path, for invalid rows). */
  readonly check: RowCheck;
  /** The table's columns, plus MachineGroup. */
  readonly known: KnownColumns;
  /** The table has no MachineGroup column of its own: the stream adds one. */
  readonly decorated: boolean;
  /** Unknown columns are errors (config `unknownColumns: "error"`). */
  readonly rejectUnknown: boolean;
  /** Check the envelope's `time` format too (config `mapping.formats`). */
  readonly formats: boolean;
  /** Long columns read as bigint: converted once a record is valid. */
  readonly bigint: readonly string[];
  /** The columns whose absence is drift: all but MachineGroup and the columns configured `nullable: false`. */
  readonly optional: readonly string[];
  /** Absent columns are errors (config `missingColumns: "error"`). */
  readonly rejectMissing: boolean;
  /** The long columns, with how each is read. */
  readonly longs: readonly LongColumn[];
  /** Some long column is read as bigint or string: valid records' numbers are converted. */
  readonly converts: boolean;
  /** The table's straight-line conversion of those columns, for valid records without a long beyond ±2^53 (fast path). */
  readonly convert: ((row: Record<string, unknown>) => void) | undefined;
  /** A long beyond ±2^53 in number mode is an error, not a warning (config `unsafeLongs: "error"`). */
  readonly rejectUnsafeLongs: boolean;
  /** The columns in the order of the check's indexes (MachineGroup last when decorated). */
  readonly columns: readonly { readonly name: string }[];
  /** The last absent columns named (see `absentNames`). */
  readonly absent: AbsentMemo;
}

export function streamTable(
  table: string,
  firstInvalid: FirstInvalid,
  check: RowCheck,
  columns: readonly { readonly name: string; readonly type?: string }[],
  options: {
    readonly rejectUnknown?: boolean;
    readonly formats?: boolean;
    readonly bigint?: readonly string[];
    /** Columns configured `nullable: false`: they must be present. */
    readonly required?: readonly string[];
    readonly rejectMissing?: boolean;
    /** Long columns read as decimal strings. */
    readonly longString?: readonly string[];
    readonly rejectUnsafeLongs?: boolean;
    /** The generated conversion of the bigint and string columns (see `StreamTable.convert`). */
    readonly convert?: (row: Record<string, unknown>) => void;
  } = {},
): StreamTable {
  const names = columns.map((c) => c.name);
  const decorated = !names.includes(DECORATION);
  const bigint = options.bigint ?? [];
  const strings = options.longString ?? [];
  const required = options.required ?? [];
  const longs: LongColumn[] = columns
    .filter((c) => c.type === "long" || bigint.includes(c.name) || strings.includes(c.name))
    .map((c) => ({
      name: c.name,
      mode: bigint.includes(c.name) ? "bigint" : strings.includes(c.name) ? "string" : "number",
    }));
  return {
    table,
    firstInvalid,
    check,
    known: knownColumns(decorated ? [...names, DECORATION] : names),
    decorated,
    rejectUnknown: options.rejectUnknown === true,
    formats: options.formats === true,
    bigint,
    optional: names.filter((n) => n !== DECORATION && !required.includes(n)),
    rejectMissing: options.rejectMissing === true,
    longs,
    converts: longs.some((c) => c.mode !== "number"),
    convert: options.convert,
    rejectUnsafeLongs: options.rejectUnsafeLongs === true,
    columns: decorated ? [...columns, { name: DECORATION }] : columns,
    absent: absentMemo(),
  };
}

/**
 * The JSON text records were parsed from, for recovering the exact digits of
 * longs beyond 2^53 that JSON.parse rounded. Records are checked in text
 * order: each search starts where the last one found its number, so the text
 * is scanned once however many records need it — and only for records that
 * carry such a long.
 */
export class JsonText {
  /** Searches start here: at or before the current record's text. */
  from = 0;
  /** The furthest a search of the current record got. */
  reach = 0;
  /**
   * Also find the digits of longs read as numbers (number mode), so warnings
   * show what was rounded. Off in the parsers: a number-mode record's warning
   * then names the column and the rounded number, and no text is searched.
   * `kqlgen validate` turns it on for its report.
   */
  readonly showRounded: boolean;
  constructor(
    public text: string,
    options: { readonly showRounded?: boolean } = {},
  ) {
    this.showRounded = options.showRounded === true;
  }
  /** The next record starts at `at` (or later). */
  moveTo(at: number): void {
    this.from = this.reach = at;
  }
  /** Resets to a new text. */
  reset(text: string): void {
    this.text = text;
    this.from = this.reach = 0;
  }
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The exact digits of the integer `value` of the key `name` in the text, from
 * `source.from`: the first digit run after `"name":` whose value rounds to
 * `value`. Undefined when there is none (a key written with escapes, say).
 *
 * The search looks for the digits, not the key: every integer that rounds to
 * `value` starts with the same leading digits (all but the last three or four),
 * and such a run of digits is rare in the text, so the search skips through it
 * instead of stopping at every record's key.
 */
export function exactDigits(source: JsonText, name: string, value: number): string | undefined {
  const key = JSON.stringify(name);
  const { prefix, shortest, longest } = roundingRange(value);
  if (prefix.length < 8) return digitsAfterKey(source, key, value, shortest, longest);
  const text = source.text;
  for (let at = text.indexOf(prefix, source.from); at !== -1; at = text.indexOf(prefix, at + 1)) {
    const before = text.charCodeAt(at - 1);
    if ((before >= 48 && before <= 57) || before === 45 /* - */ || before === 46 /* . */) continue;
    const end = integerEnd(text, at, shortest, longest);
    if (end === -1) continue;
    const digits = text.slice(at, end);
    if (Number(digits) !== value || !keyBefore(text, at, key)) continue;
    if (end > source.reach) source.reach = end;
    return digits;
  }
  return undefined;
}

/**
 * What every integer that rounds to the double `value` looks like: the leading
 * characters they share (sign included) and their shortest and longest length
 * (they differ just below a power of ten: 999999999999999999 rounds to 1e18).
 */
function roundingRange(value: number): { prefix: string; shortest: number; longest: number } {
  const abs = BigInt(Math.abs(value));
  // Doubles from 2^e to 2^(e+1) are 2^(e-52) apart: the integers that round to one lie within half that.
  const e = abs.toString(2).length - 1;
  const half = e >= 53 ? 1n << BigInt(e - 53) : 0n;
  const lo = String(abs - half);
  const hi = String(abs + half);
  const sign = value < 0 ? "-" : "";
  let n = 0;
  while (n < lo.length && lo.length === hi.length && lo.charCodeAt(n) === hi.charCodeAt(n)) n++;
  return { prefix: sign + lo.slice(0, n), shortest: sign.length + lo.length, longest: sign.length + hi.length };
}

/** The end of the JSON integer at `start` when it has from `shortest` to `longest` characters, or -1. */
function integerEnd(text: string, start: number, shortest: number, longest: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  const first = i;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i));
  if (i === first || i - start < shortest || i - start > longest) return -1;
  const after = text.charCodeAt(i);
  if (after === 46 /* . */ || after === 101 /* e */ || after === 69 /* E */) return -1;
  return i;
}

/** Whether the value at `at` is the value of `key` (`"name"`, then a colon, spaces allowed). */
function keyBefore(text: string, at: number, key: string): boolean {
  let i = at - 1;
  while (isJsonSpace(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== 58 /* : */) return false;
  i--;
  while (isJsonSpace(text.charCodeAt(i))) i--;
  return text.startsWith(key, i - key.length + 1) && text.charCodeAt(i - key.length) !== 92; /* \ */
}

/** exactDigits by the key: every occurrence of `"name":` from `source.from`, in order. */
function digitsAfterKey(
  source: JsonText,
  key: string,
  value: number,
  shortest: number,
  longest: number,
): string | undefined {
  const text = source.text;
  for (let at = text.indexOf(key, source.from); at !== -1; at = text.indexOf(key, at + 1)) {
    let i = at + key.length;
    while (isJsonSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 58 /* : */) continue;
    i++;
    while (isJsonSpace(text.charCodeAt(i))) i++;
    const end = integerEnd(text, i, shortest, longest);
    if (end === -1) continue;
    const digits = text.slice(i, end);
    if (Number(digits) !== value) continue;
    if (end > source.reach) source.reach = end;
    return digits;
  }
  return undefined;
}

/** A long beyond ±2^53 a record carried. */
export interface LargeLong {
  readonly column: string;
  /** The digits the wire carried, when known (the input was text or bytes). */
  readonly digits: string | undefined;
  /** The number JSON.parse made of them (rounded). */
  readonly parsed: number;
  /** The value the record now holds is exact (bigint or string mode, digits known). */
  readonly exact: boolean;
}

/** What a record shows besides its errors: drift and warnings. Undefined on the fast path (nothing to tell). */
export interface RecordNotes {
  /** Columns of the table the record lacks (drift). */
  readonly missing: readonly string[];
  /** Envelope keys besides the known ones (drift). */
  readonly envelope: readonly string[];
  /** Warnings about the record (it is valid all the same). */
  readonly warnings: readonly ValidationError[];
  /** Longs beyond ±2^53. */
  readonly longs: readonly LargeLong[];
}

const ENVELOPE = "a streamed record {time, tenantId, category, properties}";

/** Receives what `checkStreamRecord` finds in one record. */
export interface RecordSink {
  /**
   * A record of a category the package knows: its table, its errors (undefined
   * when valid), the columns it carries that the table does not know (drift),
   * and, when there is any, what else it shows: absent columns, unknown
   * envelope keys, warnings, longs beyond 2^53.
   */
  knownRecord(
    rec: Record<string, unknown>,
    table: StreamTable,
    errors: ValidationError[] | undefined,
    unknown: readonly string[],
    notes?: RecordNotes,
  ): void;
  /** A record of a category no table of the package has (skipped, not an error). */
  unknownCategory(category: string): void;
  /** A value that is not a streamed record at all: not an object, or without a category. */
  notARecord(errors: ValidationError[]): void;
}

interface MutableNotes {
  missing: readonly string[];
  envelope: string[];
  warnings: ValidationError[];
  longs: LargeLong[];
}

// The shared empty lists of new notes: never pushed to (`own` replaces them first).
const NO_KEYS: string[] = [];
const NO_WARNINGS: ValidationError[] = [];
const NO_LONGS: LargeLong[] = [];

/** A notes list of its own, to push to. */
function own<T>(list: T[], empty: T[]): T[] {
  return list === empty ? [] : list;
}

/** Notes start with shared empty lists: most records that have any note have only one kind. */
function newNotes(): MutableNotes {
  return { missing: NO_COLUMNS, envelope: NO_KEYS, warnings: NO_WARNINGS, longs: NO_LONGS };
}

/**
 * Checks one streamed record `{time, tenantId, category, properties}` against
 * its table, with error paths starting at `base` (a function, so valid records
 * build no strings), and tells `sink` what it found. The Event Hubs and Storage
 * parsers below are built on it, one record at a time, and so is `kqlgen validate`.
 *
 * `source`: the JSON text the record was parsed from, when there is one. With
 * it, a long beyond ±2^53 keeps the exact digits the wire carried (bigint and
 * string modes); without it (an object parsed elsewhere) they are already lost,
 * and the record gets a warning saying so.
 */
export function checkStreamRecord(
  rec: unknown,
  base: string | (() => string),
  tables: ReadonlyMap<string, StreamTable>,
  sink: RecordSink,
  source?: JsonText,
): void {
  const path = typeof base === "string" ? () => base : base;
  if (!isRecord(rec)) {
    sink.notARecord(addError(undefined, path(), undefined, ENVELOPE, rec));
    return;
  }
  const category = rec.category;
  const table = typeof category === "string" ? tableOf(tables, category) : undefined;
  if (table === undefined) {
    if (typeof category === "string" && category !== "") sink.unknownCategory(category);
    else
      sink.notARecord(
        addError(undefined, `${path()}/category`, undefined, `string "${CATEGORY_PREFIX}<Table>"`, category),
      );
    return;
  }
  let errors: ValidationError[] | undefined;
  let notes: MutableNotes | undefined;
  const time = rec.time;
  if (typeof time !== "string" || (table.formats && !isKustoDatetime(time))) {
    errors = addError(errors, `${path()}/time`, undefined, "datetime (ISO 8601 UTC string)", time);
  }
  const tenantId = rec.tenantId;
  // Records share their tenant: compare with the last valid one before reading it.
  if (tenantId !== lastTenant) {
    if (typeof tenantId === "string" && isKustoGuid(tenantId)) lastTenant = tenantId;
    else errors = addError(errors, `${path()}/tenantId`, undefined, "guid (the tenant id)", tenantId);
  }
  // The envelope's other keys: the known extras are optional strings; any other key is drift.
  for (const k in rec) {
    switch (k) {
      case "time":
      case "tenantId":
      case "category":
      case "properties":
        continue;
      case "operationName":
      case "Tenant":
      case "_TimeReceivedBySvc": {
        const v = rec[k];
        if (typeof v !== "string")
          errors = addError(errors, `${path()}/${k}`, undefined, "string (an optional envelope field)", v);
        continue;
      }
      default:
        notes ??= newNotes();
        (notes.envelope = own(notes.envelope, NO_KEYS)).push(k);
    }
  }
  const properties = rec.properties;
  let unknown: readonly string[] = NO_COLUMNS;
  let exact: (string | undefined)[] | undefined;
  if (!isRecord(properties)) {
    errors = addError(errors, `${path()}/properties`, undefined, `object (a row of ${table.table})`, properties);
  } else {
    // Fast path: one straight-line pass (MachineGroup included); errors are collected only for invalid rows.
    const first = table.firstInvalid(properties, 0);
    const absent = first < 0 ? absentCount(first) : -1;
    if (first >= 0) errors = table.check(properties, `${path()}/properties`, errors);
    // Drift is drift whether or not the record is otherwise valid.
    if (absent > 0 || (first >= 0 && table.optional.length > 0)) {
      // A valid record's absent columns were noted by its check; an invalid one's are looked for.
      const missing =
        (first < 0 ? absentNames(table.columns, absent, table.absent) : undefined) ??
        absentColumns(properties, table.optional, first < 0 ? absent : Infinity);
      if (missing.length > 0) {
        (notes ??= newNotes()).missing = missing;
        if (table.rejectMissing) {
          for (const c of missing)
            errors = addError(errors, `${path()}/properties/${pointerToken(c)}`, c, MISSING_EXPECTED, undefined);
        }
      }
    }
    unknown = unknownColumnsOf(
      properties,
      table.known,
      first < 0 ? presentColumns(properties, table.known, absent) : undefined,
    );
    if (table.rejectUnknown) {
      for (const k of unknown) {
        errors = addError(
          errors,
          `${path()}/properties/${pointerToken(k)}`,
          k,
          "no such column (unknown columns are errors in this package)",
          properties[k],
        );
      }
    }
    // Longs beyond ±2^53: JSON.parse rounded them. Rare: a valid record's check tells whether it has one,
    // and the text is consulted only then.
    const longs = first >= 0 || first < -LARGE_LONG ? table.longs : NO_LONG_COLUMNS;
    for (let i = 0; i < longs.length; i++) {
      const x = properties[longs[i]!.name];
      if (typeof x === "number" && (x > MAX_SAFE || x < -MAX_SAFE) && Number.isInteger(x)) {
        const column = longs[i]!;
        const digits =
          source === undefined || (column.mode === "number" && !source.showRounded)
            ? undefined
            : exactDigits(source, column.name, x);
        const at = `${path()}/properties/${pointerToken(column.name)}`;
        notes ??= newNotes();
        if (column.mode === "number") {
          const expected = `long within ±2^53 (number mode rounds larger ones${digits === undefined ? ": this is the nearest double, not the digits the wire carried" : ` to ${String(x)}`}; set mapping.long or columns["${table.table}.${column.name}"].long to "bigint" or "string" to keep them exact)`;
          if (table.rejectUnsafeLongs)
            errors = addError(errors, at, column.name, expected, digits === undefined ? x : Number(digits));
          else {
            const found = `number ${digits ?? String(x)}`;
            (notes.warnings = own(notes.warnings, NO_WARNINGS)).push({
              path: at,
              column: column.name,
              expected,
              found,
              message: errorMessage(at, expected, found),
            });
          }
        } else if (digits === undefined) {
          const expected =
            "long with its exact digits (the value was parsed before kqlgen saw it and rounded: pass the text or bytes)";
          const found = `number ${String(x)}`;
          (notes.warnings = own(notes.warnings, NO_WARNINGS)).push({
            path: at,
            column: column.name,
            expected,
            found,
            message: errorMessage(at, expected, found),
          });
        } else (exact ??= [])[i] = digits;
        (notes.longs = own(notes.longs, NO_LONGS)).push({
          column: column.name,
          digits,
          parsed: x,
          exact: column.mode !== "number" && digits !== undefined,
        });
      }
    }
  }
  if (errors === undefined) {
    const props = properties as Record<string, unknown>;
    const longs = table.longs;
    // Records without exact digits to put in (no long beyond ±2^53 read from the text) take the generated conversion.
    if (table.converts && exact === undefined && table.convert !== undefined) table.convert(props);
    else if (table.converts) {
      for (let i = 0; i < longs.length; i++) {
        const column = longs[i]!;
        if (column.mode === "number") continue;
        const x = props[column.name];
        if (typeof x === "number") {
          const digits = exact?.[i];
          props[column.name] =
            column.mode === "bigint"
              ? BigInt(digits ?? x)
              : (digits ?? (Number.isSafeInteger(x) ? String(x) : BigInt(x).toString()));
        } else if (typeof x === "string" && column.mode === "bigint") props[column.name] = BigInt(x);
      }
    }
  }
  if (source !== undefined && source.reach > source.from) source.from = source.reach;
  if (notes === undefined) sink.knownRecord(rec, table, errors, unknown);
  else sink.knownRecord(rec, table, errors, unknown, notes);
}

/** The last tenant id that passed its check (records of a message share it). */
let lastTenant: string | undefined;
/**
 * The table of a category. A parsed category is a new string each time, and
 * hashing it for the map costs more than comparing it with the few categories
 * of its length.
 */
function tableOf(tables: ReadonlyMap<string, StreamTable>, category: string): StreamTable | undefined {
  // Records come from one package's map, nearly always: compare with the last before looking it up.
  let byLength = tables === lastTables ? lastIndex : categoryIndex.get(tables);
  if (byLength === undefined) {
    byLength = [];
    for (const [c, t] of tables) (byLength[c.length] ??= []).push([c, t]);
    categoryIndex.set(tables, byLength);
  }
  lastTables = tables;
  lastIndex = byLength;
  const bucket = byLength[category.length];
  if (bucket !== undefined) {
    for (let i = 0; i < bucket.length; i++) if (bucket[i]![0] === category) return bucket[i]![1];
  }
  return undefined;
}

/** Each map of tables' categories, by length. */
const categoryIndex = new WeakMap<ReadonlyMap<string, StreamTable>, [string, StreamTable][][]>();
let lastTables: ReadonlyMap<string, StreamTable> | undefined;
let lastIndex: [string, StreamTable][][] | undefined;

const NO_COLUMNS: readonly string[] = Object.freeze([]);
const NO_LONG_COLUMNS: readonly LongColumn[] = Object.freeze([]);

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Column lists counted per table. A table's records mostly repeat its last list (the same absent columns), so a list is counted in runs and split into columns only when it changes. */
class ColumnRuns {
  private readonly tables = new Map<string, { list: readonly string[]; run: number; counts: Map<string, number> }>();

  add(table: string, list: readonly string[]): void {
    let t = this.tables.get(table);
    if (t === undefined) this.tables.set(table, (t = { list, run: 0, counts: new Map() }));
    else if (!sameList(t.list, list)) {
      flushRun(t);
      t.list = list;
    }
    t.run++;
  }

  get size(): number {
    return this.tables.size;
  }

  /** Per table and column, sorted. Built for every message: a table whose records all repeated one list needs no counting. */
  list(): { table: string; column: string; count: number }[] {
    const out: { table: string; column: string; count: number }[] = [];
    for (const table of [...this.tables.keys()].sort()) {
      const t = this.tables.get(table)!;
      if (t.counts.size === 0) {
        for (const column of sortedNames(t.list)) out.push({ table, column, count: t.run });
        continue;
      }
      flushRun(t);
      for (const [column, count] of [...t.counts].sort(([a], [b]) => byName(a, b))) out.push({ table, column, count });
    }
    return out;
  }
}

/** A list of names sorted; kept for the lists records repeat (a table's absent columns are one list, reused). */
function sortedNames(list: readonly string[]): readonly string[] {
  if (list.length < 2) return list;
  let sorted = sortedLists.get(list);
  if (sorted === undefined) sortedLists.set(list, (sorted = [...list].sort()));
  return sorted;
}

const sortedLists = new WeakMap<readonly string[], readonly string[]>();

function flushRun(t: { list: readonly string[]; run: number; counts: Map<string, number> }): void {
  if (t.run === 0) return;
  for (const c of t.list) t.counts.set(c, (t.counts.get(c) ?? 0) + t.run);
  t.run = 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What drift a reader saw, counted: unknown categories, columns and envelope keys, and absent columns. */
export interface StreamDrift {
  readonly unknownCategories: UnknownCategory[];
  readonly unknownColumns: UnknownColumn[];
  readonly missingColumns: MissingColumn[];
  readonly unknownEnvelopeKeys: UnknownEnvelopeKey[];
}

/** Counts drift record by record (the parsers, the Storage reader and the Event Hubs consumer share it). */
export class DriftCounts {
  private readonly categories = new Map<string, number>();
  private readonly columns = new ColumnRuns();
  private readonly missing = new ColumnRuns();
  private readonly envelope = new Map<string, number>();

  /** A known record's drift: the columns it carries that the table does not know, and its notes. */
  record(table: string, unknown: readonly string[], notes: RecordNotes | undefined): void {
    if (unknown.length > 0) this.columns.add(table, unknown);
    if (notes !== undefined) {
      if (notes.missing.length > 0) this.missing.add(table, notes.missing);
      for (const k of notes.envelope) this.envelope.set(k, (this.envelope.get(k) ?? 0) + 1);
    }
  }

  category(category: string): void {
    this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
  }

  /** Nothing counted yet. */
  get empty(): boolean {
    return this.categories.size === 0 && this.columns.size === 0 && this.missing.size === 0 && this.envelope.size === 0;
  }

  report(): StreamDrift {
    return {
      unknownCategories: [...this.categories]
        .sort(([a], [b]) => byName(a, b))
        .map(([category, count]) => ({ category, count })),
      unknownColumns: this.columns.list(),
      missingColumns: this.missing.list(),
      unknownEnvelopeKeys: [...this.envelope].sort(([a], [b]) => byName(a, b)).map(([key, count]) => ({ key, count })),
    };
  }
}

/** Collects a parse's results record by record (the parsers below, and the Storage reader, are built on it). */
export class Collector implements RecordSink {
  readonly records: unknown[] = [];
  readonly errors: RecordError[] = [];
  readonly warnings: RecordError[] = [];
  private readonly drift = new DriftCounts();
  /** Where the record being checked is: its index (Event Hubs) or line (Storage). */
  private record: number | undefined;
  private line: number | undefined;
  private readonly base = () => (this.record === undefined ? "" : `/records/${this.record}`);

  constructor(private readonly tables: ReadonlyMap<string, StreamTable>) {}

  /** A line of a Storage blob that is not JSON. */
  malformedLine(line: number, e: unknown): void {
    const expected = "one JSON record per line";
    const found = malformed(e);
    this.errors.push({ line, path: "", expected, found, message: errorMessage("", expected, found) });
  }

  fail(
    errors: readonly ValidationError[],
    record: number | undefined,
    line: number | undefined,
    category: string | undefined,
    into: RecordError[] = this.errors,
  ): void {
    for (let i = 0; i < errors.length; i++) {
      // Object.assign, then the location: object spread took microseconds per error here (Node 20), more than the check.
      const located: { -readonly [K in keyof RecordError]: RecordError[K] } = Object.assign({}, errors[i]!);
      if (record !== undefined) located.record = record;
      if (line !== undefined) located.line = line;
      if (category !== undefined) located.category = category;
      into.push(located);
    }
  }

  /** One record: `record` is its index in a message, `line` its line in a blob. */
  add(rec: unknown, record: number | undefined, line: number | undefined, source?: JsonText): void {
    this.record = record;
    this.line = line;
    try {
      checkStreamRecord(rec, this.base, this.tables, this, source);
    } catch {
      // A property that throws when read (a getter, a revoked proxy): this record fails, the others go on.
      this.unreadable(record, line);
    }
  }

  /** The error of a record that cannot be read. */
  unreadable(record: number | undefined, line: number | undefined): void {
    const path = record === undefined ? "" : `/records/${record}`;
    const expected = "a readable record (plain JSON data)";
    const found = "a property that throws when read";
    this.fail([{ path, expected, found, message: errorMessage(path, expected, found) }], record, line, undefined);
  }

  knownRecord(
    rec: Record<string, unknown>,
    table: StreamTable,
    errors: ValidationError[] | undefined,
    unknown: readonly string[],
    notes?: RecordNotes,
  ): void {
    this.drift.record(table.table, unknown, notes);
    if (notes !== undefined) {
      if (notes.warnings.length > 0)
        this.fail(notes.warnings, this.record, this.line, rec.category as string, this.warnings);
    }
    if (errors === undefined) this.records.push(rec);
    else this.fail(errors, this.record, this.line, rec.category as string);
  }

  unknownCategory(category: string): void {
    this.drift.category(category);
  }

  notARecord(errors: ValidationError[]): void {
    this.fail(errors, this.record, this.line, undefined);
  }

  result(): StreamParseResult<unknown> {
    const drift = this.drift.report();
    return {
      records: this.records,
      errors: this.errors,
      warnings: this.warnings,
      unknownCategories: drift.unknownCategories,
      unknownColumns: drift.unknownColumns,
      missingColumns: drift.missingColumns,
      unknownEnvelopeKeys: drift.unknownEnvelopeKeys,
    };
  }
}

// Declared here so the package compiles without DOM or Node type libraries; every runtime has it.
declare const TextDecoder: new () => { decode(input: Uint8Array): string };
const decoder = new TextDecoder();

function toText(body: string | Uint8Array): string {
  return typeof body === "string" ? body : decoder.decode(body);
}

function malformed(e: unknown): string {
  return `malformed JSON (${e instanceof Error ? e.message : String(e)})`;
}

/**
 * Parses and validates one Event Hubs message body `{"records":[...]}`, given
 * as text, bytes or an already-parsed object. Longs beyond ±2^53 keep their
 * exact digits (bigint and string modes) only when the body is text or bytes:
 * an already-parsed object has lost them (its records get a warning).
 */
export function parseEventHubsBody(
  body: string | Uint8Array | object,
  tables: ReadonlyMap<string, StreamTable>,
): StreamParseResult<unknown> {
  const collector = new Collector(tables);
  let message: unknown = body;
  let source: JsonText | undefined;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const text = toText(body);
    source = new JsonText(text);
    try {
      message = JSON.parse(text);
    } catch (e) {
      const expected = 'a JSON message body {"records":[...]}';
      const found = malformed(e);
      collector.errors.push({ path: "", expected, found, message: errorMessage("", expected, found) });
      return collector.result();
    }
  }
  const records = isRecord(message) ? message.records : undefined;
  if (!Array.isArray(records)) {
    collector.fail(
      addError(
        undefined,
        isRecord(message) ? "/records" : "",
        undefined,
        'a message body {"records":[...]}',
        isRecord(message) ? records : message,
      ),
      undefined,
      undefined,
      undefined,
    );
    return collector.result();
  }
  for (let i = 0; i < records.length; i++) {
    let rec: unknown;
    try {
      rec = records[i];
    } catch {
      collector.unreadable(i, undefined);
      continue;
    }
    collector.add(rec, i, undefined, source);
  }
  return collector.result();
}

/** Parses and validates a Storage blob: one JSON record per line (blank lines are skipped). */
export function parseStorageBlobText(
  blob: string | Uint8Array,
  tables: ReadonlyMap<string, StreamTable>,
): StreamParseResult<unknown> {
  const collector = new Collector(tables);
  const text = toText(blob);
  const source = new JsonText(text);
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    const content = text.slice(start, stop);
    if (content.trim() !== "") {
      let rec: unknown;
      let parsed = true;
      try {
        rec = JSON.parse(content);
      } catch (e) {
        parsed = false;
        collector.malformedLine(line, e);
      }
      if (parsed) {
        source.moveTo(start);
        collector.add(rec, undefined, line, source);
      }
    }
    start = end + 1;
    line++;
  }
  return collector.result();
}
