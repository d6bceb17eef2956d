// Runtime of a kqlgen-generated package: Defender streaming API envelopes (Event Hubs messages, Storage blobs).

import { isKustoDatetime, isKustoGuid } from "./formats.js";
import {
  addError,
  errorMessage,
  convertBigints,
  isRecord,
  knownColumns,
  pointerToken,
  unknownColumnsOf,
  type FirstInvalid,
  type KnownColumns,
  type ValidationError,
} from "./validation.js";

/** `category` is the table name behind this prefix. */
export const CATEGORY_PREFIX = "AdvancedHunting-";
/** The column the streaming API adds to every event's properties. */
export const DECORATION = "MachineGroup";

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

export interface StreamParseResult<R> {
  /** The valid records of known categories, in input order. */
  readonly records: R[];
  /** Per-record errors; a bad record never hides the good ones. */
  readonly errors: RecordError[];
  /** Records of categories this package does not know (skipped, not errors). */
  readonly unknownCategories: UnknownCategory[];
  /** Columns records carried that their table does not know (drift; not errors). */
  readonly unknownColumns: UnknownColumn[];
}

export type RowCheck = (
  row: Record<string, unknown>,
  base: string,
  errors: ValidationError[] | undefined,
) => ValidationError[] | undefined;

export interface StreamTable {
  readonly table: string;
  /** The table's straight-line check (fast path: is the row valid?). */
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
}

export function streamTable(
  table: string,
  firstInvalid: FirstInvalid,
  check: RowCheck,
  columns: readonly { readonly name: string }[],
  options: { readonly rejectUnknown?: boolean; readonly formats?: boolean; readonly bigint?: readonly string[] } = {},
): StreamTable {
  const names = columns.map((c) => c.name);
  const decorated = !names.includes(DECORATION);
  return {
    table,
    firstInvalid,
    check,
    known: knownColumns(decorated ? [...names, DECORATION] : names),
    decorated,
    rejectUnknown: options.rejectUnknown === true,
    formats: options.formats === true,
    bigint: options.bigint ?? [],
  };
}

const ENVELOPE = "a streamed record {time, tenantId, category, properties}";

/** Receives what `checkStreamRecord` finds in one record. */
export interface RecordSink {
  /**
   * A record of a category the package knows: its table, its errors (undefined
   * when valid) and the columns it carries that the table does not know (drift).
   */
  knownRecord(
    rec: Record<string, unknown>,
    table: StreamTable,
    errors: ValidationError[] | undefined,
    unknown: readonly string[],
  ): void;
  /** A record of a category no table of the package has (skipped, not an error). */
  unknownCategory(category: string): void;
  /** A value that is not a streamed record at all: not an object, or without a category. */
  notARecord(errors: ValidationError[]): void;
}

/**
 * Checks one streamed record `{time, tenantId, category, properties}` against
 * its table, with error paths starting at `base` (a function, so valid records
 * build no strings), and tells `sink` what it found. The Event Hubs and Storage
 * parsers below are built on it, one record at a time, and so is `kqlgen validate`.
 */
export function checkStreamRecord(
  rec: unknown,
  base: string | (() => string),
  tables: ReadonlyMap<string, StreamTable>,
  sink: RecordSink,
): void {
  const path = typeof base === "string" ? () => base : base;
  if (!isRecord(rec)) {
    sink.notARecord(addError(undefined, path(), undefined, ENVELOPE, rec));
    return;
  }
  const category = rec.category;
  // Records of a message mostly share a category: comparing with the last one is cheaper than hashing it.
  let table: StreamTable | undefined;
  if (category === lastCategory && tables === lastTables) table = lastTable;
  else if (typeof category === "string") {
    table = tables.get(category);
    if (table !== undefined) {
      lastCategory = category;
      lastTable = table;
      lastTables = tables;
    }
  }
  if (table === undefined) {
    if (typeof category === "string" && category !== "") sink.unknownCategory(category);
    else
      sink.notARecord(
        addError(undefined, `${path()}/category`, undefined, `string "${CATEGORY_PREFIX}<Table>"`, category),
      );
    return;
  }
  let errors: ValidationError[] | undefined;
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
  const properties = rec.properties;
  let unknown: readonly string[] = NO_COLUMNS;
  if (!isRecord(properties)) {
    errors = addError(errors, `${path()}/properties`, undefined, `object (a row of ${table.table})`, properties);
  } else {
    // Fast path: one straight-line pass; errors are collected only for invalid rows.
    if (table.firstInvalid(properties, 0) >= 0) errors = table.check(properties, `${path()}/properties`, errors);
    if (table.decorated) {
      const group = properties[DECORATION];
      if (typeof group !== "string") {
        errors = addError(
          errors,
          `${path()}/properties/${DECORATION}`,
          DECORATION,
          "string (the device group every streamed event carries)",
          group,
        );
      }
    }
    // Drift is drift whether or not the record is otherwise valid.
    unknown = unknownColumnsOf(properties, table.known, errors === undefined);
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
  }
  if (errors === undefined && table.bigint.length > 0) convertBigints(properties as Record<string, unknown>, table);
  sink.knownRecord(rec, table, errors, unknown);
}

/** The last tenant id that passed its check (records of a message share it). */
let lastTenant: string | undefined;
/** The last known category, its table and the map it came from. */
let lastCategory: unknown;
let lastTable: StreamTable | undefined;
let lastTables: ReadonlyMap<string, StreamTable> | undefined;

const NO_COLUMNS: readonly string[] = Object.freeze([]);

class Collector implements RecordSink {
  readonly records: unknown[] = [];
  readonly errors: RecordError[] = [];
  private readonly categories = new Map<string, number>();
  private readonly columns = new Map<string, Map<string, number>>();
  /** Where the record being checked is: its index (Event Hubs) or line (Storage). */
  private record: number | undefined;
  private line: number | undefined;
  private readonly base = () => (this.record === undefined ? "" : `/records/${this.record}`);

  constructor(private readonly tables: ReadonlyMap<string, StreamTable>) {}

  fail(
    errors: readonly ValidationError[],
    record: number | undefined,
    line: number | undefined,
    category: string | undefined,
  ): void {
    for (const e of errors) {
      this.errors.push({
        ...e,
        ...(record === undefined ? {} : { record }),
        ...(line === undefined ? {} : { line }),
        ...(category === undefined ? {} : { category }),
      });
    }
  }

  /** One record: `record` is its index in a message, `line` its line in a blob. */
  add(rec: unknown, record: number | undefined, line: number | undefined): void {
    this.record = record;
    this.line = line;
    checkStreamRecord(rec, this.base, this.tables, this);
  }

  knownRecord(
    rec: Record<string, unknown>,
    table: StreamTable,
    errors: ValidationError[] | undefined,
    unknown: readonly string[],
  ): void {
    if (unknown.length > 0) this.countColumns(table.table, unknown);
    if (errors === undefined) this.records.push(rec);
    else this.fail(errors, this.record, this.line, rec.category as string);
  }

  unknownCategory(category: string): void {
    this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
  }

  notARecord(errors: ValidationError[]): void {
    this.fail(errors, this.record, this.line, undefined);
  }

  private countColumns(table: string, columns: readonly string[]): void {
    let counts = this.columns.get(table);
    if (counts === undefined) this.columns.set(table, (counts = new Map()));
    for (const c of columns) counts.set(c, (counts.get(c) ?? 0) + 1);
  }

  result(): StreamParseResult<unknown> {
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const unknownCategories = [...this.categories]
      .sort(([a], [b]) => byName(a, b))
      .map(([category, count]) => ({ category, count }));
    const unknownColumns: UnknownColumn[] = [];
    for (const [table, counts] of [...this.columns].sort(([a], [b]) => byName(a, b))) {
      for (const [column, count] of [...counts].sort(([a], [b]) => byName(a, b)))
        unknownColumns.push({ table, column, count });
    }
    return { records: this.records, errors: this.errors, unknownCategories, unknownColumns };
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
 * as text, bytes or an already-parsed object.
 */
export function parseEventHubsBody(
  body: string | Uint8Array | object,
  tables: ReadonlyMap<string, StreamTable>,
): StreamParseResult<unknown> {
  const collector = new Collector(tables);
  let message: unknown = body;
  if (typeof body === "string" || body instanceof Uint8Array) {
    try {
      message = JSON.parse(toText(body));
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
  for (let i = 0; i < records.length; i++) collector.add(records[i], i, undefined);
  return collector.result();
}

/** Parses and validates a Storage blob: one JSON record per line (blank lines are skipped). */
export function parseStorageBlobText(
  blob: string | Uint8Array,
  tables: ReadonlyMap<string, StreamTable>,
): StreamParseResult<unknown> {
  const collector = new Collector(tables);
  const text = toText(blob);
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
        const found = malformed(e);
        collector.errors.push({
          line,
          path: "",
          expected: "one JSON record per line",
          found,
          message: errorMessage("", "one JSON record per line", found),
        });
      }
      if (parsed) collector.add(rec, undefined, line);
    }
    start = end + 1;
    line++;
  }
  return collector.result();
}
